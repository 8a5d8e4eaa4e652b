// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { barChart } from '../../client/src/charts/bar-chart.js';
import { fileSlug, framedSvg } from '../../client/src/download.js';
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
      dataVersion: '2026-11-23#7',
      source: 'NCTL member list',
    });
    const text = [...svg.querySelectorAll(':scope > text')].map((t) => t.textContent);
    expect(text).toEqual([
      'Teaching schools by region',
      'As at 12 March 2018',
      'Source: NCTL member list. Data version: 2026-11-23#7.',
      ...OGL_ATTRIBUTION,
    ]);
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('__snapshots__/framed-bar-chart.svg');
  });
});

describe('fileSlug', () => {
  it('makes a safe file name', () => {
    expect(fileSlug('teaching-schools', 'Map', null, 'North East', '2018-03-12')).toBe(
      'teaching-schools-map-north-east-2018-03-12',
    );
  });
});
