import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredFrom } from '../../server/analytics/context.js';
import { NotFoundError } from '../../server/analytics/errors.js';
import {
  findListInForce,
  listInForce,
  NetworkEndedError,
  networkPeriod,
} from '../../server/analytics/list-in-force.js';
import { networks } from '../../server/analytics/networks.js';
import { DATA_DIR, FIXTURES, importPath, loadCouncilAreas, tempDatabase } from '../helpers/db.js';

// Three teaching school lists (2014, 2015, 2016) and the network's real period: July 2011 to August 2021.
let t: ReturnType<typeof tempDatabase>;
beforeAll(() => {
  t = tempDatabase();
  loadCouncilAreas(t.db);
  importPath(t.db, 'network-periods', join(DATA_DIR, 'reference/network_periods.csv'));
  for (const [file, asAt] of [
    ['teaching-schools-2014.csv', '2014-05-26'],
    ['teaching-schools-2015.csv', '2015-03-31'],
    ['teaching-schools-2016.csv', '2016-10-31'],
  ]) {
    importPath(t.db, 'teaching-schools', join(FIXTURES, 'networks', file!), { asAt });
  }
});
afterAll(() => t.cleanup());

const network = 'teaching-schools';

describe('listInForce', () => {
  it('gives each list until the day before the next, and the last until the network ends', () => {
    expect(listInForce(t.db, { network, as_at: '2014-05-26' })).toMatchObject({
      as_at: '2014-05-26',
      in_force_to: '2015-03-30',
    });
    expect(listInForce(t.db, { network, as_at: '2015-06-01' })).toMatchObject({
      as_at: '2015-03-31',
      in_force_to: '2016-10-30',
    });
    expect(listInForce(t.db, { network, as_at: '2021-08-31' })).toMatchObject({
      as_at: '2016-10-31',
      in_force_to: '2021-08-31',
    });
    expect(listInForce(t.db, { network })).toMatchObject({ as_at: '2016-10-31' });
  });

  it('says the network had ended, and when, for any date after its end', () => {
    expect(() => listInForce(t.db, { network, as_at: '2021-09-01' })).toThrow(NetworkEndedError);
    const found = findListInForce(t.db, network, '2030-01-01');
    expect(found).toMatchObject({ reason: 'ended' });
    expect('message' in found && found.message).toBe(
      'Teaching schools ended on 31 August 2021, the end of August 2021 (DfE transparency data, "Teaching ' +
        'schools and system leadership: March 2021"): no list is in force on 2030-01-01. The last list, as at ' +
        '2016-10-31, was in force until 2021-08-31.',
    );
  });

  it('names the first list for a date before it, and a network with none', () => {
    expect(() => listInForce(t.db, { network, as_at: '2013-01-01' })).toThrow(
      'no teaching-schools list on or before 2013-01-01; the first is as at 2014-05-26',
    );
    expect(() => listInForce(t.db, { network: 'nles' })).toThrow(NotFoundError);
  });

  it('answers say the list in force, its last day and its age', () => {
    const list = listInForce(t.db, { network, as_at: '2019-03-12' });
    expect(answeredFrom({ network, as_at: '2019-03-12' }, list)).toEqual({
      network,
      as_at: '2019-03-12',
      snapshot_as_at: '2016-10-31',
      snapshot_in_force_to: '2021-08-31',
      snapshot_age_days: 862,
    });
  });
});

describe('networkPeriod and networks', () => {
  it('gives each boundary as published and the day it stands for', () => {
    expect(networkPeriod(t.db, network)).toMatchObject({
      started: { date: '2011-07', precision: 'month', day: '2011-07-01' },
      ended: { date: '2021-08', precision: 'month', day: '2021-08-31' },
    });
    expect(networkPeriod(t.db, 'nles')).toEqual({ started: null, ended: null });
  });

  it('gives no counts after the end, and says why', () => {
    const [ts] = networks(t.db, { as_at: '2022-01-01' });
    expect(ts!.latest).toBeNull();
    expect(ts!.no_list).toMatch(/^Teaching schools ended on 31 August 2021/);
    expect(networks(t.db, { as_at: '2020-01-01' })[0]!.latest).toMatchObject({
      as_at: '2016-10-31',
      in_force_to: '2021-08-31',
    });
  });
});
