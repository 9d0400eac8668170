-- The programme (PRODUCT.md §14): a board's channel that oversees several workstreams. Its
-- leads see only aggregates of the workstreams in it. Times are milliseconds since the epoch.

CREATE TABLE programmes (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  channel      TEXT NOT NULL UNIQUE,
  settings     TEXT NOT NULL,                 -- JSON Settings: its own digest, zone, quiet hours
  created_at   INTEGER NOT NULL
);

CREATE TABLE programme_leads (
  programme_id INTEGER NOT NULL REFERENCES programmes(id),
  person_id    INTEGER NOT NULL REFERENCES people(id),
  added_at     INTEGER NOT NULL,
  PRIMARY KEY (programme_id, person_id)
);
CREATE INDEX programme_leads_by_person ON programme_leads(person_id);

-- A workstream belongs to at most one programme.
CREATE TABLE programme_workstreams (
  programme_id  INTEGER NOT NULL REFERENCES programmes(id),
  workstream_id INTEGER NOT NULL UNIQUE REFERENCES workstreams(id),
  added_at      INTEGER NOT NULL,
  PRIMARY KEY (programme_id, workstream_id)
);
