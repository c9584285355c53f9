package org.queuedesk.common.appointment;

import java.util.List;

/**
 * The first free slots of a search, by start then doctor; {@code next} is null when the range has no more, else
 * the value to send back as {@code after=} for the slots that follow.
 */
public record SlotPageDto(List<SlotDto> slots, String next) {
}
