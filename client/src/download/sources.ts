// The actual sources of a view's figures, in words for the captions of its downloads: the member list in force on
// the date, the establishments and the boundaries, each with the file it was imported from (GET /api/v1/sources).
import { api, type ImportRecord, type Network } from '../api.js';
import { formatDate } from '../format.js';

export type SourceUse = 'list' | 'establishments' | 'boundaries' | 'council-areas';

const base = (file: string): string => file.split('/').pop() ?? file;

function latest(files: ImportRecord[], kind: string, asAt: string | null): ImportRecord | undefined {
  return files
    .filter((f) => f.kind === kind && (asAt === null || f.as_at === null || f.as_at <= asAt))
    .sort((a, b) => (a.as_at ?? '').localeCompare(b.as_at ?? '') || a.id - b.id)
    .at(-1);
}

/** One source in words: 'Teaching schools list of 12 March 2018 (nctl_teaching_schools_2018-03-12_raw.csv)'. */
/** The establishments extract an answer names (its establishments_extract). */
export interface NamedExtract {
  name: string;
  file_name: string;
}

function described(
  use: SourceUse,
  files: ImportRecord[],
  network: Network,
  asAt: string,
  extract: NamedExtract | null,
): string | null {
  switch (use) {
    case 'list': {
      const f = latest(files, network.id, asAt);
      return f ? `${network.name} list of ${formatDate(f.as_at)} (${base(f.file_name)})` : null;
    }
    case 'establishments': {
      if (extract) return `${extract.name} (${base(extract.file_name)})`;
      const f = latest(files, 'establishments', null);
      return f ? `GIAS open establishments of ${formatDate(f.as_at)} (${base(f.file_name)})` : null;
    }
    case 'boundaries': {
      const names = files.filter((f) => f.kind === 'boundaries').map((f) => base(f.file_name));
      return names.length ? `ONS boundaries (${[...new Set(names)].join(', ')})` : null;
    }
    case 'council-areas': {
      const names = files.filter((f) => f.kind === 'council-areas').map((f) => base(f.file_name));
      return names.length ? `DfE and ONS council areas (${[...new Set(names)].join(', ')})` : null;
    }
  }
}

/**
 * The sources of the figures, '; '-separated, from the imports on record; a plain description if unknown. The
 * establishments are those of the extract the answer names (the server picks the one nearer the date).
 */
export async function sourcesOf(
  network: Network,
  asAt: string,
  uses: SourceUse[],
  extract: Promise<NamedExtract | null> | NamedExtract | null = null,
): Promise<string> {
  try {
    const [files, named] = await Promise.all([
      api.sources().then((s) => s.files.filter((f) => f.outcome === 'committed')),
      Promise.resolve(extract).catch(() => null),
    ]);
    const words = uses
      .map((u) => described(u, files, network, asAt, named))
      .filter((w): w is string => w !== null);
    if (words.length > 0) return words.join('; ');
  } catch {
    // the imports could not be read: say what kinds of data they are
  }
  return `${network.name} member lists, GIAS establishments and ONS boundaries (see Data & sources)`;
}
