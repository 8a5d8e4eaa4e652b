// What a download is, and the words that go with it: the caption under an image and the facts in a ZIP's README
// come from here, so every download names its sources and data date the same way.
import { dataAsOf, versionDay } from '../../../common/data-version.js';
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
  const day = versionDay(dataVersion);
  return day === null ? null : formatDate(day);
}

/** The lines under an image: its sources, its data date in words, and the licence's attribution. */
export function captionLines(about: About): string[] {
  const v = versionDay(about.dataVersion) === null ? null : about.dataVersion;
  return [
    `Source: ${about.source.replace(/\.$/, '')}.`,
    v === null ? 'Data date unknown: nothing had been imported.' : `${dataAsOf(v)}.`,
    ...OGL_ATTRIBUTION,
  ];
}
