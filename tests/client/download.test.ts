// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { barChart } from '../../client/src/charts/bar-chart.js';
import { fileSlug, framedSvg } from '../../client/src/download.js';
import { slideSourceLine } from '../../client/src/download/slide.js';
import { OGL_ATTRIBUTION } from '../../client/src/licence.js';
import { normaliseSvg } from './normalise.js';

describe('framedSvg', () => {
  it('puts the title, date, data version, source and licence inside the image', async () => {
    const chart = barChart({
      title: 'Bars',
      valueLabel: 'teaching schools',
      rows: [{ label: 'London', value: 3 }],
    });
    const svg = framedSvg(chart, {
      title: 'Teaching schools by region',
      date: 'As at 12 March 2018',
      dataVersion: '7.20261127143200',
      source: 'NCTL member list',
    });
    const text = [...svg.querySelectorAll(':scope > text')].map((t) => t.textContent);
    expect(text).toEqual([
      'Teaching schools by region',
      'As at 12 March 2018',
      'Source: NCTL member list.',
      'Data as of 27 November 2026 (import 7).',
      ...OGL_ATTRIBUTION,
    ]);
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('__snapshots__/framed-bar-chart.svg');
  });
});

describe('framedSvg wrapping', () => {
  it('wraps a long title and source to the frame, so no line is wider than the image', () => {
    const chart = barChart({ title: 'Bars', valueLabel: 'x', rows: [{ label: 'A', value: 1 }] });
    const svg = framedSvg(chart, {
      title: `${'A very long title about teaching schools '.repeat(4)}end`,
      date: 'As at 12 March 2018',
      dataVersion: null,
      source: 'file-one.csv; file-two.csv; '.repeat(8),
    });
    const width = Number(svg.getAttribute('width'));
    const lines = [...svg.querySelectorAll(':scope > text')];
    for (const line of lines) {
      const size = Number(line.getAttribute('font-size'));
      expect(line.textContent!.length * size * 0.62, line.textContent!).toBeLessThanOrEqual(width - 32);
    }
    expect(lines.filter((l) => l.getAttribute('font-size') === '18').length).toBeGreaterThan(1);
    expect(lines.map((l) => l.textContent)).toContain('Data date unknown: nothing had been imported.');
  });
});

describe('fileSlug', () => {
  it('makes a safe file name', () => {
    expect(fileSlug('teaching-schools', 'Map', null, 'North East', '2018-03-12')).toBe(
      'teaching-schools-map-north-east-2018-03-12',
    );
    expect(fileSlug('gaps', 'Phase: 16 plus', '7.5km', 'St. Mary’s')).toBe(
      'gaps-phase-16-plus-7.5km-st-mary-s',
    );
  });
});

describe('slideSourceLine', () => {
  it('names each source once, though two publications differ only by their titles', () => {
    const line = slideSourceLine(
      {
        title: 'National Leaders of Governance',
        date: 'Chosen date 12 March 2018',
        dataVersion: '7.20261127143200',
        source:
          'DfE transparency data "System leaders, 2019"; DfE transparency data "System leaders, 2021"; ' +
          'The project\u2019s count of the imported list of 12 March 2018 (nctl_2018-03-12_raw.csv, import 9)',
      },
      2000,
      { size: 12, fill: '#000' },
    );
    expect(line).toBe(
      'Source: DfE transparency data; The project\u2019s count of the imported list of 12 March 2018. ' +
        'Data as of 27 November 2026. OGL v3.0.',
    );
  });
});
