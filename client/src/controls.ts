// The network switcher and the date control (over snapshot and milestone dates), shared by the views.
import type { Network, Progress } from './api.js';
import { h, uid } from './dom.js';
import { focusAfterRender } from './focus.js';
import { asAtOf, formatDate, formatInt } from './format.js';
import { qualified } from '../../common/qualified.js';
import { DEFAULT_RADIUS_KM, type Navigator, type NetworkId } from './state.js';

export interface DateOption {
  value: string;
  label: string;
  kind: 'snapshot' | 'milestone' | 'link';
}

/** Every date worth choosing: each member list (snapshot) and each dated published figure, newest first. */
export function dateOptions(
  network: Network,
  progress: Progress | null,
  current: string | null,
): DateOption[] {
  const byValue = new Map<string, DateOption>();
  for (const date of network.snapshot_dates) {
    byValue.set(date, { value: date, label: `${formatDate(date)}: member list`, kind: 'snapshot' });
  }
  for (const p of progress?.series ?? []) {
    const value = asAtOf(p.date);
    if (!value || byValue.has(value)) continue;
    const when = formatDate(p.date, p.precision);
    byValue.set(value, {
      value,
      label: `${when}: published figure (${qualified(p.total, p.qualifier, formatInt)})`,
      kind: 'milestone',
    });
  }
  if (current && !byValue.has(current)) {
    byValue.set(current, { value: current, label: `${formatDate(current)}: from the link`, kind: 'link' });
  }
  return [...byValue.values()].sort((a, b) => (a.value < b.value ? 1 : a.value > b.value ? -1 : 0));
}

export function latestDate(network: Network, progress: Progress | null): string | null {
  const snapshots = [...network.snapshot_dates].sort();
  const last = snapshots[snapshots.length - 1];
  if (last) return last;
  const dated = (progress?.series ?? []).map((p) => asAtOf(p.date)).filter((d): d is string => d !== null);
  return dated.sort()[dated.length - 1] ?? null;
}

/** A labelled GOV.UK select that calls onChange with the chosen value. */
export function selectField(
  label: string,
  testid: string,
  options: (HTMLOptionElement | HTMLOptGroupElement)[],
  onChange: (value: string) => void,
): HTMLElement {
  const id = uid(testid);
  const el = h('select', { class: 'govuk-select', id, name: testid, 'data-testid': testid }, ...options);
  // Arrow keys on a closed select commit each value (Chromium): the view is drawn again, focus stays on the select.
  el.addEventListener('change', () => {
    focusAfterRender(`select[data-testid="${testid}"]`);
    onChange(el.value);
  });
  return h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: id }, label), el);
}

export function option(value: string, label: string, selected: boolean): HTMLOptionElement {
  const el = h('option', { value }, label);
  el.selected = selected;
  return el;
}

export function networkSwitcher(
  nav: Navigator,
  networks: Network[],
  current: NetworkId,
  keepDate: (network: Network) => string | null,
): HTMLElement {
  return selectField(
    'Network',
    'network-switcher',
    networks.map((n) => option(n.id, n.name, n.id === current)),
    (value) => {
      const network = networks.find((n) => n.id === value);
      if (network) nav.go({ network: network.id, asAt: keepDate(network) });
    },
  );
}

export function dateControl(nav: Navigator, options: DateOption[], current: string): HTMLElement {
  const groups: [DateOption['kind'], string][] = [
    ['snapshot', 'Member lists'],
    ['milestone', 'Published figures'],
    ['link', 'From the link'],
  ];
  const children = groups
    .map(([kind, label]) => {
      const items = options.filter((o) => o.kind === kind);
      return items.length === 0
        ? null
        : h('optgroup', { label }, ...items.map((o) => option(o.value, o.label, o.value === current)));
    })
    .filter((g): g is HTMLOptGroupElement => g !== null);
  return selectField('Date', 'date-control', children, (value) => nav.go({ asAt: value }));
}

/** Phases of schools offered by the filters, as GIAS (and the API) name them. */
export const PHASES = [
  'Primary',
  'Middle deemed primary',
  'Secondary',
  'Middle deemed secondary',
  'All through',
  'Nursery',
  '16 plus',
  'Not applicable',
];

export function regionFilter(nav: Navigator, regions: string[], current: string | null): HTMLElement {
  return selectField(
    'Region',
    'region-control',
    [
      option('', 'England (all regions)', current === null),
      ...regions.map((r) => option(r, r, r === current)),
    ],
    // Another region is another place: the map is fitted to it again, and a chosen area no longer applies.
    (v) => nav.go({ region: v === '' ? null : v, at: null, area: null }),
  );
}

/** Marks the element that heads a view's results and states their count: Apply takes focus to it. */
export const RESULTS = '[data-results]';

/**
 * The distance that counts as beyond reach, 1 to 50 km: a number field applied with its button (or Enter), so
 * that typing '25' does not ask for 2 km first. The field says what it takes; a bad value is said beside it.
 */
export function radiusControl(nav: Navigator, current: number): HTMLElement {
  const id = uid('radius');
  const input = h('input', {
    id,
    class: 'govuk-input govuk-input--width-4',
    type: 'number',
    name: 'radius_km',
    inputmode: 'decimal',
    min: 1,
    max: 50,
    step: 0.5,
    value: String(current),
    'data-testid': 'radius-control',
    'aria-describedby': `${id}-hint`,
  });
  const error = h('p', { class: 'govuk-error-message', id: `${id}-error`, hidden: true });
  const form = h(
    'form',
    { class: 'govuk-form-group app-radius', 'data-testid': 'radius-form' },
    h('label', { class: 'govuk-label', for: id }, 'Distance from a member (km)'),
    h('div', { class: 'govuk-hint', id: `${id}-hint` }, '1 to 50'),
    error,
    h(
      'div',
      { class: 'app-radius__row' },
      input,
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Apply'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const km = Math.round(Number(input.value) * 10) / 10;
    const ok = input.value.trim() !== '' && km >= 1 && km <= 50;
    error.hidden = ok;
    error.textContent = ok ? '' : `Enter a distance from 1 to 50 km (not '${input.value}')`;
    if (!ok) return;
    // The view is drawn again: focus goes to its results (the old Apply button is gone), whose count is said.
    focusAfterRender(RESULTS, RESULTS);
    nav.go({ radius: km === DEFAULT_RADIUS_KM ? null : km });
  });
  return form;
}

/** The filters in words, for titles of downloads: 'London, phase Primary'; 'England' when none is set. */
export function filterWords(region: string | null, phase: string | null): string {
  return [region ?? 'England', phase && `phase ${phase}`].filter(Boolean).join(', ');
}

export function phaseFilter(nav: Navigator, current: string | null, label = 'Phase'): HTMLElement {
  return selectField(
    label,
    'phase-control',
    [option('', 'All phases', current === null), ...PHASES.map((p) => option(p, p, p === current))],
    (v) => nav.go({ phase: v === '' ? null : v }),
  );
}
