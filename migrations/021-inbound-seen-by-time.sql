-- Platform deliveries already handled (inbound_seen) were kept for ever: a row for every Slack
-- event, signed command and Teams activity. They only need to outlive the platform's retries
-- (Slack's last comes about an hour later; a signed request is refused after five minutes
-- anyway), so the tick forgets those older than a week, oldest first, through this index.
CREATE INDEX inbound_seen_by_time ON inbound_seen (seen_at);
