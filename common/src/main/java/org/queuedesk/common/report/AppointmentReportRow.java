package org.queuedesk.common.report;

import java.time.LocalDate;

/**
 * One period's bookings (by their slot's local date) for the whole site, a service or a doctor: {@code booked}
 * counts every booking not cancelled (booked, checked in or missed), then how many were checked in, missed
 * or cancelled.
 */
public record AppointmentReportRow(LocalDate periodStart, LocalDate periodEnd, ReportDimension dimension,
                                   String key, String name, int booked, int checkedIn, int missed, int cancelled) {
}
