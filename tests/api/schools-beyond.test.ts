import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectErrorShape, shippedApp, type TestApp } from './helpers.js';

// The reach list over HTTP, on the database built from the shipped data.

let t: TestApp;
beforeAll(() => {
  t = shippedApp(inject('shippedDb'));
});
afterAll(() => t.cleanup());

const get = (url: string) => request(t.app).get(url);

describe('GET /api/v1/schools-beyond', () => {
  it('pages the list and gives the total', async () => {
    const all = await get('/api/v1/schools-beyond?region=South%20West&radius_km=30&limit=1000').expect(200);
    const page = await get('/api/v1/schools-beyond?region=South%20West&radius_km=30&limit=2&offset=1').expect(
      200,
    );
    expect(page.body.total).toBe(all.body.total);
    expect(page.body.rows).toEqual(all.body.rows.slice(1, 3));
  });

  it('sends a CSV named after its filters, with the GIAS link of each school', async () => {
    const res = await get('/api/v1/schools-beyond?la_code=908&radius_km=20&phase=primary&format=csv').expect(
      200,
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="schools-beyond-teaching-schools-2018-03-12-20km-908-Primary.csv"',
    );
    const [header, first] = res.text.split('\r\n');
    expect(header).toBe(
      'urn,name,phase,la_code,la_name,region,km,nearest_member_key,nearest_member_name,nearest_member_la_code,' +
        'gias_url,establishments_extract',
    );
    expect(first).toMatch(
      /^\d+,[^,]*,Primary,908,Cornwall,South West,[\d.]+,\d+,[^,]+,\d{3},https:\/\/get-information/,
    );
    expect(first).toMatch(/,GIAS establishments extract of 12 March 2018$/);
  });

  it('refuses a radius outside 1-50 km and an area with a region, naming the value', async () => {
    for (const radius of ['0.5', '51', 'far']) {
      const res = await get(`/api/v1/schools-beyond?radius_km=${radius}`).expect(400);
      expectErrorShape(res.body, 400);
      expect(res.body.error.details[0]).toMatchObject({ parameter: 'radius_km' });
    }
    const both = await get('/api/v1/schools-beyond?la_code=908&region=London').expect(400);
    expect(both.body.error.message).toMatch(/not both/);
  });

  it('answers 404 for an unknown area and for a date before a network’s first list', async () => {
    expectErrorShape((await get('/api/v1/schools-beyond?la_code=999').expect(404)).body, 404);
    const hubs = await get('/api/v1/schools-beyond?network=hubs&as_at=2021-08-31').expect(404);
    expect(hubs.body.error.message).toMatch(/the first is as at 2021-09-01/);
  });
});
