package org.queuedesk.server.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.HandlerType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.queuedesk.common.Role;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.common.json.Problem;
import org.queuedesk.server.ground.RouteSpec;
import org.queuedesk.server.ground.WsRouteSpec;

/**
 * The OpenAPI 3.1 document, generated from the route tree and the wire records themselves, so a route
 * cannot exist without being documented and a record change shows up without anyone editing YAML.
 */
public final class OpenApiDocument {

    /** Reports answer JSON or, for Accept: text/csv, CSV; their query parameters can be out of range (422). */
    private static final String REPORTS = "/api/reports/";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    /**
     * Reference-typed components that are never null: the names maps (their records' constructors make an
     * empty map of null), and what a ticket and its history are read from {@code NOT NULL} columns (V1).
     */
    private static final Set<String> NEVER_NULL = Set.of("ServiceDto.names", "RoomDto.names",
            "TicketDto.number", "TicketDto.serviceDate", "TicketDto.state", "TicketDto.priority", "TicketDto.source",
            "TicketDto.issuedAt", "TicketDto.queuedAt", "TicketEventDto.action", "TicketEventDto.toState",
            "TicketEventDto.at",
            "TicketEvent.type", "TicketEvent.at", "TicketEvent.ticket", "SessionEvent.type", "SessionEvent.at",
            "SessionEvent.session", "SmsEvent.type", "SmsEvent.at", "PrinterEvent.type", "PrinterEvent.at",
            "PrinterEvent.printer", "AppointmentEvent.type", "AppointmentEvent.at", "AppointmentEvent.appointment",
            "AppointmentDto.slotStart", "AppointmentDto.slotEnd", "AppointmentDto.localDate", "AppointmentDto.localTime",
            "AppointmentDto.state", "AppointmentDto.bookedAt", "SlotDto.start", "SlotDto.end",
            "SlotDto.localDate", "SlotDto.localTime", "SlotDto.serviceIds", "ScheduleDto.weekly", "ScheduleDto.exceptions",
            "ScheduleBlockDto.start", "ScheduleBlockDto.end", "ScheduleBlockDto.serviceIds", "ScheduleExceptionDto.date",
            "ScheduleExceptionDto.blocks", "CheckInDto.appointment", "CheckInDto.ticket");

    private OpenApiDocument() {
    }

    public static Map<String, Object> build(List<RouteSpec> routes, List<WsRouteSpec> wsRoutes, String version) {
        var schemas = new TreeMap<String, Object>();
        schemas.put("Problem", schemaOf(Problem.class, schemas, false));
        var paths = new TreeMap<String, Map<String, Object>>();
        var operationIds = new HashSet<String>();
        for (RouteSpec route : routes) {
            String method = route.method().toString().toLowerCase(Locale.ROOT);
            var op = new LinkedHashMap<String, Object>();
            op.put("operationId", operationId(method, route.path(), operationIds));
            op.put("summary", route.summary());
            op.put("x-roles", route.roles().stream().map(Role::wireName).sorted().toList());
            boolean open = route.roles().contains(Role.PUBLIC);
            if (open) {
                op.put("security", List.of());
            }
            var params = pathParameters(route.path());
            if (route.idempotent()) {
                params.add(Map.of("name", "Idempotency-Key", "in", "header", "required", false,
                        "description", "Same key and body give the same answer; same key, other body gives 422.",
                        "schema", Map.of("type", "string", "maxLength", 128)));
            }
            if (!params.isEmpty()) {
                op.put("parameters", params);
            }
            if (route.requestBody() != null) {
                op.put("requestBody", Map.of("required", route.bodyRequired(), "content",
                        Map.of("application/json", Map.of("schema", typeSchema(route.requestBody(), schemas, false, true)))));
            }
            var responses = new TreeMap<String, Object>();
            String ok = Integer.toString(route.status());
            if (route.status() == 204) {
                responses.put(ok, Map.of("description", "Done; no content"));
            } else if (route.response() != null && route.path().startsWith(REPORTS)) {
                // a report answers its rows as CSV for Accept: text/csv (README, "Reports")
                responses.put(ok, Map.of("description", "OK: JSON, or its rows as CSV (RFC 4180, UTF-8 with a BOM)",
                        "content", Map.of("application/json", Map.of("schema", typeSchema(route.response(), schemas)),
                                "text/csv", Map.of("schema", Map.of("type", "string")))));
            } else if (route.response() != null) {
                responses.put(ok, json("OK", typeSchema(route.response(), schemas)));
            } else {
                // pages, metrics and event streams: text of the kind the summary names, not JSON
                responses.put(ok, Map.of("description", "OK: " + route.summary(), "content",
                        Map.of("text/*", Map.of("schema", Map.of("type", "string")))));
            }
            if (route.path().equals("/health")) {
                responses.put("503", json("The database is unreachable (the same shape, DOWN)",
                        typeSchema(route.response(), schemas)));
            }
            problems(route, open, !params.isEmpty()).forEach((status, why) -> responses.put(status, problem(why)));
            responses.put("default", problem("An error the container or server answers itself (5xx, 405, 413, 414, 431)"));
            op.put("responses", responses);
            paths.computeIfAbsent(route.path(), p -> new TreeMap<>()).put(method, op);
        }
        for (WsRouteSpec ws : wsRoutes) {
            var op = new LinkedHashMap<String, Object>();
            op.put("operationId", operationId("get", ws.path(), operationIds));
            op.put("summary", "WebSocket: " + ws.summary());
            op.put("description", "A WebSocket (RFC 6455): send a GET with 'Connection: Upgrade' and 'Upgrade: websocket'."
                    + " Each text message is one QueueEvent as JSON, in the order of its 'seq'; its 'type' says which"
                    + " payload it carries. Ask for wire version 2 with ?v=2: its type names are the ones listed here"
                    + " ('ticket.no_show'); without it the stream is version 1, the same but for every '_' in a type"
                    + " written as '.' ('ticket.no.show'), for clients older than version 2. Browsers cannot set"
                    + " headers on a WebSocket, so the token may also come as ?access_token=. The roles are checked"
                    + " before the upgrade; a refusal is an ordinary HTTP problem.");
            op.put("x-roles", ws.roles().stream().map(Role::wireName).sorted().toList());
            op.put("x-websocket", true);
            var params = pathParameters(ws.path());
            params.add(Map.of("name", "since", "in", "query", "required", false,
                    "description", "Replay the events after this seq first",
                    "schema", Map.of("type", "integer", "minimum", 0)));
            params.add(Map.of("name", "v", "in", "query", "required", false,
                    "description", "The event wire version: 2 for the type names listed; left out, version 1",
                    "schema", Map.of("type", "integer", "enum", List.of(1, 2), "default", 1)));
            params.add(Map.of("name", "access_token", "in", "query", "required", false,
                    "description", "The bearer token, for clients that cannot send an Authorization header",
                    "schema", Map.of("type", "string")));
            op.put("parameters", params);
            var responses = new TreeMap<String, Object>();
            responses.put("101", Map.of("description", "Switching to the WebSocket protocol; each message is a #/components/schemas/QueueEvent"));
            responses.put("400", problem("A malformed path parameter, since or v"));
            responses.put("401", problem("No or no valid token"));
            responses.put("403", problem("The caller's roles or site do not allow this stream"));
            responses.put("404", problem("No such site"));
            responses.put("default", problem("An error the container or server answers itself"));
            op.put("responses", responses);
            // OpenAPI has no place for a WebSocket's messages: an extension names their schema
            op.put("x-websocket-message", typeSchema(QueueEvent.class, schemas));
            paths.computeIfAbsent(ws.path(), p -> new TreeMap<>()).put("get", op);
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "QueueDesk queue server", "version", version,
                "description", "Tickets, queues, doctors' sessions and live events for clinic front desks."));
        doc.put("servers", List.of(Map.of("url", "/")));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas,
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer"))));
        doc.put("security", List.of(Map.of("bearer", List.of())));
        return doc;
    }

    /**
     * The 4xx a route can answer, from what it declares: a body or parameter can be malformed (400), a
     * signed-in route refuses the unsigned (401) and other roles (403), a path names something that may
     * not exist (404), a change can meet a state that does not allow it (409) or name something unknown or
     * reuse an Idempotency-Key (422).
     */
    private static Map<String, String> problems(RouteSpec route, boolean open, boolean hasParams) {
        var out = new TreeMap<String, String>();
        boolean writes = route.method() != HandlerType.GET;
        boolean query = route.summary().contains("?");
        if (hasParams || route.requestBody() != null || query) {
            out.put("400", "A malformed parameter or body; 'errors' names the fields");
        }
        if (!open || route.path().startsWith("/api/auth/")) {
            out.put("401", open ? "Wrong credentials, or a sign-in that expired or ended" : "No or no valid token");
        }
        if (!open) {
            out.put("403", "The caller's roles or site do not allow this");
        }
        if (route.path().contains("{") || (route.method() == HandlerType.GET && query)) {
            out.put("404", "Nothing with that id, number or token");
        }
        if (writes && !route.path().startsWith("/api/auth/")) {
            out.put("409", "The thing is not in a state that allows this; 'currentState' names its state");
        }
        if (writes && (route.requestBody() != null || route.idempotent())) {
            out.put("422", "The body names something that does not exist, or the Idempotency-Key was used for another body");
        }
        if (route.path().startsWith(REPORTS)) {
            out.put("422", "A date that is not one, 'to' before 'from', a range over 366 days or an unknown 'by'; 'errors' names it");
        }
        if (route.path().equals("/api/auth/login") || route.path().equals("/api/tickets")) {
            out.put("429", "Too many attempts (failed sign-ins, or text messages to one phone or from one kiosk)");
        }
        if (route.response() == null && route.path().endsWith("/events")) {
            out.put("406", "The request does not accept text/event-stream");
        }
        if (route.path().equals("/t/{token}")) {
            out.put("410", "The link has expired (an HTML page says so)");
        }
        return out;
    }

    private static Map<String, Object> json(String description, Object schema) {
        return Map.of("description", description, "content", Map.of("application/json", Map.of("schema", schema)));
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description, "content",
                Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
    }

    /** {@code post /api/sessions/{sessionId}/no-show} is {@code postSessionsNoShow}; a trailing id adds "By…". */
    private static String operationId(String method, String path, Set<String> taken) {
        var id = new StringBuilder(method);
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("api") && i == 0) {
                continue;
            }
            Matcher param = PATH_PARAM.matcher(segment);
            if (param.matches()) {
                if (i == segments.length - 1) {
                    id.append("By").append(capitalized(param.group(1)));
                }
                continue;
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                id.append(capitalized(word));
            }
        }
        if (!taken.add(id.toString())) {
            throw new IllegalStateException("Two routes would share the operationId " + id + "; " + method + " " + path);
        }
        return id.toString();
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static List<Map<String, Object>> pathParameters(String path) {
        var params = new java.util.ArrayList<Map<String, Object>>();
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            params.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema",
                    m.group(1).endsWith("Id") ? Map.of("type", "integer", "format", "int64", "minimum", 1)
                            : Map.of("type", "string")));
        }
        return params;
    }

    private static Object typeSchema(Type type, Map<String, Object> schemas) {
        return typeSchema(type, schemas, false, false);
    }

    /**
     * The schema of a Java type on the wire; {@code nullable} adds JSON null to what it allows. {@code input}:
     * what a client sends, where a field left out is read as null, so no field is required.
     */
    private static Object typeSchema(Type type, Map<String, Object> schemas, boolean nullable, boolean input) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return Map.of("type", types("array", nullable), "items",
                    typeSchema(p.getActualTypeArguments()[0], schemas, false, input));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return Map.of("type", types("object", nullable), "additionalProperties",
                    typeSchema(p.getActualTypeArguments()[1], schemas, false, input));
        }
        if (type instanceof Class<?> c) {
            if (c == String.class) {
                return Map.of("type", types("string", nullable));
            }
            if (c == long.class || c == Long.class || c == int.class || c == Integer.class) {
                return Map.of("type", types("integer", nullable),
                        "format", c == int.class || c == Integer.class ? "int32" : "int64");
            }
            if (c == boolean.class || c == Boolean.class) {
                return Map.of("type", types("boolean", nullable));
            }
            if (c == Instant.class) {
                return Map.of("type", types("string", nullable), "format", "date-time");
            }
            if (c == LocalDate.class) {
                return Map.of("type", types("string", nullable), "format", "date");
            }
            if (c.isEnum()) {
                var values = new ArrayList<Object>(Arrays.stream(c.getEnumConstants()).map(OpenApiDocument::wireName).toList());
                if (nullable) {
                    values.add(null); // enum lists every allowed value, null too
                }
                return Map.of("type", types("string", nullable), "enum", values);
            }
            if (c.isRecord()) {
                // a record sent both ways (SmsSiteSettingsDto) has a second schema for what may be sent
                String name = c.getSimpleName() + (input && !c.getSimpleName().endsWith("Request") ? "Input" : "");
                if (!schemas.containsKey(name)) {
                    schemas.put(name, Map.of());
                    schemas.put(name, schemaOf(c, schemas, input));
                }
                var ref = Map.of("$ref", "#/components/schemas/" + name);
                return nullable ? Map.of("anyOf", List.of(ref, Map.of("type", "null"))) : ref;
            }
            if (c.isSealed()) {
                // a sealed interface (QueueEvent) is one of its records; Jackson tells them apart by a property
                return Map.of("oneOf", Arrays.stream(c.getPermittedSubclasses())
                        .map(kind -> typeSchema(kind, schemas, false, input)).toList());
            }
            if (c == Map.class || c == Object.class) {
                return Map.of("type", types("object", nullable));
            }
        }
        return Map.of();
    }

    private static Object types(String type, boolean nullable) {
        return nullable ? List.of(type, "null") : type;
    }

    /** Enums travel by their {@code wireName()} (the @JsonValue), e.g. {@code ticket.called}. */
    private static String wireName(Object constant) {
        try {
            return (String) constant.getClass().getMethod("wireName").invoke(constant);
        } catch (ReflectiveOperationException e) {
            return constant.toString().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A record as Jackson writes it: every component, always (except a {@code NON_NULL} record, which leaves
     * out its nulls), and nothing else. A primitive is never null; any other component may be, unless
     * {@link #NEVER_NULL} says its record's constructor rules that out.
     */
    private static Map<String, Object> schemaOf(Class<?> record, Map<String, Object> schemas, boolean input) {
        var include = record.getAnnotation(JsonInclude.class);
        boolean leavesOutNulls = include != null && include.value() == JsonInclude.Include.NON_NULL;
        var properties = new LinkedHashMap<String, Object>();
        var required = new ArrayList<String>();
        for (RecordComponent component : record.getRecordComponents()) {
            boolean primitive = component.getType().isPrimitive();
            boolean nullable = !primitive && !leavesOutNulls
                    && !NEVER_NULL.contains(record.getSimpleName() + "." + component.getName());
            properties.put(component.getName(), typeSchema(component.getGenericType(), schemas, nullable, input));
            if (!input && (primitive || !leavesOutNulls)) {
                required.add(component.getName());
            }
        }
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        // the shared mapper refuses unknown fields on input; on output nothing is written beyond the components
        schema.put("additionalProperties", false);
        return schema;
    }
}
