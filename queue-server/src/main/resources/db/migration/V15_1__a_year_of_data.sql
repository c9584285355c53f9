-- A year of data (issue 15). 15.1: other changes of the same session add other 15.x.
--
-- Today's list of a service reads that service's day only: with just tickets_queue (service_id, state, …)
-- it read the service's whole history, then kept today's rows. The state comes third: SQLite (without
-- statistics) takes the index matching the most equal columns, and the hot queries ask for a service's
-- waiting tickets of a day; with (service_id, service_date) alone they took this index and read the whole day
-- of the service (every finished ticket too) on every issue and Next.
CREATE INDEX tickets_by_service_day ON tickets(service_id, service_date, state);

-- Tickets may expire: at a site's local midnight, tickets of an earlier day still open (waiting, called,
-- serving, no-show) are closed as 'expired' (README, Lifecycle). SQLite cannot alter a CHECK; widening its
-- list loosens it, which the SQLite manual ("Making Other Kinds Of Table Schema Changes") allows by editing
-- the table's stored definition instead of copying the table (which would also drop any column a later
-- migration of another change adds). RESET reloads this connection's schema; the CREATE INDEX after it bumps
-- the schema cookie, so every other connection reloads it too.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, '''cancelled'',''transferred'')', '''cancelled'',''transferred'',''expired'')')
 WHERE type = 'table' AND name = 'tickets';
PRAGMA writable_schema = RESET;

-- The expiry finds a site's open tickets of earlier days without reading its closed ones (almost all of them).
CREATE INDEX tickets_open_by_day ON tickets(site_id, service_date) WHERE state IN ('waiting', 'called', 'serving', 'no_show');

