package org.queuedesk.server.site;

import org.queuedesk.server.ground.WriteTransaction;

/**
 * What a site's settings need from the features that own the data, wired by the assembly: how many tickets of
 * the site are still open (ticket), the audit log (auth), and the server's default retention (privacy).
 */
public record SitePorts(OpenTickets openTickets, AuditTrail audit, int defaultRetentionDays) {

    /** No tickets, no audit, 30 days: for simulations that never change settings. */
    public static final SitePorts NONE = new SitePorts((tx, siteId) -> 0, (tx, actor, action, subject, detail) -> { }, 30);

    @FunctionalInterface
    public interface OpenTickets {
        /** Tickets of the site still waiting, called, being served or marked no-show, in this write. */
        long count(WriteTransaction tx, long siteId);
    }

    @FunctionalInterface
    public interface AuditTrail {
        void record(WriteTransaction tx, String actor, String action, String subject, String detail);
    }
}
