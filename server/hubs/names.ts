// What a hub's name and website say of its identity, compared between lists.

const GENERIC = /\b(?:teaching school hubs?|teaching hub|ts hub|tsh)\b/g;

/** A hub's name without "Teaching School Hub", "TSH" (and the like), a leading "the", case and punctuation. */
export function hubNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(GENERIC, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The name as written, ignoring case and spacing: a different one is a rename. */
export const displayKey = (name: string): string => name.replace(/\s+/g, ' ').trim().toLowerCase();

/** A website's host without scheme and 'www.': one organisation's site, whatever page a list links to. */
export function websiteHost(url: string | null): string | null {
  if (url === null || url.trim() === '') return null;
  const host = url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/?#]/)[0]!;
  return host === '' ? null : host;
}

const words = (key: string): string[] => (key === '' ? [] : key.split(' '));

/**
 * Names that are not the same but share their words: one's words all in the other ('Chafford Hundred' and
 * 'Chafford Hundred South Essex'), or two words in a row in common ('Crystal Palace').
 */
export function namesSimilar(a: string, b: string): boolean {
  const x = words(hubNameKey(a));
  const y = words(hubNameKey(b));
  if (x.length === 0 || y.length === 0) return false;
  if (x.every((w) => y.includes(w)) || y.every((w) => x.includes(w))) return true;
  const pairs = new Set(y.slice(1).map((w, i) => `${y[i]} ${w}`));
  return x.slice(1).some((w, i) => pairs.has(`${x[i]} ${w}`));
}
