import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.js';
import { loadConfig } from '../../server/config.js';
import { FIXTURES, importPath, loadCouncilAreas, tempDatabase } from '../helpers/db.js';

let t: ReturnType<typeof tempDatabase>;
beforeAll(() => {
  t = tempDatabase();
  loadCouncilAreas(t.db);
  importPath(t.db, 'teaching-schools', join(FIXTURES, 'networks', 'teaching-schools-accents.csv'), {
    asAt: '2016-01-01',
  });
});
afterAll(() => t.cleanup());

describe('CSV downloads of imported names', () => {
  it('neutralise a member name and a group name that a spreadsheet would run, and keep accents', async () => {
    const app = createApp({ db: t.db, config: loadConfig({ NODE_ENV: 'test' }), log: () => {} });
    const res = await request(app).get('/api/v1/members?format=csv').expect(200);
    const [, ...rows] = res.text.split('\r\n');
    expect(rows.find((r) => r.startsWith('100012'))).toMatch(
      /^100012,100012,"'=HYPERLINK\(""http:\/\/x""\) School",\d+,'@Alliance,202,/,
    );
    expect(rows.find((r) => r.startsWith('100010'))).toMatch(
      /^100010,100010,École Française Jacques Prévert,/,
    );
    const groups = await request(app).get('/api/v1/groups?format=csv').expect(200);
    expect(groups.text).toContain(`,'@Alliance,1,202,"'=HYPERLINK(""http://x"") School"\r\n`);
  });
});
