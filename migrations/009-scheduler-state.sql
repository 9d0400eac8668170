-- When the scheduler last ran: after downtime, the work that fell due in between and can no
-- longer be sent is logged once (the gap between two ticks is only ever looked at once).
CREATE TABLE scheduler_state (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  last_tick_at  INTEGER NOT NULL
);
-- The parked-revisit rule reads, per workstream, only the open items whose revisit date lies
-- between the workstream's last meeting and the reminder horizon; without these it read every
-- open item with a date, and walked every meeting of the workstream to find the first one.
CREATE INDEX parked_items_due ON parked_items(workstream_id, status, revisit_on);
CREATE INDEX meetings_by_workstream_start ON meetings(workstream_id, starts_at);
