-- Adapter data gets one namespace per platform and says whose it is: `person_key` is the key
-- of the person a row is about (`slack:U123`, `teams:29:…`), so forgetting someone deletes
-- their rows by that column without knowing how any adapter spells its own keys.
CREATE TABLE adapter_data (
  platform    TEXT NOT NULL,      -- the adapter that wrote it: slack, teams, …
  key         TEXT NOT NULL,      -- the adapter's own key, only it reads it
  data        TEXT NOT NULL,      -- JSON, only the adapter reads it
  person_key  TEXT,               -- the person this row is about; NULL for a channel
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (platform, key)
);
CREATE INDEX adapter_data_by_person ON adapter_data(person_key) WHERE person_key IS NOT NULL;

-- Existing rows move across with their person where it can be read from the row itself:
-- Slack's DM channel ids (`slack-dm:U123`, now key `dm:U123`) and Teams references to a
-- person (a stored 1:1 chat names its user; a team member names theirs; a removed 1:1 chat
-- keeps the person's own address, `teams:29:…`). Teams channels carry no person.
INSERT INTO adapter_data (platform, key, data, person_key, updated_at)
SELECT
  CASE
    WHEN key LIKE 'slack-dm:%' THEN 'slack'
    WHEN instr(key, ':') > 0 THEN substr(key, 1, instr(key, ':') - 1)
    ELSE key
  END,
  CASE WHEN key LIKE 'slack-dm:%' THEN 'dm:' || substr(key, 10) ELSE key END,
  data,
  CASE
    WHEN key LIKE 'slack-dm:%' THEN 'slack:' || substr(key, 10)
    WHEN key NOT LIKE 'teams:%' OR NOT json_valid(data) THEN NULL
    WHEN json_extract(data, '$.kind') = 'member' AND json_extract(data, '$.userId') IS NOT NULL
      THEN 'teams:' || json_extract(data, '$.userId')
    WHEN json_extract(data, '$.reference.user.id') IS NOT NULL
      THEN 'teams:' || json_extract(data, '$.reference.user.id')
    WHEN key LIKE 'teams:29:%' THEN key
  END,
  updated_at
FROM platform_data;

DROP TABLE platform_data;
