// Text published with Windows-1252 punctuation decoded as Latin-1 carries C1 control characters (U+0080-U+009F)
// where the punctuation was: 'St Stephen\u0092s' is 'St Stephen’s'. This maps each back through Windows-1252; the
// five C1 positions Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are kept as they are.
const C1_TO_1252: Record<number, string> = {
  0x80: '\u20ac',
  0x82: '\u201a',
  0x83: '\u0192',
  0x84: '\u201e',
  0x85: '\u2026',
  0x86: '\u2020',
  0x87: '\u2021',
  0x88: '\u02c6',
  0x89: '\u2030',
  0x8a: '\u0160',
  0x8b: '\u2039',
  0x8c: '\u0152',
  0x8e: '\u017d',
  0x91: '\u2018',
  0x92: '\u2019',
  0x93: '\u201c',
  0x94: '\u201d',
  0x95: '\u2022',
  0x96: '\u2013',
  0x97: '\u2014',
  0x98: '\u02dc',
  0x99: '\u2122',
  0x9a: '\u0161',
  0x9b: '\u203a',
  0x9c: '\u0153',
  0x9e: '\u017e',
  0x9f: '\u0178',
};

/** The text with each C1 control character read as the Windows-1252 character it stands for. */
export function fromC1Punctuation(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => C1_TO_1252[c.charCodeAt(0)] ?? c);
}
