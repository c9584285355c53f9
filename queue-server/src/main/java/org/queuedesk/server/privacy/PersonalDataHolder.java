package org.queuedesk.server.privacy;

import java.time.Instant;
import java.util.List;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.ground.Port;

/**
 * A feature that keeps a copy of a ticket's name or phone, or something that leads to them. Each feature
 * owns its tables and their SQL; the purge owns the rule and asks every holder to forget a batch of tickets
 * in the purge's one write transaction, so a batch is forgotten everywhere or nowhere.
 */
@FunctionalInterface
@Port
public interface PersonalDataHolder {

    /** Forgets what this feature keeps for these tickets; returns how many rows changed. */
    int forget(WriteTransaction tx, List<Long> ticketIds, Instant now);
}
