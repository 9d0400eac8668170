-- Opaque data an adapter needs to keep about an address, such as a Teams ConversationReference
-- (needed to message someone proactively, and lost if it lived only in memory).
CREATE TABLE platform_data (
  key         TEXT PRIMARY KEY,   -- an address, e.g. teams:29:1abc
  data        TEXT NOT NULL,      -- JSON, only the adapter reads it
  updated_at  INTEGER NOT NULL
);
