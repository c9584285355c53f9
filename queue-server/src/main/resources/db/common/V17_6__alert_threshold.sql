-- The threshold of the tier an alert is at, so each desk can word the alert in its own language (the summary
-- stays the server's English line, for the log and the manager's SMS). Null for alerts raised before this.
ALTER TABLE alerts ADD COLUMN threshold INTEGER;
