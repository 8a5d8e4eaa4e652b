import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../server/importer/import-file.js';
import { DATA_DIR, dump, loadCouncilAreas, tempDatabase } from '../helpers/db.js';

// The hubs kind on DfE's 2021 layout, and the districts of successor names, on a real SQLite file.

let t: ReturnType<typeof tempDatabase>;
afterEach(() => t.cleanup());

const LIST_2021 = readFileSync(join(DATA_DIR, 'hubs/tsh_list_by_area_2021.csv'), 'utf8');

function importHubs(text: string, asAt = '2021-09-01') {
  return importFile(t.db, { kind: 'hubs', bytes: Buffer.from(text), fileName: 'hubs.csv', asAt });
}

describe('the 2021 list by area', () => {
  it('imports as published, and the same file again changes nothing', () => {
    t = tempDatabase();
    loadCouncilAreas(t.db);
    const report = importHubs(LIST_2021);
    expect(report).toMatchObject({
      status: 'committed',
      format: 'list of teaching school hubs by area',
      rows_read: 87,
      ignored_columns: [],
      changes: { compared_with: null, left: [], weak_matches: [] },
    });
    expect(report.changes!.joined).toHaveLength(87);
    const before = dump(t.db);
    expect(importHubs(LIST_2021).status).toBe('unchanged');
    expect(dump(t.db)).toEqual(before);
  });

  it('names the row, column and value of a cell without a code, and of an unknown district', () => {
    t = tempDatabase();
    loadCouncilAreas(t.db);
    const lines = LIST_2021.split('\n');
    lines[1] = lines[1]!.replace('EENEL1 - Braintree', 'EENEL1 Braintree');
    lines[3] = lines[3]!.replace('Fenland', 'Fenlund');
    const report = importHubs(lines.join('\n'));
    expect(report.status).toBe('rejected');
    expect(report.errors).toEqual([
      {
        row: 2,
        column: 'Teaching School Hub area',
        value: 'EENEL1 Braintree, Chelmsford, Epping Forest, Harlow, Uttlesford',
        message:
          "'EENEL1 Braintree, Chelmsford, Epping Forest, Harlow, Uttlesford' is not a hub code and its districts " +
          "('EENEL1 - Braintree, Chelmsford')",
      },
      {
        row: 4,
        column: 'Teaching School Hub area',
        value: 'Fenlund',
        message: "'Fenlund' is not a known council area; closest is 'Fenland'",
      },
    ]);
    expect(t.db.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(0);
  });
});

describe('the districts of successor names', () => {
  it('refuses a name whose rows give different districts, and a district no one knows', () => {
    t = tempDatabase();
    loadCouncilAreas(t.db);
    const csv = [
      'name,la_code,valid_from,note,districts_2013,part',
      'Christchurch and Poole,835,2019-04-01,x,Christchurch;Poole,',
      'Christchurch and Poole,836,2019-04-01,x,Poole,',
    ].join('\n');
    const clash = importFile(t.db, { kind: 'area-successors', bytes: Buffer.from(csv), fileName: 's.csv' });
    expect(clash.errors.map((e) => e.message)).toEqual([
      "districts_2013 and part differ between the rows of 'Christchurch and Poole'",
    ]);
    const unknown = importFile(t.db, {
      kind: 'area-successors',
      bytes: Buffer.from('name,la_code,districts_2013,part\nWest Suffolk,935,Forest Heeth,maybe\n'),
      fileName: 's.csv',
    });
    expect(unknown.errors.map((e) => [e.column, e.value])).toEqual([
      ['districts_2013', 'Forest Heeth'],
      ['part', 'maybe'],
    ]);
  });
});
