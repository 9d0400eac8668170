-- Meetings as people run them (PRODUCT.md §11): where a meeting happens (a video link or a
-- room, shown with its papers and reminders), and how many times it has been moved to a new
-- start. The day-before reminder's outbox key carries that count once a meeting has moved, so a
-- reminder already sent for the old date does not stop the one for the new date.
ALTER TABLE meetings ADD COLUMN place TEXT;
ALTER TABLE meetings ADD COLUMN moves INTEGER NOT NULL DEFAULT 0;
