-- Hub lists over time (issue 15). A hub's code, name and even its lead school change between lists, so a hub is
-- matched across lists by the districts it serves; these tables keep what that needs.

-- The URN a list gives for a member on that list (a school's own, a hub's lead school), and the URN whose
-- establishment places it on the map: its own, or, for a hub whose list gives none, that of the same hub on an
-- earlier list when the match between the lists says it is the same hub. Null: the location is not known.
ALTER TABLE snapshot_members ADD COLUMN urn INTEGER;
ALTER TABLE snapshot_members ADD COLUMN location_urn INTEGER;
UPDATE snapshot_members SET
  urn = (SELECT urn FROM members WHERE id = member_id),
  location_urn = (SELECT urn FROM members WHERE id = member_id);

-- What a hub list says of a hub beyond the other networks' fields: the districts as listed (each with the 2013
-- districts it is made of, and whether it is only a part of them the list does not define), the lead school's
-- name, the list's own area (the 2021 list's Regional Schools Commissioner area: not an ONS region), and where
-- its location comes from when not from its own URN.
CREATE TABLE hub_listings (
  snapshot_id     INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
  member_id       INTEGER NOT NULL REFERENCES members (id),
  places          TEXT NOT NULL CHECK (json_valid(places)),
  lead_school     TEXT,
  list_area       TEXT,
  test_and_learn  INTEGER NOT NULL DEFAULT 0 CHECK (test_and_learn IN (0, 1)),
  location_via    TEXT,
  import_id       INTEGER NOT NULL REFERENCES imports (id),
  PRIMARY KEY (snapshot_id, member_id)
);

-- The 2013 districts a later or sub-divided area name is made of (data/reference/area_successors.csv), so that
-- two lists naming districts of different years can be compared district by district. part = 1: the name is
-- only some of those districts, and no public source says which (the hub finder's own sub-divisions).
CREATE TABLE area_compositions (
  name_key   TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  districts  TEXT NOT NULL CHECK (json_valid(districts)),
  part       INTEGER NOT NULL CHECK (part IN (0, 1)),
  import_id  INTEGER NOT NULL REFERENCES imports (id)
);
