import type { EstablishmentRow } from '../../db/writes/establishments.js';
import { type CsvFormat, RowChecker, type ValidateContext } from '../format.js';
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
import { type HomeArea, resolveHomeArea } from './area-columns.js';

export type EstablishmentRecord = EstablishmentRow;

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
  const flag = check.row.get('in_152_english_las').toUpperCase();
  if ((flag === 'Y' || flag === 'N') && (flag === 'Y') !== area.in_council_areas) {
    const what = area.in_council_areas ? 'is one of the 152 areas' : 'is outside the 152 areas';
    check.fail(
      'in_152_english_las',
      check.row.get('in_152_english_las'),
      `says '${flag}' but la_code '${area.la_code}' ${what}`,
    );
  }
  const name = check.row.get('la_name');
  if (!area.in_council_areas || name === '' || check.row.get('la_code') === '') return;
  const match = context.areas.match(name);
  if (!match.ok) check.fail('la_name', name, `${match.message}, and la_code is '${area.la_code}'`);
  else if (match.ok && !match.la_codes.includes(area.la_code!)) {
    check.fail(
      'la_name',
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
    const urn = check.field('urn', parseUrn);
    const area = resolveHomeArea(check, context, { allowOutside: true });
    if (area) crossCheckArea(check, context, area);
    const num_pupils = check.field('num_pupils', optionalInteger);
    const last_ofsted_date = check.field('last_ofsted_date', optionalDate);
    const easting = check.field('easting', optionalInteger);
    const northing = check.field('northing', optionalInteger);
    const located = easting !== 0 || northing !== 0;
    const inEngland = area?.la_code != null && area.in_council_areas;
    const lat = row.get('latitude');
    const lon = row.get('longitude');
    const coordinates = establishmentCoordinates(lat, lon, inEngland);
    if (!coordinates.ok) check.fail('latitude', `${lat}, ${lon}`, coordinates.message);
    return check.result(() => ({
      urn: urn!,
      la_code: area!.la_code,
      la_name: row.text('la_name'),
      in_council_areas: area!.in_council_areas,
      establishment_number: row.text('establishment_number'),
      ons_code_2013: row.text('ons_code_2013'),
      region: row.text('region'),
      phase: row.text('phase'),
      num_pupils: num_pupils ?? null,
      ofsted_rating: row.text('ofsted_rating'),
      last_ofsted_date: last_ofsted_date?.date ?? null,
      easting: located ? (easting ?? null) : null,
      northing: located ? (northing ?? null) : null,
      latitude: coordinates.ok ? (coordinates.value?.latitude ?? null) : null,
      longitude: coordinates.ok ? (coordinates.value?.longitude ?? null) : null,
    }));
  },
  key: (record) => record.urn,
};
