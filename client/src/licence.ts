// The licence of everything the dashboard shows and downloads: its name, its address and the attribution the
// footer, the images and the README of every ZIP carry word for word.
export const OGL_LICENCE = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
};

/** Where every view's figures come from, in the words of the Data & sources view (printed pages, embeds). */
export const DATA_SOURCES =
  'Department for Education and NCTL publications and member lists; GIAS; ONS (see Data & sources)';

/** The same in few words, for an embed in a narrow column. */
export const DATA_SOURCES_SHORT = 'DfE and NCTL publications and lists; GIAS; ONS';

/** The three statements in one sentence, for an embed, where every line is taken from the map. */
export const OGL_ATTRIBUTION_SHORT =
  'Contains public sector information licensed under the Open Government Licence v3.0; National Statistics ' +
  'and OS data \u00a9 Crown copyright and database right 2016.';

export const OGL_ATTRIBUTION = [
  'Contains public sector information licensed under the Open Government Licence v3.0.',
  'Contains National Statistics data © Crown copyright and database right 2016.',
  'Contains OS data © Crown copyright and database right 2016.',
];
