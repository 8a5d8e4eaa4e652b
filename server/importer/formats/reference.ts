import { type CsvFormat, RowChecker, type ValidateContext } from '../format.js';
import { requiredText } from '../values.js';
import { NETWORKS } from '../../../common/networks.js';

/** A way of naming council areas the source files do not use themselves: a spelling or a later area. */
export interface AliasRecord {
  alias: string;
  la_code: string;
  kind: 'alias' | 'successor';
  source: string;
  /** A successor's 2013 districts (empty: all of its council area's), and whether it is only a part of them. */
  composition?: { districts: string[]; part: boolean };
}

export interface MetricRecord {
  metric: string;
  network_id: string | null;
  measure: string;
  label: string;
}

/** The networks a reference row may name (common/networks.ts). */
export const NETWORK_IDS = NETWORKS;
export const MEASURES = [
  'members',
  'groups',
  'designated_in_round',
  'areas_covered',
  'areas_covered_pct',
  'other',
];

function knownAreaCode(check: RowChecker, context: ValidateContext) {
  return check.field('la_code', (value) =>
    context.areas.match(value).ok && /^\d{3}$/.test(value)
      ? { ok: true as const, value }
      : { ok: false as const, message: `'${value}' is not a known council area code` },
  );
}

/** A table of names for council areas: which column holds the name, and which one says where it comes from. */
function nameTable(spec: {
  name: string;
  kind: AliasRecord['kind'];
  nameColumn: { name: string; aliases?: string[] };
  sourceColumn: string;
  otherColumns: string[];
  file: string;
  /** More of the record, from the table's other columns. */
  more?: (check: RowChecker, context: ValidateContext) => Partial<AliasRecord>;
}): CsvFormat<AliasRecord> {
  return {
    name: spec.name,
    columns: [
      spec.nameColumn,
      { name: 'la_code' },
      { name: spec.sourceColumn },
      ...spec.otherColumns.map((name) => ({ name })),
    ],
    required: [[spec.nameColumn.name], ['la_code']],
    validate(row, context) {
      const check = new RowChecker(row);
      const alias = check.field(spec.nameColumn.name, requiredText);
      const la_code = knownAreaCode(check, context);
      const more = spec.more?.(check, context) ?? {};
      return check.result(() => ({
        alias: alias!,
        la_code: la_code!,
        kind: spec.kind,
        source: row.text(spec.sourceColumn) ?? spec.file,
        ...more,
      }));
    },
    key: (record) => `${record.alias.toLowerCase()}|${record.la_code}`,
  };
}

/** data/reference/area_aliases.csv: other spellings of the 152 areas. */
export const aliasTable = nameTable({
  name: 'area alias table',
  kind: 'alias',
  nameColumn: { name: 'alias' },
  sourceColumn: 'source',
  otherColumns: ['kind', 'notes'],
  file: 'data/reference/area_aliases.csv',
});

/** data/reference/area_successors.csv: areas created after 2018 and the 2011-2018 areas they cover. */
export const successorTable = nameTable({
  name: 'area successor table',
  kind: 'successor',
  nameColumn: { name: 'name', aliases: ['successor'] },
  sourceColumn: 'note',
  otherColumns: ['valid_from', 'districts_2013', 'part'],
  file: 'data/reference/area_successors.csv',
  more: (check, context) => ({ composition: composition(check, context) }),
});

/**
 * A successor's 2013 districts ('Forest Heath;St Edmundsbury'), each one a name the matcher knows, and 'part':
 * yes where the name is only some of them and no public source says which (the hub finder's sub-divisions).
 */
function composition(check: RowChecker, context: ValidateContext): AliasRecord['composition'] {
  const cell = check.row.get('districts_2013');
  const districts = cell
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of districts) {
    const match = context.areas.match(name);
    if (!match.ok) check.fail('districts_2013', name, match.message);
  }
  const part = check.field('part', (value) =>
    ['', 'no', 'yes'].includes(value.toLowerCase())
      ? { ok: true as const, value: value.toLowerCase() === 'yes' }
      : { ok: false as const, message: `'${value}' is not yes, no or empty` },
  );
  return { districts, part: part ?? false };
}

/** data/reference/metrics.csv: which milestone metric speaks of which network, and what it counts. */
export const metricTable: CsvFormat<MetricRecord> = {
  name: 'metric table',
  columns: [
    { name: 'metric' },
    { name: 'network_id', aliases: ['network'] },
    { name: 'measure' },
    { name: 'label' },
  ],
  required: [['metric'], ['measure'], ['label']],
  validate(row) {
    const check = new RowChecker(row);
    const metric = check.field('metric', requiredText);
    const network = row.text('network_id');
    if (network !== null && !(NETWORKS as readonly string[]).includes(network)) {
      check.fail('network_id', network, `'${network}' is not one of ${NETWORKS.join(', ')}`);
    }
    const measure = row.get('measure');
    if (!MEASURES.includes(measure))
      check.fail('measure', measure, `'${measure}' is not one of ${MEASURES.join(', ')}`);
    const label = check.field('label', requiredText);
    return check.result(() => ({ metric: metric!, network_id: network, measure, label: label! }));
  },
  key: (record) => record.metric,
};
