-- The check-in rule asks each tick for scheduled meetings whose end has passed; without this it
-- reads every scheduled meeting (found by `npm run bench`'s query plans).
CREATE INDEX meetings_by_end ON meetings(status, ends_at);
