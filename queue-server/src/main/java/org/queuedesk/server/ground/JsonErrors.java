package org.queuedesk.server.ground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/** A malformed JSON body explained in words a caller can act on (Jackson's own messages name Java classes). */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "Unknown field '" + u.getPropertyName() + "'. Known fields: " + u.getKnownPropertyIds() + ".";
        }
        if (e instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
            return "Field '" + fieldPath(f) + "' has a value of the wrong kind: " + f.getValue() + ".";
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return "Field '" + fieldPath(m) + "' has a value of the wrong type.";
        }
        if (e instanceof MismatchedInputException) {
            // Jackson's own words here name Java classes: say what a caller must send instead
            return "The request body must be a JSON object with this request's fields (see /openapi.json), "
                    + "not a bare value or a list.";
        }
        return "The request body is not valid JSON: " + e.getOriginalMessage();
    }

    private static String fieldPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
