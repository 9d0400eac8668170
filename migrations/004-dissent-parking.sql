-- The dissent register and the parking lot (PRODUCT.md §4 "Dissent and parking").
-- Each keeps an append-only history table: an edit or a withdrawal adds an event, it never
-- overwrites what was said before, so the register can be trusted. Times are ms since the epoch.

CREATE TABLE dissent (
  id            INTEGER PRIMARY KEY,
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id),
  seq           INTEGER NOT NULL,             -- D-<seq>
  member_id     INTEGER NOT NULL REFERENCES people(id),   -- whose view it is
  view          TEXT NOT NULL,                -- the current wording (history keeps the old ones)
  meeting_id    INTEGER REFERENCES meetings(id),          -- in progress, or the latest; null if none yet
  recorded_by   INTEGER NOT NULL REFERENCES people(id),
  recorded_at   INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('awaiting-confirmation', 'confirmed', 'withdrawn')),
  UNIQUE (workstream_id, seq)
);

CREATE TABLE dissent_history (
  id          INTEGER PRIMARY KEY,
  dissent_id  INTEGER NOT NULL REFERENCES dissent(id),
  event       TEXT NOT NULL CHECK (event IN ('recorded', 'confirmed', 'edited', 'withdrawn')),
  actor_id    INTEGER NOT NULL REFERENCES people(id),
  at          INTEGER NOT NULL,
  old_view    TEXT,                           -- for 'edited'
  new_view    TEXT                            -- for 'recorded' and 'edited'
);
CREATE INDEX dissent_history_by_item ON dissent_history(dissent_id, id);

CREATE TABLE parked_items (
  id              INTEGER PRIMARY KEY,
  workstream_id   INTEGER NOT NULL REFERENCES workstreams(id),
  seq             INTEGER NOT NULL,           -- P-<seq>
  title           TEXT NOT NULL,
  raised_by       INTEGER REFERENCES people(id),
  parked_by       INTEGER NOT NULL REFERENCES people(id),
  owner_id        INTEGER REFERENCES people(id),
  revisit_on      INTEGER,                    -- the start of the revisit day in the workstream's zone
  status          TEXT NOT NULL DEFAULT 'parked' CHECK (status IN ('parked', 'resolved', 'dropped')),
  outcome         TEXT,                       -- the outcome (resolved) or the reason (dropped)
  from_dissent_id INTEGER REFERENCES dissent(id),
  parked_at       INTEGER NOT NULL,
  closed_at       INTEGER,
  UNIQUE (workstream_id, seq)
);
CREATE INDEX parked_items_open ON parked_items(status, revisit_on);

CREATE TABLE parked_history (
  id          INTEGER PRIMARY KEY,
  parked_id   INTEGER NOT NULL REFERENCES parked_items(id),
  event       TEXT NOT NULL CHECK (event IN ('parked', 'revisit-changed', 'resolved', 'dropped')),
  actor_id    INTEGER NOT NULL REFERENCES people(id),
  at          INTEGER NOT NULL,
  detail      TEXT,                           -- the outcome or reason
  old_revisit INTEGER,
  new_revisit INTEGER
);
CREATE INDEX parked_history_by_item ON parked_history(parked_id, id);

-- Which chair has been reminded to put which item on which meeting's agenda, and by which
-- outbox message: the reminder goes once, and a change before it is sent can take it back.
CREATE TABLE parked_reminders (
  parked_id   INTEGER NOT NULL REFERENCES parked_items(id),
  meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
  chair_id    INTEGER NOT NULL REFERENCES people(id),
  outbox_key  TEXT NOT NULL,
  PRIMARY KEY (parked_id, meeting_id, chair_id)
);
