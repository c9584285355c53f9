package org.queuedesk.common.report;

import java.time.LocalDate;

/**
 * One period's counts for the whole site, a service, a doctor or a source (README, "Reports"). {@code key} is
 * {@code all}, the service's id, the doctor's username or the source; {@code name} what a person reads (a
 * service's default name). Counts are of legs: a ticket transferred from one service to another counts at
 * each. {@code issued} and {@code cancelled} are null for a doctor (nobody has called the ticket yet).
 * Times are whole seconds, null without a sample: wait from joining a service's queue to the call there,
 * service from the call to done.
 */
public record TicketReportRow(LocalDate periodStart, LocalDate periodEnd, ReportDimension dimension, String key,
                              String name, Integer issued, int served, int noShows, Integer cancelled,
                              int transferred, Long waitMeanSeconds, Long waitMedianSeconds, Long waitP90Seconds,
                              Long serviceMeanSeconds, Long serviceMedianSeconds, Long serviceP90Seconds) {
}
