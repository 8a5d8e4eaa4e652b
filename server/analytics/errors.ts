/** Asked about something the registry does not hold (a council area, a snapshot before the first). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A parameter that is well formed but names nothing the registry knows; the message names the value. */
export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    readonly value: unknown,
    message: string,
  ) {
    super(`${parameter}: ${message}`);
    this.name = 'ParameterError';
  }
}
