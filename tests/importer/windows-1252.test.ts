import { describe, expect, it } from 'vitest';
import { fromC1Punctuation } from '../../server/importer/windows-1252.js';

describe('fromC1Punctuation', () => {
  it.each([
    ['St Stephen\u0092s International', 'St Stephen\u2019s International'],
    ['Bishop\u0096Challoner', 'Bishop\u2013Challoner'],
    ['\u0093quoted\u0094 \u0085 \u0080', '\u201cquoted\u201d \u2026 \u20ac'],
    [
      'undefined in 1252: \u0081\u008d\u008f\u0090\u009d',
      'undefined in 1252: \u0081\u008d\u008f\u0090\u009d',
    ],
    ['plain text, é and ’ kept', 'plain text, é and ’ kept'],
  ])('%j -> %j', (input, expected) => {
    expect(fromC1Punctuation(input)).toBe(expected);
  });
});
