import type { EstablishmentRow } from '../../db/writes/establishments.js';
import { type CsvFormat, RowChecker, type ValidateContext, column } from '../format.js';
import {
  type Coordinates,
  type Parsed,
  isGridOrigin,
  optionalDate,
  optionalInteger,
  parseCoordinates,
  parseUrn,
  withinBox,
  ENGLAND,
} from '../values.js';
import { type HomeArea, LA_CODE, LA_NAME, resolveHomeArea } from './area-columns.js';

export type EstablishmentRecord = EstablishmentRow;

// Read on every row of files of 400,000: each found by its slot (format.ts, Column).
const URN = column('urn');
const ESTABLISHMENT_NUMBER = column('establishment_number');
const ONS_CODE_2013 = column('ons_code_2013');
const REGION = column('region');
const PHASE = column('phase');
const NUM_PUPILS = column('num_pupils');
const OFSTED_RATING = column('ofsted_rating');
const LAST_OFSTED_DATE = column('last_ofsted_date');
const EASTING = column('easting');
const NORTHING = column('northing');
const LATITUDE = column('latitude');
const LONGITUDE = column('longitude');
const IN_152_ENGLISH_LAS = column('in_152_english_las');

/**
 * GIAS marks an establishment with no known location by easting/northing 0,0, which converts to the grid
 * origin off Cornwall: that is stored as no coordinates. Only establishments in England's areas must be in England.
 */
function establishmentCoordinates(lat: string, lon: string, inEngland: boolean): Parsed<Coordinates | null> {
  const anywhere = parseCoordinates(lat, lon, null);
  if (!anywhere.ok || anywhere.value === null) return anywhere;
  if (isGridOrigin(anywhere.value)) return { ok: true, value: null };
  return inEngland ? withinBox(anywhere.value, ENGLAND, lat, lon) : anywhere;
}

// The extract says the area twice (code and name) and whether it is one of the 152: all three must agree.
function crossCheckArea(check: RowChecker, context: ValidateContext, area: HomeArea): void {
  const flag = check.row.get(IN_152_ENGLISH_LAS).toUpperCase();
  if ((flag === 'Y' || flag === 'N') && (flag === 'Y') !== area.in_council_areas) {
    const what = area.in_council_areas ? 'is one of the 152 areas' : 'is outside the 152 areas';
    check.fail(
      IN_152_ENGLISH_LAS,
      check.row.get(IN_152_ENGLISH_LAS),
      `says '${flag}' but la_code '${area.la_code}' ${what}`,
    );
  }
  const name = check.row.get(LA_NAME);
  if (!area.in_council_areas || name === '' || check.row.get(LA_CODE) === '') return;
  const match = context.areas.match(name);
  if (!match.ok) check.fail(LA_NAME, name, `${match.message}, and la_code is '${area.la_code}'`);
  else if (match.ok && !match.la_codes.includes(area.la_code!)) {
    check.fail(
      LA_NAME,
      name,
      `'${name}' is area ${match.la_codes.join(', ')}, not la_code '${area.la_code}'`,
    );
  }
}

/** GIAS open-establishment extracts (the project's canonical establishments format is the same columns). */
export const giasExtract: CsvFormat<EstablishmentRecord> = {
  name: 'GIAS establishments extract',
  columns: [
    { name: 'urn' },
    { name: 'la_code', aliases: ['LA (code)', 'LA code'] },
    { name: 'establishment_number', aliases: ['EstablishmentNumber'] },
    { name: 'la_name', aliases: ['LA (name)', 'LA name', 'local authority'] },
    { name: 'ons_code_2013' },
    { name: 'region', aliases: ['GOR (name)', 'region_name'] },
    { name: 'phase', aliases: ['PhaseOfEducation (name)', 'phase of education'] },
    { name: 'num_pupils', aliases: ['NumberOfPupils', 'pupils'] },
    { name: 'ofsted_rating', aliases: ['OfstedRating (name)'] },
    { name: 'last_ofsted_date', aliases: ['OfstedLastInsp', 'last ofsted date'] },
    { name: 'easting', aliases: ['Easting'] },
    { name: 'northing', aliases: ['Northing'] },
    { name: 'latitude', aliases: ['lat'] },
    { name: 'longitude', aliases: ['lon', 'lng'] },
    { name: 'in_152_english_las', aliases: ['in council areas'] },
  ],
  required: [['urn'], ['la_code', 'la_name']],
  validate(row, context) {
    const check = new RowChecker(row);
    const urn = check.field(URN, parseUrn);
    const area = resolveHomeArea(check, context, { allowOutside: true });
    if (area) crossCheckArea(check, context, area);
    const num_pupils = check.field(NUM_PUPILS, optionalInteger);
    const last_ofsted_date = check.field(LAST_OFSTED_DATE, optionalDate);
    const easting = check.field(EASTING, optionalInteger);
    const northing = check.field(NORTHING, optionalInteger);
    const located = easting !== 0 || northing !== 0;
    const inEngland = area?.la_code != null && area.in_council_areas;
    const lat = row.get(LATITUDE);
    const lon = row.get(LONGITUDE);
    const coordinates = establishmentCoordinates(lat, lon, inEngland);
    if (!coordinates.ok) check.fail(LATITUDE, `${lat}, ${lon}`, coordinates.message);
    return check.result(() => ({
      urn: urn!,
      la_code: area!.la_code,
      la_name: row.text(LA_NAME),
      in_council_areas: area!.in_council_areas,
      establishment_number: row.text(ESTABLISHMENT_NUMBER),
      ons_code_2013: row.text(ONS_CODE_2013),
      region: row.text(REGION),
      phase: row.text(PHASE),
      num_pupils: num_pupils ?? null,
      ofsted_rating: row.text(OFSTED_RATING),
      last_ofsted_date: last_ofsted_date?.date ?? null,
      easting: located ? (easting ?? null) : null,
      northing: located ? (northing ?? null) : null,
      latitude: coordinates.ok ? (coordinates.value?.latitude ?? null) : null,
      longitude: coordinates.ok ? (coordinates.value?.longitude ?? null) : null,
    }));
  },
  key: (record) => record.urn,
};
