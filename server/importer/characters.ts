// Bytes and characters a file an admin really has may hold, and which of them the importer refuses: pure checks,
// each naming where the problem is.

/** A text file saved as UTF-16 (Excel's "Unicode Text"): with a byte-order mark, or ASCII every other byte. */
export function looksUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  // Text in UTF-16 has a zero in one byte of almost every pair; a stray NUL in UTF-8 is nowhere near a third.
  return Math.max(even, odd) > n / 2 / 3;
}

/** Where bytes are not UTF-8: the lines (1-based) and, for the first, the byte's position in its line and value. */
export interface NotUtf8 {
  /** Whether the file also holds well-formed multi-byte UTF-8: then it is UTF-8 with stray bytes. */
  hasUtf8: boolean;
  lines: number[];
  first: { line: number; column: number; byte: number } | null;
}

// The length of the UTF-8 sequence starting at i, or 0 when the bytes there are not one (RFC 3629: no overlong
// forms, no surrogates, nothing past U+10FFFF).
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Scans bytes that failed as UTF-8 for where they fail, and whether they are UTF-8 elsewhere. */
export function notUtf8(bytes: Uint8Array): NotUtf8 {
  const lines: number[] = [];
  let first: NotUtf8['first'] = null;
  let hasUtf8 = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) {
        line++;
        lineStart = i + 1;
      }
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      hasUtf8 = true;
      i += length;
      continue;
    }
    first ??= { line, column: i - lineStart + 1, byte: b };
    if (lines.at(-1) !== line) lines.push(line);
    i++;
  }
  return { hasUtf8, lines, first };
}

// C0 controls but tab, line feed and carriage return; DEL; C1 controls (those Windows-1252 leaves undefined are
// all that remain after reading: readC1AsWindows1252); and the bidirectional embeddings, overrides and isolates,
// which reorder the text around them as a reader sees it.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const hasForbiddenCharacter = (text: string) => FORBIDDEN.test(text);

/** The first character a value may not hold, described ('a control character (U+001B)'), or null. */
export function forbiddenCharacter(value: string): { index: number; description: string } | null {
  const match = FORBIDDEN.exec(value);
  if (match === null) return null;
  const code = match[0].codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const description =
    code >= 0x202a
      ? `a bidirectional control (${hex}) that reorders the text around it`
      : `a control character (${hex}${code === 0 ? ', NUL' : code === 0x1b ? ', ESC' : ''})`;
  return { index: match.index, description };
}
