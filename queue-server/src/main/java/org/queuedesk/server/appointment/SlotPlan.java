package org.queuedesk.server.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The slots a doctor's schedule offers on some days: a pure function of the schedule, the dates and the site's
 * time zone. Slots are planned in local time, so a 09:00 slot is at 09:00 on the clock on the wall whatever the
 * season. Where the zone's clocks jump (README, "Appointments"):
 * <ul>
 *   <li>a local start that does not exist (the hour skipped when clocks go forward, 02:00–02:59 in
 *   Europe/Madrid) gives no slot;</li>
 *   <li>a local start that happens twice (the hour repeated when clocks go back) gives one slot, at its first
 *   occurrence (the earlier offset): the second pass through that hour offers nothing, so nobody is booked
 *   twice into "02:30".</li>
 * </ul>
 * A slot lasts its block's slot length in real time from its start; it is planned only if its local start plus
 * that length is within the block's local end.
 */
final class SlotPlan {

    private SlotPlan() {
    }

    /**
     * Every slot from {@code from} to {@code to} (both included), by start. {@code exceptions}: a date there
     * replaces that weekday's {@code weekly} blocks with its own (an empty list is a day off).
     */
    static List<PlannedSlot> slots(String doctor, List<WorkBlock> weekly, Map<LocalDate, List<WorkBlock>> exceptions,
                                   LocalDate from, LocalDate to, ZoneId zone) {
        var out = new ArrayList<PlannedSlot>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            int weekday = day.getDayOfWeek().getValue();
            List<WorkBlock> blocks = exceptions.containsKey(day) ? exceptions.get(day)
                    : weekly.stream().filter(b -> b.weekday() != null && b.weekday() == weekday).toList();
            for (WorkBlock block : blocks) {
                addSlots(out, doctor, block, day, zone);
            }
        }
        out.sort(Comparator.comparing(PlannedSlot::start).thenComparing(s -> s.block().id()));
        return out;
    }

    private static void addSlots(List<PlannedSlot> out, String doctor, WorkBlock block, LocalDate day, ZoneId zone) {
        for (long start : dayStarts(block, day, zone)) {
            var startsAt = Instant.ofEpochMilli(start);
            out.add(new PlannedSlot(doctor, block, startsAt.atZone(zone).toLocalDateTime(), startsAt,
                    startsAt.plusSeconds(60L * block.slotMinutes())));
        }
    }

    /**
     * The starts (epoch millis, ascending) of a block's slots on a day. On a day without a clock change inside the
     * block (nearly every day) they are its first start plus whole slot lengths, with no date-time object per slot:
     * the free-slot search plans a month of fifty doctors this way (README, "Benchmark").
     */
    static long[] dayStarts(WorkBlock block, LocalDate day, ZoneId zone) {
        LocalDateTime first = day.atTime(block.start());
        LocalDateTime end = day.atTime(block.end());
        int count = (int) Math.max(0, ChronoUnit.MINUTES.between(first, end) / block.slotMinutes());
        long step = 60_000L * block.slotMinutes();
        ZoneRules rules = zone.getRules();
        var atFirst = rules.getValidOffsets(first);
        var atEnd = rules.getValidOffsets(end);
        if (atFirst.size() == 1 && atEnd.size() == 1 && atFirst.get(0).equals(atEnd.get(0))) {
            Instant firstAt = first.toInstant(atFirst.get(0));
            var change = rules.nextTransition(firstAt);
            if (change == null || !change.getInstant().isBefore(end.toInstant(atEnd.get(0)))) {
                long[] starts = new long[count];
                for (int i = 0; i < count; i++) {
                    starts[i] = firstAt.toEpochMilli() + i * step;
                }
                return starts;
            }
        }
        var starts = new long[count];
        int n = 0;
        for (LocalDateTime start = first;
             !start.plusMinutes(block.slotMinutes()).isAfter(end) && start.toLocalDate().equals(day);
             start = start.plusMinutes(block.slotMinutes())) {
            if (rules.getValidOffsets(start).isEmpty()) {
                continue; // skipped by the clocks going forward: there is no such time that day
            }
            // a repeated time resolves to its earlier offset (ZonedDateTime.of's rule): one slot, not two
            starts[n++] = ZonedDateTime.of(start, zone).toInstant().toEpochMilli();
        }
        return Arrays.copyOf(starts, n);
    }
}
