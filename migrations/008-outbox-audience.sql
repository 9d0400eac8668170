-- Messages meant for a role (a support need for the coordinators, a check-in summary for the
-- chairs) record it, so one held overnight is not delivered to someone who has since lost that
-- role.
ALTER TABLE outbox ADD COLUMN audience TEXT CHECK (audience IN ('chair', 'coordinator'));
