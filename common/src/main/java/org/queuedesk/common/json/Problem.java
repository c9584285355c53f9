package org.queuedesk.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * RFC 9457 problem details, the body of every HTTP error. {@code errors} names fields that failed;
 * {@code requestId} is the request's {@code X-Request-Id}, to find its lines in the server's log.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      Map<String, String> errors, String currentState, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem made on this side (no server request behind it). */
    public Problem(String type, String title, int status, String detail, String instance, Map<String, String> errors,
                   String currentState) {
        this(type, title, status, detail, instance, errors, currentState, null);
    }
}
