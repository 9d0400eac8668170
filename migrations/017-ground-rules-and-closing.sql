-- Ground rules and closing a workstream (PRODUCT.md §13).
-- Times are milliseconds since the epoch (UTC), as in 001.

-- A closed workstream is read-only: every record stays, nothing more is scheduled.
ALTER TABLE workstreams ADD COLUMN closed_at INTEGER;

-- The answers the group agreed to the nine Stage 4 questions. Append-only: a new answer to a
-- question is a new row, so the history is kept; the newest row per question is the answer.
-- The wording is the group's, not one person's, so forgetting the chair who typed it keeps it.
CREATE TABLE ground_rules_agreed (
  id            INTEGER PRIMARY KEY,
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id),
  question      INTEGER NOT NULL CHECK (question BETWEEN 1 AND 9),
  answer        TEXT NOT NULL,
  agreed_by     INTEGER NOT NULL REFERENCES people(id),
  agreed_at     INTEGER NOT NULL
);
CREATE INDEX ground_rules_agreed_by_question ON ground_rules_agreed(workstream_id, question, agreed_at);

-- One `/groundrules ask`: open until `closes_at`, then the chairs get the summary once.
CREATE TABLE ground_rules_rounds (
  id            INTEGER PRIMARY KEY,
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id),
  asked_by      INTEGER NOT NULL REFERENCES people(id),
  opened_at     INTEGER NOT NULL,
  closes_at     INTEGER NOT NULL,
  closed_at     INTEGER
);
CREATE INDEX ground_rules_rounds_open ON ground_rules_rounds(closed_at, closes_at);
CREATE INDEX ground_rules_rounds_by_workstream ON ground_rules_rounds(workstream_id, opened_at);

-- Who was asked, and whether they have answered: nothing about what, or how (named or not).
CREATE TABLE ground_rules_invites (
  round_id      INTEGER NOT NULL REFERENCES ground_rules_rounds(id),
  person_id     INTEGER NOT NULL REFERENCES people(id),
  invited_at    INTEGER NOT NULL,
  answered_at   INTEGER,
  PRIMARY KEY (round_id, person_id)
);
CREATE INDEX ground_rules_invites_by_person ON ground_rules_invites(person_id);

-- Answers given with a name: the chair sees them with it.
CREATE TABLE ground_rules_answers (
  round_id      INTEGER NOT NULL REFERENCES ground_rules_rounds(id),
  person_id     INTEGER NOT NULL REFERENCES people(id),
  question      INTEGER NOT NULL CHECK (question BETWEEN 1 AND 9),
  answer        TEXT NOT NULL,
  PRIMARY KEY (round_id, person_id, question)
);
CREATE INDEX ground_rules_answers_by_person ON ground_rules_answers(person_id);

-- Anonymous answers, kept apart from who answered (PRODUCT.md §15), like
-- checkin_anonymous_answers: no person, no time, no stakeholder group, and an id drawn at
-- random, so neither a column nor the order rows are stored in ties one to an invite.
CREATE TABLE ground_rules_anonymous_answers (
  id            INTEGER PRIMARY KEY,            -- random, never a sequence
  round_id      INTEGER NOT NULL REFERENCES ground_rules_rounds(id),
  question      INTEGER NOT NULL CHECK (question BETWEEN 1 AND 9),
  answer        TEXT NOT NULL
);
CREATE INDEX ground_rules_anonymous_by_round ON ground_rules_anonymous_answers(round_id);
