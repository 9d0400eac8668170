-- `/papers remove <PA-n>` (PRODUCT.md §11): a paper taken off its meeting is kept, marked with
-- when it was removed, so its PA-n is never given to another paper and the outbox keys that
-- name it stay unique. Removed papers are left out of every list and message.
ALTER TABLE papers ADD COLUMN removed_at INTEGER;

-- `/mine` lists a person's own questions on papers.
CREATE INDEX paper_questions_by_person ON paper_questions(person_id);
