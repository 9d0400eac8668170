-- One-to-ones between a chair and a member (PRODUCT.md §4 "One-to-ones"), and members' requests
-- for one. Their dates are private: the member sees their own, chairs see all, coordinators see
-- only how many are overdue (PRODUCT.md §6). Times are milliseconds since the epoch (UTC).

CREATE TABLE one_to_ones (
  id            INTEGER PRIMARY KEY,
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id),
  person_id     INTEGER NOT NULL REFERENCES people(id),   -- the member
  chair_id      INTEGER NOT NULL REFERENCES people(id),   -- the chair who logged it
  held_on       INTEGER NOT NULL,             -- the start of the day it was held, in the workstream's zone
  logged_at     INTEGER NOT NULL
);
CREATE INDEX one_to_ones_by_member ON one_to_ones(workstream_id, person_id, held_on);

-- "I'd like a one-to-one": from `/onetoone request` or the check-in's "yes". Cleared when the
-- chair logs one with that member; a member has at most one open request per workstream.
CREATE TABLE one_to_one_requests (
  id            INTEGER PRIMARY KEY,
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id),
  person_id     INTEGER NOT NULL REFERENCES people(id),
  source        TEXT NOT NULL CHECK (source IN ('command', 'checkin')),
  requested_at  INTEGER NOT NULL,
  cleared_at    INTEGER
);
CREATE UNIQUE INDEX one_to_one_requests_open ON one_to_one_requests(workstream_id, person_id) WHERE cleared_at IS NULL;
