-- school_reach's two indexes on distance go. Every read of far schools names its areas and reads them by the
-- table's key (db/queries/reach.ts), or joins the register's establishments to it by that key (register.ts):
-- school_reach_phase_km served no read, and school_reach_km only led the register's read to walk every school
-- of a list beyond the radius (486 ms for England at radius 0 on a registry ten times the shipped, 130 ms
-- without it). Keeping them was a third of writing the table's 389,490 rows in the establishments import.
DROP INDEX school_reach_km;
DROP INDEX school_reach_phase_km;
