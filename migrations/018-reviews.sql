-- Formal reviews of the task and of the co-production process, and the final evaluation
-- (PRODUCT.md §13). Times are milliseconds since the epoch (UTC), as in 001.

-- One review round. `kind`: scheduled (every review-every-weeks), started (/review start) or
-- final (the evaluation sent when the workstream closes). `slot` is the scheduled moment a
-- scheduled review was for: unique per workstream, so each slot opens exactly once however
-- often the scheduler finds it due. Reminder and closing times are fixed when it opens.
CREATE TABLE reviews (
  id                  INTEGER PRIMARY KEY,
  workstream_id       INTEGER NOT NULL REFERENCES workstreams(id),
  kind                TEXT NOT NULL CHECK (kind IN ('scheduled', 'started', 'final')),
  slot                INTEGER,
  opened_by           INTEGER REFERENCES people(id),
  opened_at           INTEGER NOT NULL,
  remind_at           INTEGER NOT NULL,
  closes_at           INTEGER NOT NULL,
  reminders_queued_at INTEGER,
  closed_at           INTEGER,
  UNIQUE (workstream_id, slot)
);
CREATE INDEX reviews_by_workstream ON reviews(workstream_id, opened_at);
CREATE INDEX reviews_open ON reviews(closed_at, closes_at);

-- Who was sent it and whether they answered. Named answers keep their values here; for an
-- anonymous answer (and every chair's answer) only `answered_at` is set, and the values go to
-- review_anonymous_answers, tied to no one.
CREATE TABLE review_answers (
  review_id           INTEGER NOT NULL REFERENCES reviews(id),
  person_id           INTEGER NOT NULL REFERENCES people(id),
  grp                 TEXT NOT NULL CHECK (grp IN ('service-user', 'carer', 'official', 'clinician', 'third-sector', 'independent', 'other')),
  invited_at          INTEGER NOT NULL,
  answered_at         INTEGER,
  anonymous           INTEGER NOT NULL DEFAULT 1,
  progress            INTEGER CHECK (progress BETWEEN 1 AND 5),
  clarity             INTEGER CHECK (clarity BETWEEN 1 AND 5),
  voice               INTEGER CHECK (voice BETWEEN 1 AND 5),
  disagreements       INTEGER CHECK (disagreements BETWEEN 1 AND 5),
  decisions           INTEGER CHECK (decisions BETWEEN 1 AND 5),
  support             INTEGER CHECK (support BETWEEN 1 AND 5),
  task_comment        TEXT,
  process_comment     TEXT,
  learn_comment       TEXT,
  PRIMARY KEY (review_id, person_id)
);
CREATE INDEX review_answers_by_person ON review_answers(person_id);

-- Anonymous answers (PRODUCT.md §15): the review, the stakeholder group and the answers —
-- no person, no time, and a random id, so nothing ties a row to who answered. `from_role`
-- ('chair' or 'coordinator', else NULL) keeps an organiser's own answers out of the summary
-- they read, so that they cannot take their own away from a figure and learn the rest; each
-- reaches the other role only mixed in with everyone's.
CREATE TABLE review_anonymous_answers (
  id                  INTEGER PRIMARY KEY,      -- random, never a sequence
  review_id           INTEGER NOT NULL REFERENCES reviews(id),
  grp                 TEXT NOT NULL CHECK (grp IN ('service-user', 'carer', 'official', 'clinician', 'third-sector', 'independent', 'other')),
  from_role           TEXT CHECK (from_role IN ('chair', 'coordinator')),
  progress            INTEGER CHECK (progress BETWEEN 1 AND 5),
  clarity             INTEGER CHECK (clarity BETWEEN 1 AND 5),
  voice               INTEGER CHECK (voice BETWEEN 1 AND 5),
  disagreements       INTEGER CHECK (disagreements BETWEEN 1 AND 5),
  decisions           INTEGER CHECK (decisions BETWEEN 1 AND 5),
  support             INTEGER CHECK (support BETWEEN 1 AND 5),
  task_comment        TEXT,
  process_comment     TEXT,
  learn_comment       TEXT
);
CREATE INDEX review_anonymous_by_review ON review_anonymous_answers(review_id);
