// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { barChart } from '../../../client/src/charts/bar-chart.js';
import { normaliseSvg } from '../normalise.js';

describe('barChart', () => {
  it('members by region, with a no-data row', async () => {
    const svg = barChart({
      title: 'Teaching schools by region',
      valueLabel: 'teaching schools',
      rows: [
        { label: 'London', value: 120, note: '(32 of 33 areas)' },
        { label: 'South West', value: 64 },
        { label: 'North East', value: 0 },
        { label: 'Unknown', value: null },
      ],
    });
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('../__snapshots__/bar-chart.svg');
    expect(svg.querySelector('title')?.textContent).toBe('Teaching schools by region');
    expect(svg.textContent).toContain('no data');
  });

  it('names a bad value', () => {
    expect(() =>
      barChart({ title: 't', valueLabel: 'x', rows: [{ label: 'A', value: Number.NaN }] }),
    ).toThrow('invalid value of A: null');
  });
});
