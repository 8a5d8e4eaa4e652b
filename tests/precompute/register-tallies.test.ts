import { afterAll, describe, expect, inject, it } from 'vitest';
import { all, run } from '../../server/db/gateway.js';
import { derivedFiguresMissing } from '../../server/db/queries/reach.js';
import { ensureDerivedFigures, refreshAfterImport } from '../../server/precompute/refresh.js';
import { databaseCopy } from '../helpers/db.js';

// The register's open establishments per area and phase are tallied at import (register_area_schools), and again
// when the establishments change (their 2018 locations); a database without the tally is refilled at start.
const copy = databaseCopy(inject('shippedDb'));
const db = copy.db;
afterAll(() => copy.cleanup());

const tally = () => all(db, 'SELECT * FROM register_area_schools ORDER BY la_code, phase');
const counted = () =>
  all(
    db,
    `SELECT r.la_code, coalesce(r.phase, '') AS phase, count(*) AS schools, count(e.latitude) AS located
     FROM register_establishments r LEFT JOIN establishments e ON e.urn = r.urn
     WHERE r.is_open = 1 AND r.la_code IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
  );

describe('register_area_schools', () => {
  it('holds what a GROUP BY of the register gives: 25,094 open in 153 areas, 20,866 located', () => {
    expect(tally()).toEqual(counted());
    const totals = all<{ n: number; located: number }>(
      db,
      'SELECT sum(schools) AS n, sum(located) AS located FROM register_area_schools',
    )[0];
    expect(totals).toEqual({ n: 25094, located: 20866 });
  });

  it('is tallied again after an establishments import: a location gone is one located fewer', () => {
    const urn = all<{ urn: number }>(
      db,
      `SELECT r.urn FROM register_establishments r JOIN establishments e ON e.urn = r.urn
       WHERE r.is_open = 1 AND r.la_code IS NOT NULL AND e.latitude IS NOT NULL LIMIT 1`,
    )[0]!.urn;
    run(db, 'UPDATE establishments SET latitude = NULL, longitude = NULL WHERE urn = ?', [urn]);
    refreshAfterImport(db, { kind: 'establishments', network: null, as_at: null });
    expect(tally()).toEqual(counted());
  });

  it('is missed, and refilled, in a database filled before it was kept', () => {
    run(db, 'DELETE FROM register_area_schools');
    expect(derivedFiguresMissing(db)).toBe(true);
    expect(ensureDerivedFigures(db)).toBe(true);
    expect(tally()).toEqual(counted());
  });
});
