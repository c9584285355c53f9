package org.queuedesk.server.appointment;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/**
 * The shape of a weekly schedule: each block on a weekday 1–7, from {@code HH:MM} to a later {@code HH:MM}, slots
 * of 5–240 minutes that fit at least once, capacity 1–50, at least one service; blocks of one weekday do not
 * overlap (two would offer the same hour twice). Whether services and rooms exist at the site is checked in
 * the write. Fields of the n-th block are named {@code blocks[n].field}.
 */
final class ScheduleValidator {

    static final int MAX_BLOCKS = 100;

    private ScheduleValidator() {
    }

    static void validate(ScheduleRequest request) {
        Fields.required("blocks", request.blocks());
        checkBlocks(request.blocks(), true);
    }

    /** Shared with the dated exceptions ({@code weekly} false: the weekday must be left out). */
    static void checkBlocks(List<ScheduleBlockRequest> blocks, boolean weekly) {
        if (blocks.size() > MAX_BLOCKS) {
            throw ApiProblem.invalidField("blocks", "at most " + MAX_BLOCKS + " blocks.");
        }
        var checked = new ArrayList<Checked>();
        for (int i = 0; i < blocks.size(); i++) {
            checked.add(check("blocks[" + i + "].", blocks.get(i), weekly));
        }
        checked.sort(Comparator.comparing((Checked c) -> c.weekday == null ? 0 : c.weekday).thenComparing(c -> c.start));
        for (int i = 1; i < checked.size(); i++) {
            Checked before = checked.get(i - 1);
            Checked block = checked.get(i);
            if (java.util.Objects.equals(before.weekday, block.weekday) && block.start.isBefore(before.end)) {
                throw ApiProblem.invalidField(block.field + "start", "overlaps the block from " + before.start
                        + " to " + before.end + " on the same day.");
            }
        }
    }

    private record Checked(String field, Integer weekday, LocalTime start, LocalTime end) {
    }

    private static Checked check(String prefix, ScheduleBlockRequest block, boolean weekly) {
        if (block == null) {
            throw ApiProblem.invalidField(prefix.substring(0, prefix.length() - 1), "is required.");
        }
        if (weekly) {
            Fields.required(prefix + "weekday", block.weekday());
            if (block.weekday() < 1 || block.weekday() > 7) {
                throw ApiProblem.invalidField(prefix + "weekday", "use 1 (Monday) to 7 (Sunday).");
            }
        } else if (block.weekday() != null) {
            throw ApiProblem.invalidField(prefix + "weekday", "leave it out: an exception's blocks are for its date.");
        }
        LocalTime start = time(prefix + "start", block.start());
        LocalTime end = time(prefix + "end", block.end());
        if (!end.isAfter(start)) {
            throw ApiProblem.invalidField(prefix + "end", "must be later than start (" + start + ").");
        }
        Fields.required(prefix + "slotMinutes", block.slotMinutes());
        if (block.slotMinutes() < 5 || block.slotMinutes() > 240) {
            throw ApiProblem.invalidField(prefix + "slotMinutes", "use 5 to 240 minutes.");
        }
        if (start.plusMinutes(block.slotMinutes()).isAfter(end) || start.plusMinutes(block.slotMinutes()).isBefore(start)) {
            throw ApiProblem.invalidField(prefix + "slotMinutes", "one slot does not fit between start and end.");
        }
        if (block.capacity() != null && (block.capacity() < 1 || block.capacity() > 50)) {
            throw ApiProblem.invalidField(prefix + "capacity", "use 1 to 50 patients per slot.");
        }
        if (block.serviceIds() == null || block.serviceIds().isEmpty()) {
            throw ApiProblem.invalidField(prefix + "serviceIds", "name at least one service.");
        }
        if (block.serviceIds().stream().anyMatch(id -> id == null || id < 1)) {
            throw ApiProblem.invalidField(prefix + "serviceIds", "must be positive service ids.");
        }
        return new Checked(prefix, block.weekday(), start, end);
    }

    /** A local time {@code HH:MM} (24 hours). */
    static LocalTime time(String field, String value) {
        if (!Fields.given(value)) {
            throw ApiProblem.invalidField(field, "is required.");
        }
        if (!value.strip().matches("\\d{2}:\\d{2}")) {
            throw ApiProblem.invalidField(field, "use a local time like 09:00 or 14:30.");
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "use a local time like 09:00 or 14:30.");
        }
    }
}
