import { type CsvFormat, RowChecker } from '../format.js';

/** A way of naming council areas the source files do not use themselves: a spelling or a later area. */
export interface AliasRecord {
  alias: string;
  la_code: string;
  kind: 'alias' | 'successor';
  source: string;
}

export interface MetricRecord {
  metric: string;
  network_id: string | null;
  measure: string;
  label: string;
}

const NETWORKS = ['teaching-schools', 'nles', 'hubs'];
export const MEASURES = [
  'members',
  'groups',
  'designated_in_round',
  'areas_covered',
  'areas_covered_pct',
  'other',
];

function knownAreaCode(check: RowChecker, context: Parameters<CsvFormat<AliasRecord>['validate']>[1]) {
  return check.field('la_code', (value) =>
    context.areas.match(value).ok && /^\d{3}$/.test(value)
      ? { ok: true as const, value }
      : { ok: false as const, message: `'${value}' is not a known council area code` },
  );
}

const nonEmpty = (value: string) =>
  value === '' ? { ok: false as const, message: 'is empty' } : { ok: true as const, value };

/** data/reference/area_aliases.csv: other spellings of the 152 areas. */
export const aliasTable: CsvFormat<AliasRecord> = {
  name: 'area alias table',
  columns: [{ name: 'alias' }, { name: 'la_code' }, { name: 'source' }, { name: 'kind' }, { name: 'notes' }],
  required: [['alias'], ['la_code']],
  validate(row, context) {
    const check = new RowChecker(row);
    const alias = check.field('alias', nonEmpty);
    const la_code = knownAreaCode(check, context);
    return check.result(() => ({
      alias: alias!,
      la_code: la_code!,
      kind: 'alias' as const,
      source: row.text('source') ?? 'data/reference/area_aliases.csv',
    }));
  },
  key: (record) => `${record.alias.toLowerCase()}|${record.la_code}`,
};

/** data/reference/area_successors.csv: areas created after 2018 and the 2011-2018 areas they cover. */
export const successorTable: CsvFormat<AliasRecord> = {
  name: 'area successor table',
  columns: [
    { name: 'name', aliases: ['successor'] },
    { name: 'la_code' },
    { name: 'valid_from' },
    { name: 'note' },
  ],
  required: [['name'], ['la_code']],
  validate(row, context) {
    const check = new RowChecker(row);
    const alias = check.field('name', nonEmpty);
    const la_code = knownAreaCode(check, context);
    return check.result(() => ({
      alias: alias!,
      la_code: la_code!,
      kind: 'successor' as const,
      source: row.text('note') ?? 'data/reference/area_successors.csv',
    }));
  },
  key: (record) => `${record.alias.toLowerCase()}|${record.la_code}`,
};

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
    const metric = check.field('metric', nonEmpty);
    const network = row.text('network_id');
    if (network !== null && !NETWORKS.includes(network)) {
      check.fail('network_id', network, `'${network}' is not one of ${NETWORKS.join(', ')}`);
    }
    const measure = row.get('measure');
    if (!MEASURES.includes(measure))
      check.fail('measure', measure, `'${measure}' is not one of ${MEASURES.join(', ')}`);
    const label = check.field('label', nonEmpty);
    return check.result(() => ({ metric: metric!, network_id: network, measure, label: label! }));
  },
  key: (record) => record.metric,
};
