import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '../answers/errors.js';

// What Node answers itself, before the app sees a request, had an empty body: a client told 400 without a word.
// The same faults, in the one error shape.
const ANSWERS: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    message: 'the request line and headers are larger than the server reads (16 KB)',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    message: 'the request was not sent in time (REQUEST_TIMEOUT_S, its headers sooner)',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    message: 'a chunk extension is larger than the server reads',
  },
};

/** Node's code for a request it could not read, as the answer in the one error shape. */
export function clientErrorAnswer(code: string | undefined, reason: string | undefined): ErrorBody['error'] {
  const known = code === undefined ? undefined : ANSWERS[code];
  if (known) return { ...known, details: [] };
  const why = reason ? `: ${reason.replace(/[^\x20-\x7e]/g, '?').slice(0, 100)}` : '';
  return { status: 400, message: `the request is not valid HTTP${why}`, details: [] };
}

interface ClientError extends Error {
  code?: string;
  reason?: string;
}

/** The server's 'clientError' listener: answers in the error shape when the connection can still take one. */
export function answerClientError(error: ClientError, socket: Duplex): void {
  const sending = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || sending?.headersSent === true) {
    socket.destroy();
    return;
  }
  const answer = clientErrorAnswer(error.code, error.reason);
  const body = JSON.stringify({ error: answer } satisfies ErrorBody);
  socket.end(
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\n' +
      'X-Content-Type-Options: nosniff\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  );
}
