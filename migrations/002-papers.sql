-- Papers ahead of meetings (PRODUCT.md §4 "Papers"), questions to the chair, requests for
-- another format, and the workstream's glossary. Times are milliseconds since the epoch (UTC).

CREATE TABLE papers (
  id            INTEGER PRIMARY KEY,
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id),
  seq           INTEGER NOT NULL,             -- PA-<seq>
  meeting_id    INTEGER NOT NULL REFERENCES meetings(id),
  link          TEXT NOT NULL,
  title         TEXT NOT NULL,
  summary       TEXT,                         -- the plain-language summary, when given
  added_by      INTEGER NOT NULL REFERENCES people(id),
  added_at      INTEGER NOT NULL,
  sent_at       INTEGER,                      -- when it went out to members; NULL until then
  late          INTEGER NOT NULL DEFAULT 0,   -- 1 when it went out after the others had
  UNIQUE (workstream_id, seq)
);
CREATE INDEX papers_by_meeting ON papers(meeting_id);

-- One row per meeting whose papers have gone out: when they were due (the lead time) and when
-- they actually went. The coordinator digest reads `late` from here.
CREATE TABLE paper_distributions (
  meeting_id    INTEGER PRIMARY KEY REFERENCES meetings(id),
  due_at        INTEGER NOT NULL,
  sent_at       INTEGER NOT NULL,
  late          INTEGER NOT NULL DEFAULT 0
);

-- "I've read them": one row per meeting and person, however often the button is pressed.
CREATE TABLE paper_reads (
  meeting_id    INTEGER NOT NULL REFERENCES meetings(id),
  person_id     INTEGER NOT NULL REFERENCES people(id),
  confirmed_at  INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, person_id)
);

-- Questions to the chair about a meeting's papers. Seen only by the asker and the chairs.
CREATE TABLE paper_questions (
  id            INTEGER PRIMARY KEY,
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id),
  meeting_id    INTEGER NOT NULL REFERENCES meetings(id),
  person_id     INTEGER NOT NULL REFERENCES people(id),
  question      TEXT NOT NULL,
  asked_at      INTEGER NOT NULL,
  answer        TEXT,
  answered_by   INTEGER REFERENCES people(id),
  answered_at   INTEGER
);
CREATE INDEX paper_questions_by_meeting ON paper_questions(meeting_id);

-- "Another format, please": which format, for which meeting. Each is also a support request
-- (source 'papers'), which is what the coordinators track to done; support_requests is created
-- by a later migration, hence no REFERENCES on support_request_id.
CREATE TABLE paper_format_requests (
  id            INTEGER PRIMARY KEY,
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id),
  meeting_id    INTEGER NOT NULL REFERENCES meetings(id),
  person_id     INTEGER NOT NULL REFERENCES people(id),
  format        TEXT NOT NULL CHECK (format IN ('large-print', 'easy-read', 'printed-post', 'audio', 'other')),
  details       TEXT,
  support_request_id INTEGER,
  requested_at  INTEGER NOT NULL,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_at       INTEGER
);
CREATE INDEX paper_format_requests_open ON paper_format_requests(workstream_id, status);

CREATE TABLE glossary_terms (
  id            INTEGER PRIMARY KEY,
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id),
  term          TEXT NOT NULL COLLATE NOCASE,
  meaning       TEXT NOT NULL,
  added_by      INTEGER NOT NULL REFERENCES people(id),
  updated_at    INTEGER NOT NULL,
  UNIQUE (workstream_id, term)
);
