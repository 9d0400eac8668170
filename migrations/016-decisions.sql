-- The decision log (PRODUCT.md §12): each decision DC-<seq>, made in a meeting or outside one,
-- and the dissent linked to it. A decision made outside a meeting is brought to the group at
-- the meeting the chair names (bring_meeting_id) or, if the chair names none, at the next
-- meeting after it was made; it counts as brought once that meeting has ended, so the record
-- follows the meetings themselves. Times are ms since the epoch.
CREATE TABLE decisions (
  id               INTEGER PRIMARY KEY,
  workstream_id    INTEGER NOT NULL REFERENCES workstreams(id),
  seq              INTEGER NOT NULL,             -- DC-<seq>
  text             TEXT NOT NULL,                -- what was decided, as the chair wrote it
  recorded_by      INTEGER NOT NULL REFERENCES people(id),
  decided_at       INTEGER NOT NULL,
  meeting_id       INTEGER REFERENCES meetings(id),   -- the meeting it was made in; NULL: outside one
  bring_meeting_id INTEGER REFERENCES meetings(id),   -- outside only: the meeting a chair brought it to
  brought_by       INTEGER REFERENCES people(id),
  UNIQUE (workstream_id, seq)
);
CREATE INDEX decisions_outside ON decisions(workstream_id, meeting_id);

-- Dissent linked to a decision (`/decision … dissent D-4 D-7`).
CREATE TABLE decision_dissent (
  decision_id INTEGER NOT NULL REFERENCES decisions(id),
  dissent_id  INTEGER NOT NULL REFERENCES dissent(id),
  PRIMARY KEY (decision_id, dissent_id)
);
CREATE INDEX decision_dissent_by_dissent ON decision_dissent(dissent_id);
