-- A coordinator answers check-ins too, and reads "felt listened to" in the digest as totals.
-- Knowing their own answer, they could take it away from a figure of three and learn the
-- other two; so an anonymous answer given by a coordinator is marked, and the digest's figures
-- leave coordinators' answers out. Answers moved before this change cannot be marked (nothing
-- links them to anyone any more) and stay unmarked.
ALTER TABLE checkin_anonymous_answers ADD COLUMN from_coordinator INTEGER NOT NULL DEFAULT 0;
