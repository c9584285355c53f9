package org.queuedesk.desktop.admin;

import java.util.Optional;

/** Whole numbers typed into a form: blank is "not given" (the server's default), anything else must parse. */
final class Numbers {

    private Numbers() {
    }

    /** Null for blank; call {@link #isNumberOrBlank} first. */
    static Integer orNull(String typed) {
        String text = typed == null ? "" : typed.strip();
        return text.isEmpty() ? null : Integer.valueOf(text);
    }

    static boolean isNumberOrBlank(String typed) {
        String text = typed == null ? "" : typed.strip();
        return text.isEmpty() || text.matches("[+-]?\\d{1,9}");
    }

    static Optional<String> text(Integer value) {
        return Optional.ofNullable(value).map(String::valueOf);
    }
}
