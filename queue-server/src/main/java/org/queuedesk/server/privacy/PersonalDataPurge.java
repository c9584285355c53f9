package org.queuedesk.server.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.auth.AuditLog;
import org.queuedesk.server.site.SiteDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes patients' personal data once it is older than the retention. The rule is one: once a
 * ticket was issued more than {@code retentionDays} ago (the site's own days where an admin set them, else the
 * server's {@code --retention-days}), its name and phone go, and so does every copy of
 * them — the outbox's numbers and texts, the stored events that carry the ticket, replies kept for
 * idempotent retries, and the status link. Ticket numbers, counters, states and times stay: reports and
 * numbering need them. Opt-outs stay too, as a keyed hash of the number ({@link PhoneHasher}).
 *
 * <p>Everything goes through the one writer in small transactions ({@value #TICKETS_PER_BATCH} tickets
 * each), so a request waits at most for one short batch, never for the whole purge. Each batch is complete
 * in itself, so a purge stopped half way loses nothing and the next one carries on; running it again
 * changes nothing.
 *
 * <p>Each feature that keeps personal data forgets its own ({@link PersonalDataHolders}): the purge holds the
 * rule and the batches, the features hold their tables.
 */
public final class PersonalDataPurge {

    public static final String SYSTEM = "system";
    static final int TICKETS_PER_BATCH = 100;
    private static final int ROWS_PER_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(PersonalDataPurge.class);

    private final Database db;
    private final RetentionSettings retention;
    private final PhoneHasher phones;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final PersonalDataHolders holders;
    private final Clock clock;
    private final int ticketsPerBatch;
    /** One purge at a time: an admin's purge during the scheduled one waits, then finds nothing left. */
    private final ReentrantLock running = new ReentrantLock();

    public PersonalDataPurge(Database db, RetentionSettings retention, PhoneHasher phones, AuditLog audit,
                             ObjectMapper json, PersonalDataHolders holders, Clock clock) {
        this(db, retention, phones, audit, json, holders, clock, TICKETS_PER_BATCH);
    }

    PersonalDataPurge(Database db, RetentionSettings retention, PhoneHasher phones, AuditLog audit, ObjectMapper json,
                      PersonalDataHolders holders, Clock clock, int ticketsPerBatch) {
        this.db = db;
        this.retention = retention;
        this.phones = phones;
        this.audit = audit;
        this.json = json;
        this.holders = holders;
        this.clock = clock;
        this.ticketsPerBatch = ticketsPerBatch;
    }

    /** The same purge in batches of another size (a test sees the batches without thousands of tickets). */
    PersonalDataPurge inBatchesOf(int tickets) {
        return new PersonalDataPurge(db, retention, phones, audit, json, holders, clock, tickets);
    }

    /**
     * Purges what is past the retention now and records it in the audit log: always when an admin asked,
     * otherwise only when something was removed (the schedule runs every hour).
     */
    public PurgeReport run(String actor) {
        running.lock();
        try {
            Instant now = clock.instant();
            Instant cutoff = retention.cutoff(now);
            var report = PurgeReport.empty(retention.days(), cutoff);
            report = hashOldOptOuts(report);
            List<SiteDao.Retention> sites = db.read(h -> h.attach(SiteDao.class).retentions());
            Instant strictest = cutoff;
            var own = new ArrayList<String>();
            for (var site : sites) {
                Instant siteCutoff = site.retentionDays() == null ? cutoff : new RetentionSettings(site.retentionDays(),
                        retention.eventDays()).cutoff(now);
                if (site.retentionDays() != null) {
                    own.add("site " + site.id() + ": " + site.retentionDays());
                }
                strictest = siteCutoff.isAfter(strictest) ? siteCutoff : strictest;
                report = purgeTickets(report, site.id(), siteCutoff, now);
                report = purgeAppointments(report, site.id(), siteCutoff);
            }
            // stored replies keep no site: they go by the shortest retention (they only serve a client's retry)
            report = purgeStoredReplies(report, strictest);
            PurgeReport done = report;
            String subject = "older than " + retention.days() + " days"
                    + (own.isEmpty() ? "" : " (sites' own days: " + String.join(", ", own) + ")");
            if (done.removedAnything() || !SYSTEM.equals(actor)) {
                db.write(tx -> {
                    audit.record(tx, actor, "privacy.purge", subject,
                            done.summary());
                    return null;
                });
            }
            if (done.removedAnything()) {
                db.checkpoint();
                log.info("Personal data older than {} days purged: {}", retention.days(), done.summary());
            }
            return done;
        } finally {
            running.unlock();
        }
    }

    /**
     * Opt-outs from before version 5 hold the number and are found only once hashed: the server calls this
     * before it sends anything. Returns how many were hashed (0 on every start but the first).
     */
    public int hashOldOptOuts() {
        running.lock();
        try {
            return hashOldOptOuts(PurgeReport.empty(retention.days(), clock.instant())).optOutsHashed();
        } finally {
            running.unlock();
        }
    }

    private PurgeReport hashOldOptOuts(PurgeReport report) {
        while (true) {
            int hashed = db.write(tx -> {
                List<String> numbers = holders.optOuts().unhashed(tx, ROWS_PER_BATCH);
                for (String number : numbers) {
                    holders.optOuts().replaceWithHash(tx, number, phones.hash(number));
                }
                return numbers.size();
            });
            if (hashed == 0) {
                return report;
            }
            report = report.plusOptOuts(hashed);
        }
    }

    private PurgeReport purgeTickets(PurgeReport report, long siteId, Instant cutoff, Instant now) {
        while (true) {
            long started = System.nanoTime();
            PurgeReport.TicketBatch batch = db.write(tx -> {
                List<Long> ids = holders.tickets().withPersonalDataIssuedBefore(tx, siteId, cutoff, ticketsPerBatch);
                if (ids.isEmpty()) {
                    return null;
                }
                int messages = holders.textMessages().forget(tx, ids, now);
                int links = holders.statusLinks().forget(tx, ids, now);
                int events = holders.events().forget(tx, ids, now);
                int appointments = holders.appointments().forget(tx, ids, now);
                int tickets = holders.tickets().forget(tx, ids, now);
                return new PurgeReport.TicketBatch(tickets, messages, links, events, appointments);
            });
            if (batch == null) {
                return report;
            }
            log.debug("Purged a batch of {} tickets in {} ms", batch.tickets(),
                    (System.nanoTime() - started) / 1_000_000);
            report = report.plus(batch);
        }
    }

    /** Bookings never checked in (their check-in's ticket took the others with it), by their slot's start. */
    private PurgeReport purgeAppointments(PurgeReport report, long siteId, Instant cutoff) {
        while (true) {
            int forgotten = db.write(tx -> {
                List<Long> ids = holders.appointments().withPersonalDataBefore(tx, siteId, cutoff, ticketsPerBatch);
                return ids.isEmpty() ? 0 : holders.appointments().forgetAppointments(tx, ids);
            });
            if (forgotten == 0) {
                return report;
            }
            report = report.plusAppointments(forgotten);
        }
    }

    /**
     * Replies older than the retention are deleted outright. A younger one can still show a ticket that is
     * past the retention (a ticket issued before the cutoff and cancelled after it): it is read outside the
     * writer, scrubbed here, and written back in small batches.
     */
    private PurgeReport purgeStoredReplies(PurgeReport report, Instant cutoff) {
        while (true) {
            int deleted = db.write(tx -> holders.storedReplies().deleteOlderThan(tx, cutoff, ROWS_PER_BATCH));
            if (deleted == 0) {
                break;
            }
            report = report.plusReplies(deleted);
        }
        String after = "";
        while (true) {
            String from = after;
            List<StoredReplies.Reply> page = db.read(h -> holders.storedReplies()
                    .withPersonalData(h, from, ROWS_PER_BATCH));
            if (page.isEmpty()) {
                return report;
            }
            var changes = new ArrayList<ScrubbedReply>();
            for (var reply : page) {
                scrub(reply.text(), cutoff).ifPresent(text -> changes.add(new ScrubbedReply(reply, text)));
            }
            if (!changes.isEmpty()) {
                int replaced = db.write(tx -> {
                    int n = 0;
                    for (var change : changes) {
                        n += holders.storedReplies().replace(tx, change.original(), change.scrubbed());
                    }
                    return n;
                });
                report = report.plusReplies(replaced);
            }
            after = page.get(page.size() - 1).key();
        }
    }

    /** The reply without names and phones of tickets issued before the cutoff; empty when nothing changes. */
    Optional<String> scrub(String reply, Instant cutoff) {
        try {
            JsonNode tree = json.readTree(reply);
            if (!scrubTickets(tree, cutoff)) {
                return Optional.empty();
            }
            return Optional.of(json.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // not JSON we wrote; nothing of ours to scrub
        }
    }

    /**
     * A ticket anywhere in the reply (alone, in a list, or in Next's answer) is an object with issuedAt; a booking
     * (alone or in a check-in's answer) one with slotStart.
     */
    private static boolean scrubTickets(JsonNode node, Instant cutoff) {
        boolean changed = false;
        if (node instanceof ObjectNode object && (issuedBefore(object, "issuedAt", cutoff)
                || issuedBefore(object, "slotStart", cutoff))
                && (object.hasNonNull("patientName") || object.hasNonNull("phone"))) {
            object.putNull("patientName");
            object.putNull("phone");
            changed = true;
        }
        for (JsonNode child : node) {
            changed |= scrubTickets(child, cutoff);
        }
        return changed;
    }

    private record ScrubbedReply(StoredReplies.Reply original, String scrubbed) {
    }

    private static boolean issuedBefore(ObjectNode object, String field, Instant cutoff) {
        if (!object.path(field).isTextual()) {
            return false;
        }
        try {
            return Instant.parse(object.get(field).asText()).isBefore(cutoff);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
