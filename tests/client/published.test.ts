import { describe, expect, it } from 'vitest';
import { listAgeText } from '../../client/src/messages.js';
import { ageWords } from '../../client/src/published.js';

// How an answer about a day between two lists says which list answered it, and how old that list is.
describe('ageWords', () => {
  it.each([
    ['2024-10-16', '2024-11-29', '44 days earlier'],
    ['2024-10-16', '2024-12-20', '2 months earlier'],
    ['2021-09-01', '2023-09-30', '2 years earlier'],
    ['2025-09-30', '2025-10-01', '1 day earlier'],
    ['2025-09-30', '2025-09-30', ''],
  ])('the list of %s on %s: %s', (list, asAt, words) => expect(ageWords(list, asAt)).toBe(words));

  it('says the list and its age together', () => {
    expect(listAgeText('2024-10-16', '2024-11-29')).toBe('List of 16 October 2024, 44 days earlier');
  });
});
