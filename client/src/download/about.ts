// What a download is, and the words that go with it: the caption under an image and the facts in a ZIP's README
// come from here, so every download names its sources and data date the same way.
import { formatDate } from '../format.js';
import { OGL_ATTRIBUTION } from '../licence.js';

/** What a download is: framed around its image and written in the README beside its CSV. */
export interface About {
  title: string;
  /** The date line, e.g. 'As at 12 March 2018'. */
  date: string;
  /** The data version token ('12.20261127143200'): the last import and when it finished. */
  dataVersion: string | null;
  /** The files and publications the figures come from, in words. */
  source: string;
}

/** When the data was last imported, in words: '27 November 2026'; null without a data version. */
export function dataDate(dataVersion: string | null): string | null {
  const m = dataVersion ? /^\d+\.(\d{4})(\d{2})(\d{2})/.exec(dataVersion) : null;
  return m ? formatDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

/** The lines under an image: its sources, its data date in words, and the licence's attribution. */
export function captionLines(about: About): string[] {
  const date = dataDate(about.dataVersion);
  const id = about.dataVersion?.split('.')[0];
  return [
    `Source: ${about.source.replace(/\.$/, '')}.`,
    date ? `Data as of ${date} (import ${id}).` : 'Data date unknown: nothing had been imported.',
    ...OGL_ATTRIBUTION,
  ];
}
