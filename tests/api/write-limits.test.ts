import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { expectErrorShape } from './helpers.js';
import { TOKEN, shippedCopyApp, type WritableApp } from './write-helpers.js';

// The write budgets: failures (no token, a wrong one) are counted per address apart from the admin's writes,
// and behind a trusted proxy each client is its own address.

let t: WritableApp;
afterEach(() => t.cleanup());

const CSV = 'tsh_area,name,website,areas\nEE1,Saffron Teaching School Hub,,Braintree\n';

function write(app: WritableApp['app'], token: string | null, forwardedFor?: string) {
  const req = request(app)
    .post('/api/v1/imports?kind=hubs&as_at=2026-01-01&dry_run=true')
    .set('Content-Type', 'text/csv');
  if (token !== null) req.set('Authorization', `Bearer ${token}`);
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  return req.send(CSV);
}

describe('write budgets', () => {
  it('anonymous and wrong-token requests do not use up the admin’s budget', async () => {
    t = shippedCopyApp({ WRITE_RATE_LIMIT: '3', WRITE_FAILURE_LIMIT: '4' });
    for (let i = 0; i < 4; i++) await write(t.app, null).expect(401);
    // The failure budget is spent: guessing now gets 429 before the token is looked at...
    const held = await write(t.app, 'wrong-token-0123456789').expect(429);
    expectErrorShape(held.body, 429);
    expect(held.body.error.message).toMatch(/refused write requests/);
    expect(held.headers['retry-after']).toBe('60');
    // ...while the admin, from the same address, still has every write of its own.
    for (let i = 0; i < 3; i++) await write(t.app, TOKEN).expect(200);
    const over = await write(t.app, TOKEN).expect(429);
    expect(over.body.error.message).toMatch(/^too many write requests: at most 3 a minute/);
  }, 90_000); // three real dry runs, each in its import thread

  it('without TRUST_PROXY, a client cannot choose its address with X-Forwarded-For', async () => {
    t = shippedCopyApp({ WRITE_FAILURE_LIMIT: '2' });
    await write(t.app, null, '203.0.113.1').expect(401);
    await write(t.app, null, '203.0.113.2').expect(401);
    await write(t.app, null, '203.0.113.3').expect(429);
  });

  it('behind a trusted proxy, clients are told apart by the address it forwards', async () => {
    t = shippedCopyApp({ WRITE_FAILURE_LIMIT: '2', TRUST_PROXY: 'loopback' });
    await write(t.app, null, '203.0.113.1').expect(401);
    await write(t.app, null, '203.0.113.1').expect(401);
    await write(t.app, null, '203.0.113.1').expect(429);
    // Another client behind the same proxy keeps its own budget.
    await write(t.app, null, '203.0.113.2').expect(401);
  });
});
