-- Every import attempted over the API keeps its report, whatever its outcome: committed, unchanged, rejected or a
-- dry run. import_id names the import it committed (null for the others); the report is the importer's JSON.

CREATE TABLE import_reports (
  id           INTEGER PRIMARY KEY,
  received_at  TEXT NOT NULL,
  request_id   TEXT,
  kind         TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('committed', 'unchanged', 'rejected', 'dry-run')),
  import_id    INTEGER REFERENCES imports (id),
  report       TEXT NOT NULL CHECK (json_valid(report))
);
CREATE INDEX import_reports_import ON import_reports (import_id);
