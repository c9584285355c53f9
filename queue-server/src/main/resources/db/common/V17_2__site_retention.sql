-- A site may keep patients' personal data for its own number of days (issue 14); NULL: the server's
-- --retention-days. Checked 1-3650 by SiteSettingsValidator, as the flag is.
ALTER TABLE sites ADD COLUMN retention_days INTEGER;
