// The one error shape every refusal is answered in (its schema: server/contract/errors.ts), and the errors whose
// messages are meant for the client.

import type { ErrorBody, ErrorDetail } from '../contract/errors.js';

export type { ErrorBody, ErrorDetail };

/** An error whose message is meant for the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) => new HttpError(400, message, details);
export const notFound = (message: string) => new HttpError(404, message);

/** Quotes a client's value for a message, cut short so a huge value cannot flood the response. */
export function shown(value: unknown): string {
  if (Array.isArray(value)) return `given ${value.length} times`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.length > 60 ? `${text.slice(0, 60)}…` : text}'`;
}
