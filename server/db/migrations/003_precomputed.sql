-- Figures every read needs, worked out once inside the import that changes them (server/precompute/), so that a
-- request looks them up instead of computing them. Each table is derived: an import rewrites what it changes.

-- Open establishments in the council areas by area and phase (phase '' when GIAS gives none), with the sums of
-- the located ones' coordinates (an area's centre of schools is their mean).
CREATE TABLE area_schools (
  la_code  TEXT NOT NULL REFERENCES council_areas (la_code),
  phase    TEXT NOT NULL,
  schools  INTEGER NOT NULL,
  pupils   INTEGER NOT NULL,
  located  INTEGER NOT NULL,
  lat_sum  REAL NOT NULL,
  lon_sum  REAL NOT NULL,
  PRIMARY KEY (la_code, phase)
) WITHOUT ROWID;

-- Per network list and phase ('' = all phases): how many members have a location (those of their school).
-- No row, or 0: distances cannot be measured for that list and phase.
CREATE TABLE list_reach (
  snapshot_id       INTEGER NOT NULL REFERENCES snapshots (id),
  phase             TEXT NOT NULL,
  located_members   INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, phase)
) WITHOUT ROWID;

-- Each located establishment's nearest located member on each list: of any phase, and of its own phase.
CREATE TABLE school_reach (
  snapshot_id      INTEGER NOT NULL REFERENCES snapshots (id),
  urn              INTEGER NOT NULL,
  la_code          TEXT NOT NULL,
  phase            TEXT NOT NULL,
  member_id        INTEGER NOT NULL,
  km               REAL NOT NULL,
  phase_member_id  INTEGER,
  phase_km         REAL,
  PRIMARY KEY (snapshot_id, urn)
) WITHOUT ROWID;
CREATE INDEX school_reach_km ON school_reach (snapshot_id, km);
CREATE INDEX school_reach_phase_km ON school_reach (snapshot_id, phase, phase_km);

-- Per list, phase and area, schools beyond a distance as a step function: for a radius of `step` steps of
-- REACH_STEP_KM (db/queries/reach.ts) up to the next row's, `beyond` located schools are farther than it from
-- every member (of the phase). A row is kept only where the count changes.
CREATE TABLE area_reach (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots (id),
  phase        TEXT NOT NULL,
  la_code      TEXT NOT NULL,
  step         INTEGER NOT NULL,
  beyond       INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, phase, la_code, step)
) WITHOUT ROWID;

-- Per list, phase and area, the nearest members that do not serve the area, each measured from the nearest of
-- the area's located schools (of the phase), which is named.
CREATE TABLE area_nearest_outside (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots (id),
  phase        TEXT NOT NULL,
  la_code      TEXT NOT NULL,
  rank         INTEGER NOT NULL,
  member_id    INTEGER NOT NULL,
  km           REAL NOT NULL,
  from_urn     INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, phase, la_code, rank)
) WITHOUT ROWID;

-- Council areas that share a boundary, from the council-area boundaries (both directions are stored).
CREATE TABLE area_adjacency (
  la_code    TEXT NOT NULL,
  neighbour  TEXT NOT NULL,
  PRIMARY KEY (la_code, neighbour)
) WITHOUT ROWID;

-- The search index: council areas (with their other names), groups, and members under their latest listing,
-- each with its council area (la_code) where it has one.
CREATE VIRTUAL TABLE search_index USING fts5(
  name, also, kind UNINDEXED, key UNINDEXED, network_id UNINDEXED, la_code UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- A group's members on a list (the groups route gathers them per group).
CREATE INDEX snapshot_members_group ON snapshot_members (snapshot_id, group_id);
