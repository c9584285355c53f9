-- Issue 13: the service time an admin expects at a service, the wait estimate's last prior when there is
-- neither today's nor the same weekday's history (docs/adr/0009). Ten minutes until an admin says otherwise.
ALTER TABLE services ADD COLUMN default_service_minutes INTEGER NOT NULL DEFAULT 10
    CHECK (default_service_minutes BETWEEN 1 AND 240);

-- The ends of calls at a service, newest first: the wait estimate reads today's and the same weekday's.
CREATE INDEX ticket_events_call_ends ON ticket_events(service_id, at)
    WHERE from_state IN ('called', 'serving') AND to_state IN ('done', 'transferred', 'no_show');
