import { connect, type Socket } from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a free loopback port; close() ends every connection still open. */
export async function listening(server: Server): Promise<{ port: number; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A connection that writes bytes as given and keeps everything the server sends, for requests fetch cannot make. */
export interface RawConnection {
  socket: Socket;
  /** Everything received so far, as latin1 text. */
  received: () => string;
  /** Resolves when the received text matches, or rejects after ms. */
  until: (pattern: RegExp, ms?: number) => Promise<string>;
  /** Resolves when the server has closed the connection, or rejects after ms. */
  closed: (ms?: number) => Promise<void>;
}

export async function rawConnection(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let text = '';
  let ended = false;
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  socket.on('error', () => undefined); // a reset after the server's answer is what some tests expect
  socket.on('close', () => (ended = true));
  const waitFor = (done: () => boolean, what: string, ms: number) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (done()) {
          clearInterval(poll);
          resolve();
        } else if (Date.now() - started > ms) {
          clearInterval(poll);
          reject(new Error(`${what} within ${ms} ms; received: ${text.slice(0, 300)}`));
        }
      }, 10);
    });
  return {
    socket,
    received: () => text,
    until: async (pattern, ms = 5_000) => {
      await waitFor(() => pattern.test(text), `no ${String(pattern)}`, ms);
      return text;
    },
    closed: (ms = 5_000) => waitFor(() => ended, 'the connection was not closed', ms),
  };
}
