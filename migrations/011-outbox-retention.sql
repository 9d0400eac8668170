-- Finished messages (sent, dropped, failed) lose their body OUTBOX_RETENTION_DAYS after they
-- finished (PRODUCT.md §15); the key, state and times stay for exactly-once. This index holds
-- only the finished rows that still have a body, so the scheduler's look each tick reads just
-- the rows it will empty. The body it is checked against is EMPTIED_BODY in outbox-store.ts.
CREATE INDEX outbox_bodies_kept ON outbox(finished_at)
  WHERE status != 'pending' AND message != '{"text":"[removed]","blocks":[]}';
