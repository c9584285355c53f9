package org.queuedesk.server.ground;

/**
 * The checks that most request validators share. Each refuses with a 400 {@link ApiProblem} naming the
 * field, in the words the API has always used, so a validator reads as a list of rules rather than ifs.
 */
public final class Fields {

    private Fields() {
    }

    /** Whether the caller gave any text at all (blank counts as not given). */
    public static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    public static void required(String field, Object value) {
        if (value == null) {
            throw ApiProblem.invalidField(field, "is required.");
        }
    }

    /** Required, not blank, and at most {@code maxLength} characters once stripped. */
    public static void requiredText(String field, String value, int maxLength) {
        if (!given(value)) {
            throw ApiProblem.invalidField(field, "is required.");
        }
        atMost(field, value, maxLength);
    }

    /** At most {@code maxLength} characters once stripped; null passes. */
    public static void atMost(String field, String value, int maxLength) {
        if (value != null && value.strip().length() > maxLength) {
            throw ApiProblem.invalidField(field, "must be at most " + maxLength + " characters.");
        }
    }
}
