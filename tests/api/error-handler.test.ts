import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler, HttpError } from '../../server/api/errors.js';
import { setUpRequestId } from '../../server/api/setup/request-id.js';

// The handler on its own, behind routes that fail in ways the API's own routes cannot be made to.
function appThrowing(thrown: unknown) {
  const logged: string[] = [];
  const app = express();
  app.use(setUpRequestId());
  app.get('/boom', () => {
    throw thrown;
  });
  app.get('/async', async () => {
    await Promise.resolve();
    throw thrown;
  });
  app.use(errorHandler((line) => logged.push(line)));
  return { app, logged };
}

describe('errorHandler', () => {
  it('turns an unexpected Error into a bare 500 and logs its stack', async () => {
    const { app, logged } = appThrowing(new Error('secret: password=hunter2 at /srv/app.ts'));
    for (const path of ['/boom', '/async']) {
      const res = await request(app).get(path).expect(500);
      expect(res.body).toEqual({ error: { status: 500, message: 'Internal server error', details: [] } });
      expect(res.text).not.toContain('hunter2');
    }
    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain('hunter2');
    expect(logged[0]).toMatch(/\n\s+at /); // the stack
  });

  it('survives things thrown that are not errors', async () => {
    const { app, logged } = appThrowing('a string');
    const res = await request(app).get('/boom').expect(500);
    expect(res.body.error.message).toBe('Internal server error');
    expect(logged[0]).toContain('non-error thrown: a string');
  });

  it('sends an HttpError as it is, with its headers', async () => {
    const { app, logged } = appThrowing(
      new HttpError(409, 'already imported', [{ message: 'x' }], { 'X-A': 'b' }),
    );
    const res = await request(app).get('/boom').expect(409);
    expect(res.body).toEqual({
      error: { status: 409, message: 'already imported', details: [{ message: 'x' }] },
    });
    expect(res.headers['x-a']).toBe('b');
    expect(logged).toEqual([]);
  });

  it('does not show the message of a 4xx error that is not meant to be shown', async () => {
    const { app } = appThrowing(Object.assign(new Error('internal detail'), { status: 418, expose: false }));
    const res = await request(app).get('/boom').expect(418);
    expect(res.body.error.message).toBe('Bad request');
  });

  it('treats a thrown 5xx status as our own fault', async () => {
    const { app, logged } = appThrowing(Object.assign(new Error('upstream detail'), { status: 502 }));
    const res = await request(app).get('/boom').expect(500);
    expect(res.text).not.toContain('upstream');
    expect(logged).toHaveLength(1);
  });
});
