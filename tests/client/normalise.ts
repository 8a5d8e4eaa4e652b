// Makes a chart's SVG comparable across runs: numbers rounded to one decimal, ids renumbered, one element a line.

export function normaliseSvg(svg: Element): string {
  const ids = new Map<string, string>();
  const idOf = (id: string): string => {
    if (!ids.has(id)) ids.set(id, `id${ids.size + 1}`);
    return ids.get(id)!;
  };
  return (
    svg.outerHTML
      .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${idOf(id)}"`)
      .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${idOf(id)})`)
      .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${idOf(id)}"`)
      .replace(/-?\d+\.\d+(?:e-?\d+)?/g, (n) => {
        const r = Math.round(Number(n) * 10) / 10;
        return String(Object.is(r, -0) ? 0 : r);
      })
      .replace(/></g, '>\n<') + '\n'
  );
}
