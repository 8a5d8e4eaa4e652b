// Pure parsers for single CSV values. Each returns Parsed<T> and never throws; an error message names the bad
// value (the caller adds the row and the column). Empty or whitespace-only input is the error EMPTY for the
// plain parsers and `{ ok: true, value: null }` for the optional ones.

import { UTCDate } from '@date-fns/utc';
import { getDaysInMonth, isValid, parse } from 'date-fns';
import { formatDate, type Precision } from '../../common/dates.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export const EMPTY = 'is empty';

export interface ParsedDate {
  date: string; // 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'
  precision: Precision;
}

export interface Coordinates {
  latitude: number;
  longitude: number;
}

export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

/** England with the Isles of Scilly, a little generous at every edge. */
export const ENGLAND: BoundingBox = {
  minLatitude: 49.8,
  maxLatitude: 55.9,
  minLongitude: -6.5,
  maxLongitude: 2.0,
};

/**
 * Where easting 0 / northing 0 of the British National Grid lands in WGS84. GIAS gives it to establishments
 * without a location (12 rows in the 152 areas of the 2018 extract): a placeholder, not a place.
 */
export const GRID_ORIGIN: Coordinates = { latitude: 49.766807, longitude: -7.55716 };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });
const quote = (s: string): string => `'${s}'`;

function optional<T>(parse: (s: string) => Parsed<T>): (s: string) => Parsed<T | null> {
  return (s) => (s.trim() === '' ? ok(null) : parse(s));
}

// ---- identifiers ----

/** A GIAS URN. Most are 6 digits; GIAS also has 5-digit ones (3,123 open establishments in 2018, from 20001). */
export function parseUrn(s: string): Parsed<number> {
  const t = s.trim();
  if (t === '') return fail(EMPTY);
  const urn = t.length === 5 || t.length === 6 ? digitsAt(t, 0, t.length) : -1;
  if (urn < 10000) return fail(`${quote(s)} is not a URN (5 or 6 digits expected)`);
  return ok(urn);
}
export const optionalUrn = optional(parseUrn);

/** A DfE 3-digit local authority code, '201' to '999'. */
export function parseLaCode(s: string): Parsed<string> {
  const t = s.trim();
  if (t === '') return fail(EMPTY);
  if ((t.length === 3 ? digitsAt(t, 0, 3) : -1) < 201) {
    return fail(`${quote(s)} is not a DfE LA code (3 digits, 201 to 999, expected)`);
  }
  return ok(t);
}
export const optionalLaCode = optional(parseLaCode);

// ---- dates ----

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const ANY_YEAR = new UTCDate(2000, 0, 1);

/** 1-based month from 'May', 'mar', 'March', 'Sept' (date-fns reads the names); null if not a month name. */
function monthFromName(name: string): number | null {
  if (name.length < 3) return null; // date-fns would take 'J' as January
  const month = parse(name.toLowerCase() === 'sept' ? 'sep' : name, 'MMMM', ANY_YEAR);
  return isValid(month) ? month.getMonth() + 1 : null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function buildDate(s: string, year: number, month: number | null, day: number | null): Parsed<ParsedDate> {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail(`${quote(s)} is not a date (year ${year} is outside ${MIN_YEAR} to ${MAX_YEAR})`);
  }
  if (month === null) return ok({ date: String(year), precision: 'year' });
  if (month < 1 || month > 12) return fail(`${quote(s)} is not a date (there is no month ${month})`);
  if (day === null) return ok({ date: `${year}-${pad(month)}`, precision: 'month' });
  if (day < 1) return fail(`${quote(s)} is not a date (there is no day ${day})`);
  // Every month has 28 days: only a later day needs its month's length (date-fns), a cost nearly no cell pays.
  const last = day > 28 ? getDaysInMonth(new UTCDate(year, month - 1, 1)) : 28;
  if (day > last) {
    return fail(`${quote(s)} is not a date (${formatDate(`${year}-${pad(month)}`)} has ${last} days)`);
  }
  return ok({ date: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' });
}

/**
 * The number written by `count` ASCII digits at `from`, or -1. Read by char codes: URNs, LA codes and dates are
 * read on every row of a large file, where a regular expression costs about twice as much.
 */
function digitsAt(t: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Year, month and day of the two ten-character forms nearly every dated cell has, `2014-05-26` and `26-05-2014`
 * (or with / or .), read by char codes; null for anything else, which the patterns below then read.
 */
function fullDate(t: string): [number, number, number] | null {
  const separator = t[2];
  if (t[4] === '-' && t[7] === '-') {
    const [year, month, day] = [digitsAt(t, 0, 4), digitsAt(t, 5, 2), digitsAt(t, 8, 2)];
    return year < 0 || month < 0 || day < 0 ? null : [year, month, day];
  }
  if ((separator === '-' || separator === '/' || separator === '.') && t[5] === separator) {
    const [day, month, year] = [digitsAt(t, 0, 2), digitsAt(t, 3, 2), digitsAt(t, 6, 4)];
    return year < 0 || month < 0 || day < 0 ? null : [year, month, day];
  }
  return null;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const UK_NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const UK_WORDS = /^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([a-z]+)\.?,?\s+(\d{4})$/i;

/**
 * ISO (`2014-05-26`, `2014-05`, `2014`) or UK (`26/05/2014`, `26-05-2014` as in GIAS, `26.05.2014`,
 * `26 May 2014`, `May 2014`, `Mar 2015`). The precision says how much of the date the value gave.
 */
export function parseDate(s: string): Parsed<ParsedDate> {
  const t = s.trim();
  if (t === '') return fail(EMPTY);
  if (t.length === 10) {
    const full = fullDate(t);
    if (full !== null) return buildDate(s, full[0], full[1], full[2]);
  }
  let m = ISO.exec(t);
  if (m) return buildDate(s, Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null);
  m = UK_NUMERIC.exec(t);
  if (m) return buildDate(s, Number(m[4]), Number(m[3]), Number(m[1]));
  m = UK_WORDS.exec(t);
  if (m) {
    const month = monthFromName(m[2]!);
    if (month !== null) return buildDate(s, Number(m[3]), month, m[1] ? Number(m[1]) : null);
  }
  return fail(
    `${quote(s)} is not a date (expected 2014-05-26, 2014-05, 2014, 26/05/2014, 26 May 2014 or May 2014)`,
  );
}
export const optionalDate = optional(parseDate);

// ---- numbers ----

const INTEGER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)$/;
const DECIMAL = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)$/;

/** A whole number; `1,656` thousands separators are accepted. */
// Most cells are plain digits: they skip the thousands-separator handling (a third of a large import's parsing).
// Checked by char codes, not a regular expression: a tenth of a large import's validation went on the two tests.

/** The end of a run of 1 to 15 ASCII digits starting at `from`, or -1. */
function digitsEnd(s: string, from: number): number {
  let at = from;
  while (at < s.length && at - from < 16) {
    const c = s.charCodeAt(at);
    if (c < 48 || c > 57) break;
    at++;
  }
  return at === from || at - from > 15 ? -1 : at;
}

/** `-?\d{1,15}` */
function isPlainInteger(s: string): boolean {
  return digitsEnd(s, s.charCodeAt(0) === 45 ? 1 : 0) === s.length;
}

/** `-?\d{1,15}(\.\d{1,15})?` */
function isPlainDecimal(s: string): boolean {
  const end = digitsEnd(s, s.charCodeAt(0) === 45 ? 1 : 0);
  if (end === s.length) return true;
  return end !== -1 && s.charCodeAt(end) === 46 && digitsEnd(s, end + 1) === s.length;
}

export function parseInteger(s: string): Parsed<number> {
  if (isPlainInteger(s)) return ok(Number(s));
  const t = s.trim();
  if (t === '') return fail(EMPTY);
  const n = Number(t.replaceAll(',', ''));
  if (!INTEGER.test(t) || !Number.isSafeInteger(n)) return fail(`${quote(s)} is not a whole number`);
  return ok(n);
}
export const optionalInteger = optional(parseInteger);

/** A decimal number such as `52.901239`, `-1.4`, `1,656.5`; no exponents, no NaN or Infinity. */
export function parseNumber(s: string): Parsed<number> {
  if (isPlainDecimal(s)) return ok(Number(s));
  const t = s.trim();
  if (t === '') return fail(EMPTY);
  const n = Number(t.replaceAll(',', ''));
  if (!DECIMAL.test(t) || !Number.isFinite(n)) return fail(`${quote(s)} is not a number`);
  return ok(n);
}
export const optionalNumber = optional(parseNumber);

// ---- coordinates ----

function inside(box: BoundingBox, latitude: number, longitude: number): boolean {
  return (
    latitude >= box.minLatitude &&
    latitude <= box.maxLatitude &&
    longitude >= box.minLongitude &&
    longitude <= box.maxLongitude
  );
}

/**
 * WGS84 latitude and longitude, both given or both empty (null). Outside `box` (England by default) is an
 * error naming both values; pass `null` to check only that they are on the globe.
 */
export function parseCoordinates(
  lat: string,
  lon: string,
  box: BoundingBox | null = ENGLAND,
): Parsed<Coordinates | null> {
  const [latEmpty, lonEmpty] = [lat.trim() === '', lon.trim() === ''];
  if (latEmpty && lonEmpty) return ok(null);
  if (latEmpty) return fail(`longitude ${quote(lon)} has no latitude`);
  if (lonEmpty) return fail(`latitude ${quote(lat)} has no longitude`);
  const latitude = parseNumber(lat);
  if (!latitude.ok || Math.abs(latitude.value) > 90) return fail(`${quote(lat)} is not a latitude`);
  const longitude = parseNumber(lon);
  if (!longitude.ok || Math.abs(longitude.value) > 180) return fail(`${quote(lon)} is not a longitude`);
  const coordinates = { latitude: latitude.value, longitude: longitude.value };
  return box ? withinBox(coordinates, box, lat, lon) : ok(coordinates);
}

/** Coordinates already parsed from `lat` and `lon`, or the error parseCoordinates gives when they are outside `box`. */
export function withinBox(
  c: Coordinates,
  box: BoundingBox,
  lat: string,
  lon: string,
): Parsed<Coordinates | null> {
  if (inside(box, c.latitude, c.longitude)) return ok(c);
  const swapped = inside(box, c.longitude, c.latitude) ? '; are they swapped?' : '';
  return fail(
    `latitude ${quote(lat)}, longitude ${quote(lon)} is outside England ` +
      `(latitude ${box.minLatitude} to ${box.maxLatitude}, longitude ${box.minLongitude} to ${box.maxLongitude}${swapped})`,
  );
}

/** True for GIAS's "no location" placeholder (grid origin), to six decimal places. */
export function isGridOrigin(c: Coordinates): boolean {
  return (
    Math.abs(c.latitude - GRID_ORIGIN.latitude) < 5e-7 && Math.abs(c.longitude - GRID_ORIGIN.longitude) < 5e-7
  );
}

// ---- text ----

/** Trimmed text, or null when empty. */
export function optionalText(s: string): Parsed<string | null> {
  const t = s.trim();
  return ok(t === '' ? null : t);
}

/** Text that must be there, trimmed. */
export function requiredText(s: string): Parsed<string> {
  const t = s.trim();
  return t === '' ? fail(EMPTY) : ok(t);
}

/** A date of any precision as its ISO form ('2014-05-26', '2014-05', '2014'), or null when empty. */
export function optionalIsoDate(s: string): Parsed<string | null> {
  const parsed = optionalDate(s);
  return parsed.ok ? ok(parsed.value?.date ?? null) : parsed;
}

/**
 * A web address to link to, or null when empty: http or https only, since a link with another scheme
 * (javascript:, data:) would run or show something else where a reader expects the source.
 */
export function optionalWebAddress(s: string): Parsed<string | null> {
  const t = s.trim();
  if (t === '') return ok(null);
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return fail(`${quote(t)} is not a web address (https://...)`);
  }
  return url.protocol === 'https:' || url.protocol === 'http:'
    ? ok(t)
    : fail(`${quote(t)} is not an http or https address`);
}

/** A full calendar date (day precision) as 'YYYY-MM-DD', or null when empty. */
export function optionalDay(s: string): Parsed<string | null> {
  const parsed = optionalDate(s);
  if (!parsed.ok || parsed.value === null) return parsed.ok ? ok(null) : parsed;
  return parsed.value.precision === 'day'
    ? ok(parsed.value.date)
    : fail(`${quote(s)} is not a full date (YYYY-MM-DD)`);
}
