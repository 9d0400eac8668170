-- Anonymous check-in answers, kept apart from who answered (PRODUCT.md §15). A row here says
-- what was answered, in which check-in and from which stakeholder group — and nothing else:
-- no person, no time, and an id drawn at random, so neither a column nor the order rows are
-- stored in ties an answer to the row in checkin_answers that says someone answered.
-- Support is not here: a support request names its person, so a "wanted support" answer would.
CREATE TABLE checkin_anonymous_answers (
  id                 INTEGER PRIMARY KEY,      -- random, never a sequence
  checkin_id         INTEGER NOT NULL REFERENCES checkins(id),
  grp                TEXT NOT NULL CHECK (grp IN ('service-user', 'carer', 'official', 'clinician', 'third-sector', 'independent', 'other')),
  attended           TEXT CHECK (attended IN ('yes', 'no')),
  spoke              TEXT CHECK (spoke IN ('fully', 'partly', 'not-really')),
  listened           TEXT CHECK (listened IN ('yes', 'partly', 'no')),
  comment            TEXT,
  one_to_one         TEXT CHECK (one_to_one IN ('yes', 'no'))
);
CREATE INDEX checkin_anonymous_by_checkin ON checkin_anonymous_answers(checkin_id);

-- Existing anonymous answers move across the same way, in a random order.
INSERT INTO checkin_anonymous_answers (id, checkin_id, grp, attended, spoke, listened, comment, one_to_one)
  SELECT random(), checkin_id, grp, attended, spoke, listened, comment, one_to_one
    FROM checkin_answers WHERE anonymous = 1 AND completed_at IS NOT NULL ORDER BY random();

-- What stays behind says only that they answered (and when, for response rates).
UPDATE checkin_answers
   SET attended = NULL, spoke = NULL, listened = NULL, comment = NULL, one_to_one = NULL,
       wants_support = NULL
 WHERE anonymous = 1 AND completed_at IS NOT NULL;
