// Lists in words, alike in the server's sentences and the dashboard's.

/** 'a', 'a and b', 'a, b and c' ('' for none). */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
