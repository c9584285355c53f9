package org.queuedesk.desktop.api;

import java.util.Map;
import java.util.Optional;
import org.queuedesk.common.json.Problem;

/**
 * The server refused a request and said why (problem+json). {@link #getMessage()} is the problem's
 * {@code detail}, written for people, so a view can show it next to the action that caused it.
 */
public final class ApiException extends Exception {

    private final int status;
    private final Problem problem;

    public ApiException(int status, Problem problem) {
        super(describe(status, problem));
        this.status = status;
        this.problem = problem;
    }

    private static String describe(int status, Problem problem) {
        if (problem != null && problem.detail() != null && !problem.detail().isBlank()) {
            return problem.detail();
        }
        if (problem != null && problem.title() != null && !problem.title().isBlank()) {
            return problem.title();
        }
        return "HTTP " + status;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    /** Per-field messages, when the server named fields. */
    public Map<String, String> fieldErrors() {
        return problem == null || problem.errors() == null ? Map.of() : problem.errors();
    }

    /** The problem's {@code type} URI ({@code about:blank} when the status says it all). */
    public String type() {
        return problem == null || problem.type() == null ? "about:blank" : problem.type();
    }

    /** On a booking refused because its slot is full (409): the next free slots the server offers instead. */
    public java.util.List<org.queuedesk.common.appointment.SlotDto> nextFreeSlots() {
        return problem == null || problem.nextFreeSlots() == null ? java.util.List.of() : problem.nextFreeSlots();
    }

    public Optional<String> currentState() {
        return Optional.ofNullable(problem).map(Problem::currentState);
    }
}
