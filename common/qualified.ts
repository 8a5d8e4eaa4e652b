// A published figure in words, with its qualifier, the same in the API's evidence, on the page and in downloads:
// '548', 'just over 360', 'about 2,000', 'over 1,000'. A derived figure (back-calculated from a stated change) is
// said as its value; where that matters the caller says "derived".

const WORDS: Record<string, string> = {
  over: 'over ',
  'just over': 'just over ',
  about: 'about ',
  around: 'around ',
  under: 'under ',
};

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function qualified(
  value: number,
  qualifier: string,
  format = (n: number) => integer.format(n),
): string {
  return `${WORDS[qualifier] ?? ''}${format(value)}`;
}
