import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { splitDistricts } from '../../server/importer/formats/hub-lists.js';
import {
  AreaIndex,
  editDistance,
  isValidAreaName,
  normaliseAreaName,
  type AreaAlias,
  type AreaName,
} from '../../server/importer/areas.js';

// Deliberately small CSV reading (headers trimmed: the NCTL export's have leading spaces); the importer's
// reader replaces it once it exists.
const DATA = new URL('../../data/', import.meta.url);
function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(new URL(path, DATA), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
  });
  expect(parsed.errors, path).toEqual([]);
  return parsed.data;
}

function loadAreas(): AreaName[] {
  return readCsv('council-areas/upper_tier_las_152_2011-2018.csv').map((r) => ({
    la_code: r.la_code!,
    name: r.la_name!,
  }));
}
function loadAliases(): AreaAlias[] {
  const districts = readCsv('council-areas/lad13_to_utla13_la_lookup.csv').map((r): AreaAlias => ({
    alias: r.LAD13NM!,
    la_code: r.LA_CODE!,
    kind: 'district',
    source: 'LAD13',
  }));
  const aliases = readCsv('reference/area_aliases.csv').map((r): AreaAlias => ({
    alias: r.alias!,
    la_code: r.la_code!,
    kind: 'alias',
    source: r.source!,
  }));
  const successors = readCsv('reference/area_successors.csv').map((r): AreaAlias => ({
    alias: r.name!,
    la_code: r.la_code!,
    kind: 'successor',
    source: r.note!,
  }));
  return [...districts, ...aliases, ...successors];
}

describe('normaliseAreaName', () => {
  it.each([
    ['Bristol, City of', 'bristol city of'],
    ['Bristol City of', 'bristol city of'],
    ['  bristol   city of ', 'bristol city of'],
    ['St. Helens', 'st helens'],
    ['St Helens', 'st helens'],
    ['Stockton-on-Tees', 'stockton on tees'],
    ['Telford & Wrekin', 'telford and wrekin'],
    ['Hammersmith&Fulham', 'hammersmith and fulham'],
    ["King's Lynn and West Norfolk", 'kings lynn and west norfolk'],
    ['King\u2019s Lynn and West Norfolk', 'kings lynn and west norfolk'],
    ['Isles Of Scilly', 'isles of scilly'],
    ['Rhondda, Cynon, Taff', 'rhondda cynon taff'],
    ['Ynys M\u00f4n', 'ynys mon'],
  ])('%j -> %j', (input, expected) => expect(normaliseAreaName(input)).toBe(expected));
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['bristol', 'bristoll', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%j, %j -> %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('AreaIndex on a small table', () => {
  const index = new AreaIndex(
    [
      { la_code: '801', name: 'Bristol, City of' },
      { la_code: '342', name: 'St. Helens' },
      { la_code: '810', name: 'Kingston upon Hull, City of' },
      { la_code: '835', name: 'Dorset' },
      { la_code: '836', name: 'Poole' },
      { la_code: '846', name: 'Brighton and Hove' },
    ],
    [
      { alias: 'Bristol', la_code: '801', kind: 'alias', source: 'test' },
      { alias: 'Christchurch', la_code: '835', kind: 'district', source: 'test' },
      { alias: 'Christchurch and Poole', la_code: '836', kind: 'successor', source: 'test' },
      { alias: 'Christchurch and Poole', la_code: '835', kind: 'successor', source: 'test' },
      { alias: 'Dorset', la_code: '835', kind: 'successor', source: 'test' },
    ],
  );

  it.each([
    ['801', ['801'], 'code'],
    [' 342 ', ['342'], 'code'],
    ['Bristol, City of', ['801'], 'name'],
    ['Bristol City of', ['801'], 'name'],
    ['bristol city of', ['801'], 'name'],
    ['BRISTOL, CITY OF', ['801'], 'name'],
    ['St. Helens', ['342'], 'name'],
    ['St Helens', ['342'], 'name'],
    ['Kingston upon Hull City of', ['810'], 'name'],
    ['Kingston upon Hull, City of', ['810'], 'name'],
    ['Brighton & Hove', ['846'], 'name'],
    ['Dorset', ['835'], 'name'],
    ['Bristol', ['801'], 'alias'],
    [' Christchurch', ['835'], 'district'],
    ['Christchurch & Poole', ['835', '836'], 'successor'],
  ])('%j -> %j via %s', (value, la_codes, via) =>
    expect(index.match(value)).toEqual({ ok: true, la_codes, via }),
  );

  it.each([
    ['Bristoll', "'Bristoll' is not a known council area; closest is 'Bristol, City of'", 'Bristol, City of'],
    ['St Helen', "'St Helen' is not a known council area; closest is 'St. Helens'", 'St. Helens'],
    ['Christchurh', "'Christchurh' is not a known council area; closest is 'Christchurch'", 'Christchurch'],
    ['Atlantis', "'Atlantis' is not a known council area", null],
    ['999', "'999' is not a known council area code", null],
    ['  ', 'is empty', null],
  ])('%j is rejected: %s', (value, message, closest) => {
    expect(index.match(value)).toEqual({ ok: false, message, closest });
    expect(isValidAreaName(index, value)).toBe(false);
  });

  it('isValidAreaName says yes to a known spelling', () => {
    expect(isValidAreaName(index, 'bristol city of')).toBe(true);
  });

  it('looks for the closest name of the first 1,000 unknown names only: a hostile file cannot buy more', () => {
    const fresh = new AreaIndex(
      [{ la_code: '801', name: 'Bristol, City of' }],
      [{ alias: 'Bristol', la_code: '801', kind: 'alias', source: 'test' }],
    );
    expect(fresh.match('Bristoll')).toMatchObject({ ok: false, closest: 'Bristol, City of' });
    for (let i = 1; i < 1000; i++) expect(fresh.match(`Nowhere ${i}`).ok).toBe(false);
    expect(fresh.match('Bristolll')).toEqual({
      ok: false,
      message: "'Bristolll' is not a known council area",
      closest: null,
    });
    expect(fresh.match('Bristol, City of').ok).toBe(true);
  });

  it('refuses contradictory tables', () => {
    const areas = [
      { la_code: '801', name: 'Bristol, City of' },
      { la_code: '802', name: 'North Somerset' },
    ];
    expect(
      () => new AreaIndex(areas, [{ alias: 'Bristol', la_code: '803', kind: 'alias', source: 's' }]),
    ).toThrow("council area 'Bristol' (s) points to unknown LA code '803'");
    expect(
      () =>
        new AreaIndex(areas, [
          { alias: 'Bristol', la_code: '801', kind: 'alias', source: 's' },
          { alias: 'bristol', la_code: '802', kind: 'alias', source: 's' },
        ]),
    ).toThrow("council area alias 'bristol' (s) means both 801 and 802");
    expect(
      () =>
        new AreaIndex(areas, [{ alias: 'North Somerset', la_code: '801', kind: 'successor', source: 's' }]),
    ).toThrow("council area 'north somerset' is a name for 802 but a successor for 801");
  });
});

describe('AreaIndex on the shipped data', () => {
  const areas = loadAreas();
  const index = new AreaIndex(areas, loadAliases());

  it('has the 152 areas, each matched by its code and its name', () => {
    expect(areas).toHaveLength(152);
    for (const area of areas) {
      expect(index.match(area.la_code)).toEqual({ ok: true, la_codes: [area.la_code], via: 'code' });
      expect(index.match(area.name)).toEqual({ ok: true, la_codes: [area.la_code], via: 'name' });
    }
  });

  it("DfE's own LA code list: every LA Name gives its Old LA Code", () => {
    const rows = readCsv('council-areas/dfe_nlac_2011_la_codes_raw.csv');
    expect(rows).toHaveLength(152);
    for (const r of rows)
      expect(index.match(r['LA Name']!), r['LA Name']).toMatchObject({ la_codes: [r['Old LA Code']] });
  });

  it('GIAS: every la_name of the 152 areas gives its la_code', () => {
    const pairs = new Set(
      readCsv('establishments/gias_open_establishments_2018-03-12.csv')
        .filter((r) => r.in_152_english_las === 'Y')
        .map((r) => `${r.la_code}|${r.la_name}`),
    );
    expect(pairs.size).toBe(152);
    for (const pair of pairs) {
      const [code, name] = pair.split('|') as [string, string];
      expect(index.match(name), name).toMatchObject({ ok: true, la_codes: [code] });
    }
  });

  it('NCTL 2018: every Local Authority resolves to the la_code the enriched file gives that URN (all 808)', () => {
    const enriched = new Map(
      readCsv('teaching-schools/teaching_schools_2018-03-12_enriched.csv').map((r) => [r.urn!, r.la_code!]),
    );
    const rows = readCsv('teaching-schools/nctl_teaching_schools_2018-03-12_raw.csv');
    expect(rows).toHaveLength(808);
    const resolved = rows.map((r) => {
      const match = index.match(r['Local Authority']!);
      return [r.URN, match.ok && match.la_codes.length === 1 ? match.la_codes[0] : match];
    });
    expect(resolved).toEqual(rows.map((r) => [r.URN, enriched.get(r.URN!)]));
    expect(new Set(resolved.map(([, code]) => code)).size).toBe(149);
  });

  const hubs = readCsv('hubs/teaching_school_hubs_2025-09-30.csv');
  const hubAreas = [...new Set(hubs.flatMap((h) => h.areas!.split(';').map((a) => a.trim())))].sort();

  it('hubs: every area of all 87 hubs resolves', () => {
    expect(hubs).toHaveLength(87);
    const failures = hubAreas.map((a) => index.match(a)).filter((m) => !m.ok);
    expect(failures).toEqual([]);
  });

  it('the 2021 hub list: its comma-separated districts split into names that all resolve', () => {
    const rows2021 = readCsv('hubs/tsh_list_by_area_2021.csv');
    const names = rows2021.flatMap((r) =>
      splitDistricts(r['Teaching School Hub area']!.split(' - ')[1]!, (name) => index.knows(name)),
    );
    expect(rows2021).toHaveLength(87);
    expect(names.filter((name) => !index.match(name).ok)).toEqual([]);
    const known = new Set(
      [
        ...areas.map((a) => a.name),
        ...readCsv('council-areas/lad13_to_utla13_la_lookup.csv').map((r) => r.LAD13NM!),
      ].map(normaliseAreaName),
    );
    const other = [...new Set(names)].filter((a) => !known.has(normaliseAreaName(a))).sort();
    expect(other.map((a) => [a, (index.match(a) as { via: string }).via])).toEqual([
      ['Birmingham North', 'successor'],
      ['Birmingham South', 'successor'],
      ['Bournemouth, Christchurch and Poole', 'successor'],
      ['Cornwall E', 'successor'],
      ['Cornwall W', 'successor'],
    ]);
  });

  it('hubs: names neither 2013 districts nor one of the 152 are in the reference tables', () => {
    const known = new Set(
      [
        ...areas.map((a) => a.name),
        ...readCsv('council-areas/lad13_to_utla13_la_lookup.csv').map((r) => r.LAD13NM!),
      ].map(normaliseAreaName),
    );
    const later = hubAreas.filter((a) => !known.has(normaliseAreaName(a)));
    expect(later.map((a) => [a, index.match(a).ok && (index.match(a) as { via: string }).via])).toEqual([
      ['Bristol', 'alias'],
      ['Christchurch and Poole', 'successor'],
      ['Cumberland', 'successor'],
      ['East Suffolk North', 'successor'],
      ['East Suffolk South', 'successor'],
      ['Folkestone and Hythe', 'successor'],
      ['Kingston upon Hull', 'alias'],
      ['North Northamptonshire', 'successor'],
      ['North Yorkshire East', 'successor'],
      ['North Yorkshire South', 'successor'],
      ['West Northamptonshire', 'successor'],
      ['West Suffolk', 'successor'],
      ['Westmorland and Furness', 'successor'],
    ]);
  });

  it.each([
    ['Christchurch and Poole', ['835', '836']],
    ['Bournemouth, Christchurch and Poole', ['835', '836', '837']],
    ['Cumberland', ['909']],
    ['North Northamptonshire', ['928']],
    ['Folkestone and Hythe', ['886']],
    ['Shepway', ['886']],
    ['County Durham', ['840']],
    ['Durham', ['840']],
    ['Herefordshire, County of', ['884']],
    ['Hull', ['810']],
    ['Isles Of Scilly', ['420']],
  ])('%j -> %j', (value, la_codes) => expect(index.match(value)).toMatchObject({ ok: true, la_codes }));

  it('suggests the nearest known spelling', () => {
    expect(index.match('Bristoll')).toEqual({
      ok: false,
      message: "'Bristoll' is not a known council area; closest is 'Bristol, City of'",
      closest: 'Bristol, City of',
    });
    expect(index.match('Northamptonshir')).toMatchObject({ closest: 'Northamptonshire' });
    expect(index.match('Cumberlnd')).toMatchObject({ closest: 'Cumberland' });
    expect(index.match('Hul')).toMatchObject({ closest: 'Kingston upon Hull, City of' });
    expect(index.match('Middle-earth')).toMatchObject({ closest: null });
  });
});
