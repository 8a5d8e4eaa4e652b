// Names near a misspelt query ('Middlesborough', 'Birmigham', 'Glouchestershire'): the edit distance (Damerau:
// a swap of two letters is one edit) between the query and the name, or the run of the name's words as long as
// the query ('Hull' in 'Kingston upon Hull, City of'), ignoring case, accents and punctuation. Pure.

/** Lower case, accents and punctuation gone, single spaces. */
export function plain(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019\u02bc]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Edits (insert, delete, substitute, swap adjacent) from a to b; stops early past `most`, returning most + 1. */
export function editDistance(a: string, b: string, most = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > most) return most + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** The edits a query of this length may be off by: one in five letters, at least one. */
export const allowedEdits = (query: string): number => Math.max(1, Math.floor(query.length / 5));

/** How far a name is from the query: the nearest of the whole name and each run of its words as long as it. */
export function nameDistance(query: string, name: string): number {
  const q = plain(query);
  const words = plain(name).split(' ');
  const n = Math.max(1, q.split(' ').length);
  const most = allowedEdits(q);
  let best = editDistance(q, words.join(' '), most);
  for (let i = 0; i + n <= words.length; i += 1)
    best = Math.min(best, editDistance(q, words.slice(i, i + n).join(' '), most));
  return best;
}

/** The names within the allowed edits of the query, nearest first (then by name), at most `limit`. */
export function nearNames<T extends { name: string }>(query: string, named: T[], limit: number): T[] {
  const most = allowedEdits(plain(query));
  return named
    .map((item) => ({ item, d: nameDistance(query, item.name) }))
    .filter((x) => x.d <= most)
    .sort((a, b) => a.d - b.d || a.item.name.localeCompare(b.item.name))
    .slice(0, limit)
    .map((x) => x.item);
}
