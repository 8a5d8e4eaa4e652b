import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Config } from '../config.js';
import { answerClientError } from './client-error.js';
import {
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  connectionCap,
  openFileLimit,
} from './connection-limits.js';

// Requests whose client waits for '100 Continue' before sending its body: Node would send it before the app saw
// the request (its default for a server without a 'checkContinue' listener), inviting the body of a request the
// token check is about to refuse. The write route sends it once the request may write (sendContinue).
const awaitingContinue = new WeakSet<IncomingMessage>();

/** Tells a client waiting with `Expect: 100-continue` to send its body; nothing for any other. */
export function sendContinue(req: IncomingMessage, res: ServerResponse): void {
  if (!awaitingContinue.delete(req)) return;
  res.writeContinue();
}

/**
 * The HTTP server in front of the app: its timeouts, how many connections it takes (below `fileLimit`, the
 * process's limit on open files by default), and who is told to send a body.
 */
export function createHttpServer(
  app: RequestListener,
  config: Config,
  fileLimit: number | null = openFileLimit(),
): Server {
  // Timeouts are checked every second rather than Node's 30 s, which a stalled request could add to its own.
  const server = createServer({ connectionsCheckingInterval: 1_000 }, app);
  server.on('clientError', answerClientError);
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    awaitingContinue.add(req);
    app(req, res);
  });
  // A client that is slow to send its request (or an upload) cannot hold a connection for ever, and one that
  // connects and sends nothing is let go within HEADERS_TIMEOUT_MS (a 408).
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = Math.min(HEADERS_TIMEOUT_MS, config.requestTimeoutMs);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  if (fileLimit !== null) server.maxConnections = connectionCap(fileLimit);
  return server;
}
