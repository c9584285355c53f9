package org.queuedesk.server.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.queuedesk.common.appointment.SlotDayDto;
import org.queuedesk.common.appointment.SlotDto;
import org.queuedesk.common.appointment.SlotPageDto;
import org.queuedesk.server.ground.ApiProblem;

/**
 * The free-slot search of a service (README, "Appointments"), in the two shapes its users need: a calendar (free
 * places and free times per day of a range) and the first free slots from a start, read day by day until enough
 * are found. Both plan from one read of the doctors' blocks and exception days, and count the places taken with
 * one query per range (the calendar's whole range; the search's windows of 1, 2, 4… days), never per slot or day.
 */
final class SlotSearch {

    /** Where a page of the search stops: the last slot's start and doctor ({@code after=} of the next page). */
    record Cursor(Instant start, String doctor) {

        static Cursor parse(String after) {
            if (after == null || after.isBlank()) {
                return null;
            }
            int bar = after.indexOf('|');
            try {
                return new Cursor(Instant.parse(after.substring(0, bar < 0 ? after.length() : bar)),
                        bar < 0 ? "" : after.substring(bar + 1));
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalidField("after", "send back the 'next' of the previous page as it came.");
            }
        }

        String text() {
            return start + "|" + doctor;
        }

        /** Whether a slot comes after this cursor in the search's order (start, then doctor). */
        boolean before(long start, String doctor) {
            long at = this.start.toEpochMilli();
            return start > at || start == at && doctor.compareTo(this.doctor) > 0;
        }
    }

    private record Free(long start, String doctor, WorkBlock block, int free) {
    }

    private static final Comparator<Free> ORDER = Comparator.comparingLong(Free::start).thenComparing(Free::doctor)
            .thenComparingLong(f -> f.block().id());

    private final SlotDao dao;
    private final long serviceId;
    private final ZoneId zone;
    private final long now;
    private final List<String> doctors;
    private final Map<String, List<WorkBlock>> weekly = new HashMap<>();
    /** Exception days of each doctor and that day's blocks (none: a day off). */
    private final Map<String, Map<LocalDate, List<WorkBlock>>> dated = new HashMap<>();

    /** Reads the schedules of the service's doctors (or of {@code doctor}) for {@code from}–{@code to}. */
    SlotSearch(SlotDao dao, long siteId, long serviceId, String doctor, LocalDate from, LocalDate to,
               ZoneId zone, Instant now) {
        this.dao = dao;
        this.serviceId = serviceId;
        this.zone = zone;
        this.now = now.toEpochMilli();
        this.doctors = doctor != null ? List.of(doctor) : dao.doctorsOf(siteId, serviceId);
        Set<String> who = Set.copyOf(doctors);
        // one doctor: their own rows through the (site, doctor) index; any doctor: the site's, in one read each
        var exceptions = doctor != null
                ? dao.exceptions(siteId, doctor, from, to).stream().map(e -> new AppointmentDao.DoctorDay(doctor, e.date())).toList()
                : dao.siteExceptions(siteId, from, to);
        var blocks = doctor != null
                ? dao.blocks(siteId, doctor, from, to).stream().map(b -> new AppointmentDao.DoctorBlock(doctor, b)).toList()
                : dao.siteBlocks(siteId, from, to);
        for (var e : exceptions) {
            if (who.contains(e.doctor())) {
                dated.computeIfAbsent(e.doctor(), d -> new HashMap<>()).putIfAbsent(e.date(), new ArrayList<>());
            }
        }
        for (var b : blocks) {
            if (!who.contains(b.doctor())) {
                continue;
            }
            if (b.row().onDate() == null) {
                weekly.computeIfAbsent(b.doctor(), d -> new ArrayList<>()).add(b.row().block());
            } else {
                dated.computeIfAbsent(b.doctor(), d -> new HashMap<>())
                        .computeIfAbsent(b.row().onDate(), d -> new ArrayList<>()).add(b.row().block());
            }
        }
    }

    /**
     * Free places and free times of each day from {@code from} to {@code to} (days without any included). Per
     * slot it only adds: places start as every slot's capacity and the few booked slots are taken off, found by
     * binary search, and a free time is a minute of the day some doctor still has open (no object, map or sort
     * per slot: a month of fifty doctors is 34,000 slots).
     */
    List<SlotDayDto> calendar(LocalDate from, LocalDate to) {
        var taken = takenArrays(from, to);
        var out = new ArrayList<SlotDayDto>();
        int[] open = new int[26 * 60]; // doctors with a place at each minute of the day (a day has up to 25 hours)
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Arrays.fill(open, 0);
            long dayStart = day.atStartOfDay(zone).toInstant().toEpochMilli();
            int places = 0;
            for (String doctor : doctors) {
                var booked = taken.get(doctor);
                for (WorkBlock block : blocksOn(doctor, day)) {
                    long[] starts = SlotPlan.dayStarts(block, day, zone);
                    for (long start : starts) {
                        if (start > now) {
                            places += block.capacity();
                            open[minute(start, dayStart)]++;
                        }
                    }
                    if (booked == null || starts.length == 0) {
                        continue;
                    }
                    for (int i = booked.from(starts[0]); i < booked.starts.length
                            && booked.starts[i] <= starts[starts.length - 1]; i++) {
                        long start = booked.starts[i];
                        if (start > now && Arrays.binarySearch(starts, start) >= 0) {
                            places -= Math.min(booked.counts[i], block.capacity());
                            if (booked.counts[i] >= block.capacity()) {
                                open[minute(start, dayStart)]--;
                            }
                        }
                    }
                }
            }
            int times = 0;
            for (int doctorsOpen : open) {
                times += doctorsOpen > 0 ? 1 : 0;
            }
            out.add(new SlotDayDto(day, places, times));
        }
        return out;
    }

    private static int minute(long start, long dayStart) {
        return (int) ((start - dayStart) / 60_000);
    }

    /** A doctor's booked slot starts, ascending, and the places taken in each. */
    private record Booked(long[] starts, int[] counts) {
        /** The index of the first start at or after {@code start}. */
        int from(long start) {
            int i = Arrays.binarySearch(starts, start);
            return i >= 0 ? i : -i - 1;
        }
    }

    private Map<String, Booked> takenArrays(LocalDate from, LocalDate to) {
        var out = new HashMap<String, Booked>();
        taken(from, to).forEach((doctor, byStart) -> {
            long[] starts = byStart.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            int[] counts = new int[starts.length];
            for (int i = 0; i < starts.length; i++) {
                counts[i] = byStart.get(starts[i]);
            }
            out.put(doctor, new Booked(starts, counts));
        });
        return out;
    }

    /**
     * The first {@code limit} free slots from {@code from} to {@code to} after {@code after} (null: from the
     * start), by start then doctor; reading stops as soon as they are found.
     */
    SlotPageDto first(LocalDate from, LocalDate to, Cursor after, int limit) {
        var out = new ArrayList<SlotDto>();
        LocalDate day = after == null ? from : max(from, after.start().atZone(zone).toLocalDate());
        for (int window = 1; !day.isAfter(to); window *= 2) {
            LocalDate last = min(to, day.plusDays(window - 1));
            var taken = takenArrays(day, last);
            for (; !day.isAfter(last); day = day.plusDays(1)) {
                var found = new ArrayList<Free>();
                for (String doctor : doctors) {
                    var booked = taken.get(doctor);
                    for (WorkBlock block : blocksOn(doctor, day)) {
                        long[] starts = SlotPlan.dayStarts(block, day, zone);
                        int b = booked == null || starts.length == 0 ? 0 : booked.from(starts[0]);
                        for (long start : starts) {
                            // both ascending: walk the booked starts alongside the slots
                            while (booked != null && b < booked.starts.length && booked.starts[b] < start) {
                                b++;
                            }
                            int used = booked != null && b < booked.starts.length && booked.starts[b] == start
                                    ? booked.counts[b] : 0;
                            int free = block.capacity() - used;
                            if (start > now && free > 0 && (after == null || after.before(start, doctor))) {
                                found.add(new Free(start, doctor, block, free));
                            }
                        }
                    }
                }
                found.sort(ORDER);
                for (var f : found) {
                    out.add(slot(f));
                    if (out.size() == limit) {
                        return new SlotPageDto(out, new Cursor(Instant.ofEpochMilli(f.start()), f.doctor()).text());
                    }
                }
            }
        }
        return new SlotPageDto(out, null);
    }

    /** The slots of the service starting at {@code start} on {@code day}, as planned, free or not: what a booking takes. */
    List<PlannedSlot> at(LocalDate day, Instant start) {
        var out = new ArrayList<PlannedSlot>();
        long at = start.toEpochMilli();
        for (String doctor : doctors) {
            for (WorkBlock block : blocksOn(doctor, day)) {
                if (Arrays.binarySearch(SlotPlan.dayStarts(block, day, zone), at) >= 0) {
                    out.add(new PlannedSlot(doctor, block, start.atZone(zone).toLocalDateTime(), start,
                            start.plusSeconds(60L * block.slotMinutes())));
                }
            }
        }
        return out;
    }

    /** Whether the doctor has a dated exception (a day off, or other hours) on {@code day}. */
    boolean exceptional(String doctor, LocalDate day) {
        var exceptions = dated.get(doctor);
        return exceptions != null && exceptions.containsKey(day);
    }

    /** The doctor's blocks for the service on a day: the exception's if the day has one, else the weekday's. */
    private List<WorkBlock> blocksOn(String doctor, LocalDate day) {
        var exceptions = dated.get(doctor);
        List<WorkBlock> blocks = exceptions != null && exceptions.containsKey(day) ? exceptions.get(day)
                : weekly.getOrDefault(doctor, List.of());
        int weekday = day.getDayOfWeek().getValue();
        boolean exceptional = exceptions != null && exceptions.containsKey(day);
        var out = new ArrayList<WorkBlock>(blocks.size());
        for (WorkBlock b : blocks) {
            if (b.serves(serviceId) && (exceptional || b.weekday() != null && b.weekday() == weekday)) {
                out.add(b);
            }
        }
        return out;
    }

    /** Places taken per doctor and slot start (epoch millis) in the local days {@code from}–{@code to}: one query. */
    private Map<String, Map<Long, Integer>> taken(LocalDate from, LocalDate to) {
        var out = new HashMap<String, Map<Long, Integer>>();
        if (doctors.isEmpty()) {
            return out;
        }
        Instant start = Instant.ofEpochMilli(Math.max(now + 1, from.atStartOfDay(zone).toInstant().toEpochMilli()));
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        if (!start.isBefore(end)) {
            return out;
        }
        for (var t : dao.takenOf(doctors, start, end)) {
            out.computeIfAbsent(t.doctor(), d -> new HashMap<>()).put(t.slotStart(), t.count());
        }
        return out;
    }

    private SlotDto slot(Free f) {
        var start = Instant.ofEpochMilli(f.start());
        var local = start.atZone(zone).toLocalDateTime();
        var block = f.block();
        return new SlotDto(f.doctor(), block.roomId(), start, start.plusSeconds(60L * block.slotMinutes()),
                local.toLocalDate(), local.toLocalTime().toString(), block.serviceIds(), block.capacity(), f.free());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
