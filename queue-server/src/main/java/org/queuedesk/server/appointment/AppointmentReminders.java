package org.queuedesk.server.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.site.SiteCatalog;

/**
 * Finds the reminders that are due and writes them to the outbox (README, "Appointments"): the day before the slot
 * at the site's reminder time (local, so 18:00 stays 18:00 across a daylight-saving change), and, if the site
 * set it, N minutes before the slot. A booking booked or moved after a reminder's time gets no such reminder (its
 * confirmation or move notice just told the patient); a cancelled one gets none; a moved one gets them for its
 * new slot. Each reminder is recorded with its slot in the same transaction as its message, so it never goes twice,
 * even across restarts. The server runs it every minute.
 */
final class AppointmentReminders {

    static final String DAY_BEFORE = "day_before";
    static final String MINUTES_BEFORE = "minutes_before";
    /** The earliest a day-before reminder can be due: 00:00 the day before a slot at 23:59, plus a DST hour. */
    private static final Duration HORIZON = Duration.ofHours(50);

    private final Database db;
    private final Clock clock;
    private final AppointmentTexts texts;

    AppointmentReminders(Database db, Clock clock, AppointmentTexts texts) {
        this.db = db;
        this.clock = clock;
        this.texts = texts;
    }

    /** Writes every due reminder not written before; returns how many messages it wrote. */
    int sendDue() {
        return db.write(tx -> {
            var dao = tx.attach(AppointmentDao.class);
            Instant now = clock.instant();
            Map<Long, SiteRule> sites = new HashMap<>();
            int written = 0;
            for (var booking : dao.reminderCandidates(now, now.plus(HORIZON))) {
                var rule = sites.computeIfAbsent(booking.siteId(), id -> rule(tx, id));
                Instant dayBefore = LocalDate.parse(booking.localDate()).minusDays(1).atTime(rule.time())
                        .atZone(rule.zone()).toInstant();
                Instant minutesBefore = rule.minutesBefore() == null ? null
                        : booking.slotStart().minus(Duration.ofMinutes(rule.minutesBefore()));
                boolean first = due(dao, booking, DAY_BEFORE, dayBefore, now);
                boolean second = minutesBefore != null && due(dao, booking, MINUTES_BEFORE, minutesBefore, now);
                // both due at once (the server was down at the first): one message says it
                if (first || second) {
                    texts.send(tx, dao.find(booking.id()).orElseThrow(), AppointmentTextKind.REMINDER);
                    written++;
                }
            }
            return written;
        });
    }

    /** Whether this reminder is due now and was not written before; records it if so. */
    private static boolean due(AppointmentDao dao, AppointmentDao.ReminderCandidate booking, String kind, Instant at,
                               Instant now) {
        return !now.isBefore(at) && booking.changedAt().isBefore(at)
                && dao.recordReminder(booking.id(), kind, booking.slotStart(), now) == 1;
    }

    private static SiteRule rule(WriteTransaction tx, long siteId) {
        var settings = tx.attach(AppointmentDao.class).reminderSettings(siteId)
                .orElse(AppointmentDao.ReminderSettings.DEFAULT);
        var zone = ZoneId.of(SiteCatalog.site(tx, siteId).orElseThrow().timeZone());
        return new SiteRule(zone, LocalTime.parse(settings.reminderTime()), settings.reminderMinutesBefore());
    }

    private record SiteRule(ZoneId zone, LocalTime time, Integer minutesBefore) {
    }
}
