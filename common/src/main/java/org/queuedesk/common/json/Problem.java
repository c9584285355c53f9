package org.queuedesk.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.queuedesk.common.appointment.SlotDto;

/**
 * RFC 9457 problem details, the body of every HTTP error. {@code errors} names fields that failed;
 * {@code nextFreeSlots}, on a booking refused because its slot is full, the slots the caller may take instead;
 * {@code requestId} is the request's {@code X-Request-Id}, to find its lines in the server's log.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      Map<String, String> errors, String currentState, List<SlotDto> nextFreeSlots, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem made on this side (no server request behind it). */
    public Problem(String type, String title, int status, String detail, String instance, Map<String, String> errors,
                   String currentState) {
        this(type, title, status, detail, instance, errors, currentState, null, null);
    }

    /** The same problem, told which request it answers. */
    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, instance, errors, currentState, nextFreeSlots, id);
    }
}
