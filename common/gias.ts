// A school's record on Get Information about Schools (name, address, status), by its URN: the server's reach lists
// and the dashboard's map popups link to the same page.
export const GIAS_URL =
  'https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/';

export const giasUrl = (urn: number | string): string => `${GIAS_URL}${urn}`;
