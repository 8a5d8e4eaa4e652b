// Saving a file from the page, and the names files are saved under.
import { h } from '../dom.js';

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from words: 'Teaching schools, 2018-03-12' -> 'teaching-schools-2018-03-12'. */
export function fileSlug(...parts: (string | number | null | undefined)[]): string {
  return parts
    .filter((p): p is string | number => p !== null && p !== undefined && p !== '')
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.(?!\d)/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}
