package org.queuedesk.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.queuedesk.common.appointment.SlotDto;

/**
 * RFC 9457 problem details, the body of every HTTP error. {@code errors} names fields that failed;
 * {@code nextFreeSlots}, on a booking refused because its slot is full, the slots the caller may take instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      Map<String, String> errors, String currentState, List<SlotDto> nextFreeSlots) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance, Map<String, String> errors,
                   String currentState) {
        this(type, title, status, detail, instance, errors, currentState, null);
    }
}
