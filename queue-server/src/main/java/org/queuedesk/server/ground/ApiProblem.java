package org.queuedesk.server.ground;

import java.util.List;
import java.util.Map;
import org.queuedesk.common.appointment.SlotDto;

/**
 * A refusal that the caller can act on. Thrown anywhere below a controller and turned into an
 * RFC 9457 {@code application/problem+json} response in one place (the assembly's error mapping).
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> errors;
    private final String currentState;
    private final List<SlotDto> nextFreeSlots;

    private ApiProblem(int status, String title, String detail, Map<String, String> errors, String currentState) {
        this(status, title, detail, errors, currentState, null);
    }

    private ApiProblem(int status, String title, String detail, Map<String, String> errors, String currentState,
                       List<SlotDto> nextFreeSlots) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors;
        this.currentState = currentState;
        this.nextFreeSlots = nextFreeSlots;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad request", detail, null, null);
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(400, "Invalid request", field + ": " + message, Map.of(field, message), null);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail, null, null);
    }

    /** The thing exists but is not in a state that allows the action; names the state it is in. */
    public static ApiProblem conflict(String detail, String currentState) {
        return new ApiProblem(409, "Conflict", detail, null, currentState);
    }

    public static ApiProblem conflict(String detail) {
        return conflict(detail, null);
    }

    /** A value that clashes with what is stored (another service's prefix), named by its field for the form. */
    public static ApiProblem conflictField(String field, String message) {
        return new ApiProblem(409, "Conflict", field + ": " + message, Map.of(field, message), null);
    }

    /** A slot already full: a 409 that offers the next free slots to take instead (maybe none). */
    public static ApiProblem slotTaken(String detail, List<SlotDto> nextFreeSlots) {
        return new ApiProblem(409, "Conflict", detail, null, "full", List.copyOf(nextFreeSlots));
    }

    /** A well-formed request that cannot be done as asked, naming the field to change. */
    public static ApiProblem unprocessableField(String field, String message) {
        return new ApiProblem(422, "Unprocessable request", field + ": " + message, Map.of(field, message), null);
    }

    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(422, "Unprocessable request", detail, null, null);
    }

    /** A well-formed request that names something (in its body) that does not exist. */
    public static ApiProblem unknownReference(String field, String message) {
        return new ApiProblem(422, "Unknown reference", field + ": " + message, Map.of(field, message), null);
    }

    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(413, "Request too large", detail, null, null);
    }

    /** The route cannot answer in any media type the request's {@code Accept} allows. */
    public static ApiProblem notAcceptable(String detail) {
        return new ApiProblem(406, "Not acceptable", detail, null, null);
    }

    public static ApiProblem tooManyRequests(String detail) {
        return new ApiProblem(429, "Too many requests", detail, null, null);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Sign-in required", detail, null, null);
    }

    /** The caller may use the route but not set this field (e.g. a kiosk giving a priority). */
    public static ApiProblem forbiddenField(String field, String message) {
        return new ApiProblem(403, "Not allowed", field + ": " + message, Map.of(field, message), null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Not allowed", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public String currentState() {
        return currentState;
    }

    /** Null but for {@link #slotTaken}. */
    public List<SlotDto> nextFreeSlots() {
        return nextFreeSlots;
    }
}
