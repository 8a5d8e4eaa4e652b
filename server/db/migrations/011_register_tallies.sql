-- The GIAS register's open establishments (Open, or Open but proposed to close) per council area of its date and
-- phase, as a denominator (issue 26): counted at import so that no read about a day after April 2021 counts 51,000
-- rows. located: of them, those with a location in the establishments extract (by URN), which distances use; so
-- an establishments import tallies them again too. phase is the register's own spelling ('' for none).
CREATE TABLE register_area_schools (
  la_code  TEXT NOT NULL,
  phase    TEXT NOT NULL,
  schools  INTEGER NOT NULL,
  located  INTEGER NOT NULL,
  PRIMARY KEY (la_code, phase)
) WITHOUT ROWID;
