-- What a figure needs to be dated and sourced: when each network ran, and the publications figures are taken from.
-- Both are the project's own reference tables (data/reference/), each row naming its import like every other row.

-- A network's start or end as published: a list is in force from its date until the next list or the network's
-- end, never after. A month-precision end ('2021-08') means the network ran to that month's last day.
CREATE TABLE network_periods (
  network_id    TEXT NOT NULL REFERENCES networks (id),
  boundary      TEXT NOT NULL CHECK (boundary IN ('start', 'end')),
  date          TEXT NOT NULL,
  precision     TEXT NOT NULL CHECK (precision IN ('day', 'month', 'year')),
  source_title  TEXT NOT NULL,
  source_url    TEXT,
  source_quote  TEXT,
  notes         TEXT,
  import_id     INTEGER NOT NULL REFERENCES imports (id),
  PRIMARY KEY (network_id, boundary)
);

-- A publication a figure is cited from (matched by its title, as the milestones and periods name it): who published
-- it and when, apart from the date its figures refer to and a target's deadline. primary: the body that made the
-- figure (DfE, NCTL, Parliament); secondary: someone else reporting it (a magazine, a blog, a school's site).
-- published is as precise as known (YYYY, YYYY-MM, YYYY-MM-DD) or null; seen_by is a date it is known to have
-- existed by (an archive capture, a listing) when its own date is not known.
CREATE TABLE publications (
  source_title         TEXT PRIMARY KEY,
  publisher            TEXT NOT NULL,
  published            TEXT,
  published_precision  TEXT NOT NULL CHECK (published_precision IN ('day', 'month', 'year', 'unknown')),
  kind                 TEXT NOT NULL CHECK (kind IN ('primary', 'secondary')),
  seen_by              TEXT,
  notes                TEXT,
  import_id            INTEGER NOT NULL REFERENCES imports (id)
);

-- Why a network without groups has none: said wherever a count of groups would be (groups: null, with this).
ALTER TABLE networks ADD COLUMN groups_note TEXT;
UPDATE networks SET groups_note = 'National Leaders of Education are designated one by one: they are not grouped.'
  WHERE id = 'nles';
UPDATE networks SET groups_note = 'Teaching school hubs are not grouped: each hub serves its own area.'
  WHERE id = 'hubs';

-- Whether a network's members are schools (a teaching school, an NLE's school): only then do pupils on a member's
-- roll count as pupils in member schools. A hub is placed at its lead school, but its pupils are not the hub's.
ALTER TABLE networks ADD COLUMN members_are_schools INTEGER NOT NULL DEFAULT 1;
UPDATE networks SET members_are_schools = 0 WHERE id = 'hubs';
