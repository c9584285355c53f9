package org.queuedesk.server.privacy;

import java.time.Instant;

/**
 * What one purge removed, as counts only (it is shown to admins and written to the audit log).
 * {@code tickets}: tickets whose name and phone were blanked; {@code textMessages}: outbox rows whose number
 * and text were removed; {@code statusLinks}: status page tokens deleted; {@code events}: stored events
 * scrubbed; {@code storedReplies}: idempotency replies deleted or scrubbed; {@code optOutsHashed}: opt-outs
 * from before this version whose number was replaced by its hash; {@code appointments}: bookings whose name and
 * phone were blanked; {@code batches}: write transactions used.
 */
public record PurgeReport(int retentionDays, Instant cutoff, int tickets, int textMessages, int statusLinks,
                          int events, int storedReplies, int optOutsHashed, int appointments, int batches) {

    static PurgeReport empty(int retentionDays, Instant cutoff) {
        return new PurgeReport(retentionDays, cutoff, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    PurgeReport plus(TicketBatch batch) {
        return new PurgeReport(retentionDays, cutoff, tickets + batch.tickets(), textMessages + batch.textMessages(),
                statusLinks + batch.statusLinks(), events + batch.events(), storedReplies, optOutsHashed,
                appointments + batch.appointments(), batches + 1);
    }

    PurgeReport plusReplies(int replies) {
        return new PurgeReport(retentionDays, cutoff, tickets, textMessages, statusLinks, events,
                storedReplies + replies, optOutsHashed, appointments, batches + 1);
    }

    PurgeReport plusOptOuts(int hashed) {
        return new PurgeReport(retentionDays, cutoff, tickets, textMessages, statusLinks, events, storedReplies,
                optOutsHashed + hashed, appointments, batches + 1);
    }

    PurgeReport plusAppointments(int forgotten) {
        return new PurgeReport(retentionDays, cutoff, tickets, textMessages, statusLinks, events, storedReplies,
                optOutsHashed, appointments + forgotten, batches + 1);
    }

    boolean removedAnything() {
        return tickets + textMessages + statusLinks + events + storedReplies + optOutsHashed + appointments > 0;
    }

    /** For the audit log and the server log: counts, never personal data. */
    String summary() {
        return tickets + " tickets, " + textMessages + " text messages, " + statusLinks + " status links, " + events
                + " events, " + storedReplies + " stored replies, " + optOutsHashed + " opt-outs hashed, " + appointments
                + " appointments, in " + batches
                + " batches";
    }

    /** What one write transaction of the ticket purge changed. */
    record TicketBatch(int tickets, int textMessages, int statusLinks, int events, int appointments) {
    }
}
