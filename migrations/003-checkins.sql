-- End-of-meeting check-ins (PRODUCT.md §4) and private support requests.
-- Times are milliseconds since the epoch (UTC), as in 001.

-- One check-in per meeting. The reminder and closing times are fixed when it opens, from the
-- workstream's settings at that moment, so changing a setting later does not move a live one.
CREATE TABLE checkins (
  id                 INTEGER PRIMARY KEY,
  meeting_id         INTEGER NOT NULL UNIQUE REFERENCES meetings(id),
  workstream_id      INTEGER NOT NULL REFERENCES workstreams(id),
  opened_at          INTEGER NOT NULL,
  remind_at          INTEGER NOT NULL,
  closes_at          INTEGER NOT NULL,
  reminders_queued_at INTEGER,                 -- set once, so the reminder goes once
  closed_at          INTEGER
);
CREATE INDEX checkins_open ON checkins(closed_at, closes_at);
CREATE INDEX checkins_by_workstream ON checkins(workstream_id, opened_at);

-- One row per invited person (created when the check-in is sent), filled in as they answer.
-- `step` is the question they are on (1-7; 8 = finished): an answer is only taken for the
-- current step, which is what makes a double click or a retried delivery record one answer.
-- `grp` is their stakeholder group when they answered, so trends by group survive later changes.
CREATE TABLE checkin_answers (
  checkin_id         INTEGER NOT NULL REFERENCES checkins(id),
  person_id          INTEGER NOT NULL REFERENCES people(id),
  grp                TEXT NOT NULL CHECK (grp IN ('service-user', 'carer', 'official', 'clinician', 'third-sector', 'independent', 'other')),
  step               INTEGER NOT NULL DEFAULT 1 CHECK (step BETWEEN 1 AND 8),
  attended           TEXT CHECK (attended IN ('yes', 'no')),
  spoke              TEXT CHECK (spoke IN ('fully', 'partly', 'not-really')),
  listened           TEXT CHECK (listened IN ('yes', 'partly', 'no')),
  comment            TEXT,
  one_to_one         TEXT CHECK (one_to_one IN ('yes', 'no')),
  wants_support      TEXT CHECK (wants_support IN ('yes', 'no')),
  anonymous          INTEGER NOT NULL DEFAULT 0,
  invited_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  completed_at       INTEGER,
  PRIMARY KEY (checkin_id, person_id)
);
CREATE INDEX checkin_answers_by_person ON checkin_answers(person_id);

-- Support requests: S-<seq> per workstream. Seen by the person and the coordinators only —
-- never by chairs — so the text lives here and not in checkin_answers.
CREATE TABLE support_requests (
  id                 INTEGER PRIMARY KEY,
  workstream_id      INTEGER NOT NULL REFERENCES workstreams(id),
  seq                INTEGER NOT NULL,
  person_id          INTEGER NOT NULL REFERENCES people(id),
  kind               TEXT NOT NULL CHECK (kind IN ('practical', 'accessibility', 'wellbeing', 'other')),
  need               TEXT NOT NULL,
  source             TEXT NOT NULL CHECK (source IN ('command', 'checkin', 'papers')),
  checkin_id         INTEGER REFERENCES checkins(id),
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  created_at         INTEGER NOT NULL,
  closed_by          INTEGER REFERENCES people(id),
  closed_at          INTEGER,
  UNIQUE (workstream_id, seq)
);
CREATE INDEX support_by_status ON support_requests(workstream_id, status);
CREATE INDEX support_by_person ON support_requests(person_id);
-- A check-in's support question makes at most one request, however often it is submitted.
CREATE UNIQUE INDEX support_one_per_checkin ON support_requests(checkin_id, person_id) WHERE checkin_id IS NOT NULL;
