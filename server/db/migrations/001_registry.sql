-- The registry: reference areas, establishments, networks with their snapshots, milestones, and provenance.
-- Every stored row names the import it came from (import_id), so any figure can be traced to a file and checksum.

CREATE TABLE imports (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,
  network_id    TEXT,
  file_name     TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  bytes         INTEGER NOT NULL,
  as_at         TEXT,
  rows_read     INTEGER NOT NULL DEFAULT 0,
  rows_written  INTEGER NOT NULL DEFAULT 0,
  outcome       TEXT NOT NULL CHECK (outcome IN ('committed', 'superseded')),
  message       TEXT,
  started_at    TEXT NOT NULL,
  finished_at   TEXT NOT NULL
);
CREATE INDEX imports_identity ON imports (kind, sha256, as_at);

CREATE TABLE regions (
  code       TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  import_id  INTEGER NOT NULL REFERENCES imports (id)
);

-- England's 152 education local authorities 2011-2018 ("council areas").
CREATE TABLE council_areas (
  la_code        TEXT PRIMARY KEY CHECK (length(la_code) = 3),
  name           TEXT NOT NULL,
  ons_code_2011  TEXT,
  ons_code_2013  TEXT,
  la_type        TEXT,
  region_code    TEXT REFERENCES regions (code),
  valid_from     TEXT NOT NULL DEFAULT '2011-04-01',
  valid_to       TEXT,
  import_id      INTEGER NOT NULL REFERENCES imports (id)
);

-- Other names an area is known by: imported spellings, DfE list names, and later (successor) areas.
-- kind 'alias' = the same area under another name; 'successor' = a later area that covers part or all of it.
CREATE TABLE area_aliases (
  alias_key  TEXT NOT NULL,
  alias      TEXT NOT NULL,
  la_code    TEXT NOT NULL REFERENCES council_areas (la_code),
  kind       TEXT NOT NULL CHECK (kind IN ('alias', 'district', 'successor')),
  source     TEXT NOT NULL,
  import_id  INTEGER NOT NULL REFERENCES imports (id),
  PRIMARY KEY (alias_key, la_code)
);

-- Boundaries are stored as the TopoJSON documents they arrive as, one per level.
CREATE TABLE boundaries (
  level      TEXT PRIMARY KEY CHECK (level IN ('council-areas', 'regions')),
  object     TEXT NOT NULL,
  features   INTEGER NOT NULL,
  topojson   TEXT NOT NULL,
  import_id  INTEGER NOT NULL REFERENCES imports (id)
);

-- All open establishments (GIAS) as at the latest establishments import: the denominator for coverage.
CREATE TABLE establishments (
  urn                   INTEGER PRIMARY KEY,
  la_code               TEXT,
  la_name               TEXT,
  establishment_number  TEXT,
  in_council_areas      INTEGER NOT NULL,
  ons_code_2013         TEXT,
  region                TEXT,
  phase                 TEXT,
  num_pupils            INTEGER,
  ofsted_rating         TEXT,
  last_ofsted_date      TEXT,
  easting               INTEGER,
  northing              INTEGER,
  latitude              REAL,
  longitude             REAL,
  import_id             INTEGER NOT NULL REFERENCES imports (id)
);
CREATE INDEX establishments_la ON establishments (la_code);

CREATE TABLE networks (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  member_label  TEXT NOT NULL,
  group_label   TEXT,
  description   TEXT NOT NULL
);
INSERT INTO networks (id, name, member_label, group_label, description) VALUES
  ('teaching-schools', 'Teaching schools', 'teaching school', 'alliance',
   'Outstanding schools designated to train teachers and support other schools, grouped in teaching school alliances (2011-2021).'),
  ('nles', 'National Leaders of Education', 'national leader of education', NULL,
   'Headteachers of outstanding schools designated to support schools in challenging circumstances.'),
  ('hubs', 'Teaching school hubs', 'teaching school hub', NULL,
   'Centres of excellence for teacher training and development, each serving a set of districts (from 2021).');

-- A snapshot is a network's full list as at a date. Membership on a date is the latest snapshot on or before it.
CREATE TABLE snapshots (
  id          INTEGER PRIMARY KEY,
  network_id  TEXT NOT NULL REFERENCES networks (id),
  as_at       TEXT NOT NULL,
  import_id   INTEGER NOT NULL REFERENCES imports (id),
  UNIQUE (network_id, as_at)
);

CREATE TABLE groups (
  id          INTEGER PRIMARY KEY,
  network_id  TEXT NOT NULL REFERENCES networks (id),
  group_key   TEXT NOT NULL,
  name        TEXT NOT NULL,
  import_id   INTEGER NOT NULL REFERENCES imports (id),
  UNIQUE (network_id, group_key)
);

-- A member's identity across snapshots: the school URN for schools and NLEs, the hub's area code for hubs.
CREATE TABLE members (
  id          INTEGER PRIMARY KEY,
  network_id  TEXT NOT NULL REFERENCES networks (id),
  member_key  TEXT NOT NULL,
  urn         INTEGER,
  import_id   INTEGER NOT NULL REFERENCES imports (id),
  UNIQUE (network_id, member_key)
);

-- What a snapshot says of a member: its name, group, home area and attributes as listed on that date.
CREATE TABLE snapshot_members (
  snapshot_id          INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
  member_id            INTEGER NOT NULL REFERENCES members (id),
  name                 TEXT NOT NULL,
  group_id             INTEGER REFERENCES groups (id),
  la_code              TEXT REFERENCES council_areas (la_code),
  region               TEXT,
  phase                TEXT,
  establishment_type   TEXT,
  religious_character  TEXT,
  designated_on        TEXT,
  website              TEXT,
  import_id            INTEGER NOT NULL REFERENCES imports (id),
  PRIMARY KEY (snapshot_id, member_id)
);
CREATE INDEX snapshot_members_la ON snapshot_members (snapshot_id, la_code);

-- The council areas a member serves on that snapshot: its own area for a school, every area of a hub's districts.
CREATE TABLE snapshot_member_areas (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
  member_id    INTEGER NOT NULL REFERENCES members (id),
  la_code      TEXT NOT NULL REFERENCES council_areas (la_code),
  PRIMARY KEY (snapshot_id, member_id, la_code)
);
CREATE INDEX snapshot_member_areas_la ON snapshot_member_areas (snapshot_id, la_code);

-- Which milestone metric speaks of which network, and what it measures (loaded from data/reference).
CREATE TABLE metrics (
  metric      TEXT PRIMARY KEY,
  network_id  TEXT REFERENCES networks (id),
  measure     TEXT NOT NULL,
  label       TEXT NOT NULL,
  import_id   INTEGER NOT NULL REFERENCES imports (id)
);

-- Published national figures and targets. A target is a row whose qualifier is 'target', dated by its deadline.
CREATE TABLE milestones (
  id               INTEGER PRIMARY KEY,
  date             TEXT,
  date_precision   TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year', 'unknown')),
  metric           TEXT NOT NULL,
  round            INTEGER,
  value            REAL NOT NULL,
  value_qualifier  TEXT NOT NULL,
  source_title     TEXT NOT NULL,
  source_url       TEXT,
  source_quote     TEXT,
  notes            TEXT,
  import_id        INTEGER NOT NULL REFERENCES imports (id)
);
CREATE INDEX milestones_metric ON milestones (metric, date);
