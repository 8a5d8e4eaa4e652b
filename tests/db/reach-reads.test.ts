// school_reach is written whole for every list by each establishments import (389,490 rows on 400,000
// establishments), so it keeps no index beyond its key, and its reads go by that key: these pin both.
import { afterAll, describe, expect, it } from 'vitest';
import { all } from '../../server/db/gateway.js';
import { REACH_OF_REGISTERED } from '../../server/db/queries/register.js';
import { tempDatabase } from '../helpers/db.js';

const { db, cleanup } = tempDatabase();
afterAll(() => cleanup());

const plan = (sql: string, params: Record<string, unknown>) =>
  all<{ detail: string }>(db, `EXPLAIN QUERY PLAN ${sql}`, params).map((step) => step.detail);

describe("school_reach's reads", () => {
  it('find no index on distance to keep up (migration 012)', () => {
    const indexes = all<{ origin: string }>(db, "PRAGMA index_list('school_reach')");
    expect(indexes.map((index) => index.origin)).toEqual(['pk']);
  });

  it("start from the register's establishments and look each up by school_reach's key", () => {
    const steps = plan(
      `SELECT count(*) FROM ${REACH_OF_REGISTERED} WHERE r.is_open = 1 AND r.la_code = '908' AND s.km > @km`,
      { snapshot: 1, km: 5 },
    );
    const reads = steps.filter((step) => /^(SCAN|SEARCH) /.test(step));
    expect(reads[0]).toMatch(/^SCAN r\b/);
    expect(reads.at(-1)).toBe('SEARCH s USING PRIMARY KEY (snapshot_id=? AND la_code=? AND urn=?)');
  });
});
