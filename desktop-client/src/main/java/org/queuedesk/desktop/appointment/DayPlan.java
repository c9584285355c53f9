package org.queuedesk.desktop.appointment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.AppointmentState;
import org.queuedesk.common.appointment.SlotDto;

/**
 * A day of appointments as reception sees it: every booking that still counts (booked, checked in, missed) and
 * every slot with a free place, by doctor then time. Cancelled bookings are left out: their place is free again
 * and shows as a free slot. Plain Java, no toolkit.
 */
final class DayPlan {

    /** The words of a line: the state's name and the service's name. */
    interface Words {
        String state(AppointmentRow.Kind kind, AppointmentDto booking);

        String service(long serviceId);
    }

    private final List<AppointmentDto> bookings;
    private final List<SlotDto> freeSlots;

    DayPlan(List<AppointmentDto> bookings, List<SlotDto> freeSlots) {
        this.bookings = List.copyOf(bookings);
        this.freeSlots = List.copyOf(freeSlots);
    }

    static DayPlan empty() {
        return new DayPlan(List.of(), List.of());
    }

    List<AppointmentDto> bookings() {
        return bookings;
    }

    /** Doctors with a booking or a free slot that day, by name. */
    List<String> doctors() {
        Set<String> names = new HashSet<>();
        bookings.forEach(b -> names.add(b.doctor()));
        freeSlots.forEach(s -> names.add(s.doctor()));
        names.remove(null);
        return names.stream().sorted().toList();
    }

    /**
     * The lines for {@code doctor} (null: all). A search (name, phone digits or booking code) shows only the
     * bookings it matches: a free slot has nobody to find.
     */
    List<AppointmentRow> rows(String doctor, String search, Words words) {
        String wanted = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        List<AppointmentRow> rows = new ArrayList<>();
        for (AppointmentDto b : bookings) {
            AppointmentRow.Kind kind = kindOf(b.state());
            if (kind == null || (doctor != null && !doctor.equals(b.doctor())) || !matches(b, wanted)) {
                continue;
            }
            rows.add(new AppointmentRow(kind, b.doctor(), b.slotStart(), b.localTime(), words.state(kind, b),
                    orEmpty(b.patientName()), orEmpty(b.phone()), b.code(), words.service(b.serviceId()), b, null));
        }
        if (wanted.isEmpty()) {
            Set<String> seen = new HashSet<>();
            for (SlotDto s : freeSlots) {
                // one line per doctor and start: a slot serving two services is listed under each
                if (s.free() <= 0 || (doctor != null && !doctor.equals(s.doctor())) || !seen.add(s.doctor() + "@" + s.start())) {
                    continue;
                }
                String services = String.join(", ", s.serviceIds().stream().map(words::service).toList());
                rows.add(new AppointmentRow(AppointmentRow.Kind.FREE, s.doctor(), s.start(), s.localTime(),
                        words.state(AppointmentRow.Kind.FREE, null), "", "", "", services, null, s));
            }
        }
        rows.sort(Comparator.comparing(AppointmentRow::doctor, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AppointmentRow::start)
                .thenComparing(r -> r.kind() == AppointmentRow.Kind.FREE)); // a slot's bookings before its free place
        return rows;
    }

    private static AppointmentRow.Kind kindOf(AppointmentState state) {
        return switch (state) {
            case BOOKED -> AppointmentRow.Kind.BOOKED;
            case CHECKED_IN -> AppointmentRow.Kind.CHECKED_IN;
            case MISSED -> AppointmentRow.Kind.MISSED;
            case CANCELLED -> null;
        };
    }

    private static boolean matches(AppointmentDto b, String wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        Function<String, String> lower = v -> v == null ? "" : v.toLowerCase(Locale.ROOT);
        String digits = wanted.replaceAll("[^0-9]", "");
        boolean typedAPhone = digits.length() >= 3 && wanted.matches("[0-9+()\\s-]+");
        return lower.apply(b.patientName()).contains(wanted) || lower.apply(b.code()).equals(wanted)
                || (typedAPhone && lastDigits(b.phone()).equals(digits.substring(digits.length() - 3)));
    }

    /** Staff see phones masked ({@code +34******456}): the last three digits are what can be compared. */
    private static String lastDigits(String maskedPhone) {
        String digits = maskedPhone == null ? "" : maskedPhone.replaceAll("[^0-9]", "");
        return digits.length() < 3 ? "-" : digits.substring(digits.length() - 3);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
