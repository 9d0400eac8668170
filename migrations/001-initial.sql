-- The walking skeleton: people, workstreams, members, meetings, the outbox and inbound dedupe.
-- Times are stored as milliseconds since the epoch (UTC).

CREATE TABLE people (
  id           INTEGER PRIMARY KEY,
  key          TEXT NOT NULL UNIQUE,          -- <platform>:<user id>
  name         TEXT NOT NULL,
  dm           TEXT NOT NULL,                 -- opaque direct-message address
  quiet_until  INTEGER
);

CREATE TABLE workstreams (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  channel      TEXT NOT NULL UNIQUE,
  settings     TEXT NOT NULL,                 -- JSON, read back through SettingsSchema
  created_at   INTEGER NOT NULL
);

CREATE TABLE members (
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id),
  person_id     INTEGER NOT NULL REFERENCES people(id),
  role          TEXT NOT NULL CHECK (role IN ('chair', 'coordinator', 'member')),
  grp           TEXT NOT NULL CHECK (grp IN ('service-user', 'carer', 'official', 'clinician', 'third-sector', 'independent', 'other')),
  joined_at     INTEGER NOT NULL,
  removed_at    INTEGER,
  PRIMARY KEY (workstream_id, person_id)
);
CREATE INDEX members_by_person ON members(person_id);

CREATE TABLE meetings (
  id            INTEGER PRIMARY KEY,
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id),
  seq           INTEGER NOT NULL,             -- M-<seq>
  title         TEXT NOT NULL,
  starts_at     INTEGER NOT NULL,
  ends_at       INTEGER NOT NULL,
  status        TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'ended')),
  ended_at      INTEGER,
  created_at    INTEGER NOT NULL,
  UNIQUE (workstream_id, seq)
);
CREATE INDEX meetings_by_start ON meetings(status, starts_at);

CREATE TABLE attendance (
  meeting_id    INTEGER NOT NULL REFERENCES meetings(id),
  person_id     INTEGER NOT NULL REFERENCES people(id),
  answer        TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
  answered_at   INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, person_id)
);

-- Every outgoing message passes through here. The unique key is what makes "found due twice"
-- still mean "sent once"; rows are never deleted, only finished.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL UNIQUE,
  address         TEXT NOT NULL,
  message         TEXT NOT NULL,              -- JSON Message
  person_id       INTEGER REFERENCES people(id),
  workstream_id   INTEGER REFERENCES workstreams(id),
  subject         TEXT,
  is_reminder     INTEGER NOT NULL DEFAULT 0,
  not_before      INTEGER NOT NULL,
  expires_at      INTEGER,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dropped', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  finished_at     INTEGER
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_subject ON outbox(subject, status);

CREATE TABLE inbound_seen (
  key      TEXT PRIMARY KEY,
  seen_at  INTEGER NOT NULL
);
