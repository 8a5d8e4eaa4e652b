-- Council areas of each date (issue 26). council_areas holds every area since 2011, each with the days it existed
-- (valid_from, valid_to: both included); on any date the areas in force are those whose days include it. The
-- 2011-2018 areas stay the frame every list and establishment is matched to; the areas created since (838, 839,
-- 940-943) are derived from them: an establishment by where it lies, a member by what it serves.

ALTER TABLE council_areas ADD COLUMN ons_code TEXT;
-- Space-separated DfE codes: the areas it replaced, and those that replaced it.
ALTER TABLE council_areas ADD COLUMN predecessors TEXT;
ALTER TABLE council_areas ADD COLUMN successors TEXT;
-- Space-separated ONS codes of the 2016 districts it is made of.
ALTER TABLE council_areas ADD COLUMN districts_2016 TEXT;

-- Where an establishment of an area replaced since lies among the areas that replaced it: the whole of its area
-- went into one ('whole'), its council area as the June 2024 register names it ('register'), or its location in
-- the boundaries ('location'). An establishment of a split area with no row here is counted as not placed.
CREATE TABLE establishment_areas (
  urn      INTEGER NOT NULL,
  la_code  TEXT NOT NULL REFERENCES council_areas (la_code),
  via      TEXT NOT NULL CHECK (via IN ('whole', 'register', 'location')),
  PRIMARY KEY (urn, la_code)
) WITHOUT ROWID;

-- The areas a member serves, in the areas of every date: those its list gives (snapshot_member_areas), and the
-- areas created since that cover them (or the earlier areas a later code covers). A read about a date keeps the
-- areas in force on it, so one member is never counted twice.
CREATE TABLE served_areas (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots (id),
  la_code      TEXT NOT NULL,
  member_id    INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, la_code, member_id)
) WITHOUT ROWID;
CREATE INDEX served_areas_member ON served_areas (snapshot_id, member_id);

-- The GIAS register of a date (June 2024): every establishment, open or closed, with its name, phase, status and
-- council area as the register names it (no codes, pupils or locations). la_code is the area in force on the
-- register's date that name means, where it means exactly one (null: outside England, or a 'Pre-LGR' name of an
-- area since split). Names here are those establishments carry in reach lists and search.
CREATE TABLE register_establishments (
  urn        INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  la_name    TEXT,
  la_code    TEXT,
  phase      TEXT,
  status     TEXT NOT NULL,
  is_open    INTEGER NOT NULL CHECK (is_open IN (0, 1)),
  import_id  INTEGER NOT NULL REFERENCES imports (id)
);
