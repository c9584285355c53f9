package org.queuedesk.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** RFC 9457 problem details, the body of every HTTP error. {@code errors} names fields that failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      Map<String, String> errors, String currentState) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
