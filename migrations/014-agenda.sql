-- The agenda of a meeting (PRODUCT.md §11): items the chair added, parked items due for
-- revisit (they join by themselves), and member suggestions, which become items once a chair
-- accepts them. An item gets its A-<seq> when it joins the agenda, so declined suggestions
-- leave no gaps. Times are ms since the epoch.
CREATE TABLE agenda_items (
  id            INTEGER PRIMARY KEY,
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id),
  meeting_id    INTEGER NOT NULL REFERENCES meetings(id),
  seq           INTEGER,                     -- A-<seq>; NULL while only a suggestion
  text          TEXT NOT NULL,               -- the item, or the parked item's title when it joined
  added_by      INTEGER REFERENCES people(id),  -- who added or suggested it; NULL for a parked item
  source        TEXT NOT NULL CHECK (source IN ('chair', 'parked', 'suggestion')),
  parked_id     INTEGER REFERENCES parked_items(id),
  status        TEXT NOT NULL CHECK (status IN ('listed', 'suggested', 'declined', 'dropped')),
  decided_by    INTEGER REFERENCES people(id),  -- the chair who accepted, declined or dropped it
  reason        TEXT,                        -- a chair's optional reason for declining
  created_at    INTEGER NOT NULL,
  decided_at    INTEGER,
  UNIQUE (workstream_id, seq)
);
CREATE INDEX agenda_items_by_meeting ON agenda_items(meeting_id, status);
-- A parked item joins a meeting's agenda once, however many ticks find it due.
CREATE UNIQUE INDEX agenda_items_parked ON agenda_items(meeting_id, parked_id) WHERE parked_id IS NOT NULL;

-- Bumped on every change to a meeting's agenda: the papers messages already sent are updated
-- in place once per version (outbox key papers-update:<meeting>:<person>:<version>).
CREATE TABLE agenda_versions (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
  version    INTEGER NOT NULL
);

-- What the platform called a message once it was sent (Slack: channel and ts; Teams: the
-- conversation and activity id), so it can be updated in place later. Only the adapter reads it.
ALTER TABLE outbox ADD COLUMN platform_ref TEXT;
-- An update row rewrites the message of the row with this key, instead of sending a new one.
ALTER TABLE outbox ADD COLUMN updates_key TEXT;
