// One definition for each word the figures count in, used alike in the API's field descriptions, its CSV headings,
// the dashboard's labels and the sources page (which lists them, from /api/v1/sources).

export interface Term {
  term: string;
  definition: string;
}

export const TERMS = {
  establishment:
    'An open establishment in Get Information about Schools (GIAS) on the date of the establishments list, in ' +
    'one of the 152 council areas, of any type and phase: on 12 March 2018 there were 28,087, of which 7,201 ' +
    'have the phase "Not applicable". The figures called schools in field names (schools, schools_total, ' +
    'schools_beyond_km, members_per_100_schools) count establishments.',
  school:
    'A member that is a school: a teaching school, or the school an NLE leads, matched to GIAS by its URN. ' +
    'Establishments are not called schools in labels, since a quarter of them have no phase of education.',
  pupils:
    'Pupils on roll as GIAS records them. An establishment (or member school) without a pupil count adds ' +
    'nothing, so every total of pupils is a lower bound, and says how many it counts.',
  member:
    'One entry of a network\u2019s list: a teaching school, a national leader of education, or a teaching school hub.',
  group:
    'What members are grouped in: a teaching school alliance. Hubs and NLEs are not grouped: their groups are ' +
    'null, with the reason, never 0.',
  council_area: 'One of England\u2019s 152 education local authorities of 2011-2018, each in one ONS region.',
  published_figure:
    'A national figure as a publication gave it: its date (as precise as published), its qualifier (exact, ' +
    'derived, over, just over, about, around) and its source. Counts the project makes from imported lists are ' +
    'never presented as published figures.',
} as const satisfies Record<string, string>;

export function terms(): Term[] {
  return Object.entries(TERMS).map(([term, definition]) => ({ term: term.replace('_', ' '), definition }));
}
