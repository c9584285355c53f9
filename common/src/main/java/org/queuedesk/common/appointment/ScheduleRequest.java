package org.queuedesk.common.appointment;

import java.util.List;

/** A doctor's weekly schedule at a site: replaces every weekly block (dated exceptions stay). */
public record ScheduleRequest(List<ScheduleBlockRequest> blocks) {
}
