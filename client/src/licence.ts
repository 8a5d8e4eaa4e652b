// The licence of everything the dashboard shows and downloads: its name, its address and the attribution the
// footer, the images and the README of every ZIP carry word for word.
export const OGL_LICENCE = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
};

export const OGL_ATTRIBUTION = [
  'Contains public sector information licensed under the Open Government Licence v3.0.',
  'Contains National Statistics data © Crown copyright and database right 2016.',
  'Contains OS data © Crown copyright and database right 2016.',
];
