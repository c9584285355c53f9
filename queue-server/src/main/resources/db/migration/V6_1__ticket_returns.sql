-- Returns a transferred ticket still owes beneath the one in tickets.return_service_id (issue 9, item 11):
-- a transfer "with return" of a ticket that already has one stacks the earlier return here instead of
-- dropping it; done pops them in turn; a transfer without return clears them all. (6.1, not 6: other
-- changes of the same issue may add a 6.)
CREATE TABLE ticket_returns (
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
    depth       INTEGER NOT NULL,
    service_id  INTEGER NOT NULL REFERENCES services(id),
    PRIMARY KEY (ticket_id, depth)
) WITHOUT ROWID;
