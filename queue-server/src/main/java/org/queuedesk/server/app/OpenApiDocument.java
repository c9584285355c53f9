package org.queuedesk.server.app;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.queuedesk.common.Role;
import org.queuedesk.common.json.Problem;

/**
 * The OpenAPI 3.1 document, generated from the route tree and the wire records themselves, so a route
 * cannot exist without being documented and a record change shows up without anyone editing YAML.
 */
public final class OpenApiDocument {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApiDocument() {
    }

    public static Map<String, Object> build(List<RouteSpec> routes, List<WsRouteSpec> wsRoutes, String version) {
        var schemas = new TreeMap<String, Object>();
        schemas.put("Problem", schemaOf(Problem.class, schemas));
        var paths = new TreeMap<String, Map<String, Object>>();
        for (RouteSpec route : routes) {
            var op = new LinkedHashMap<String, Object>();
            op.put("summary", route.summary());
            op.put("x-roles", route.roles().stream().map(Role::wireName).sorted().toList());
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
                op.put("requestBody", Map.of("required", true, "content",
                        Map.of("application/json", Map.of("schema", typeSchema(route.requestBody(), schemas)))));
            }
            var responses = new LinkedHashMap<String, Object>();
            String ok = route.method().toString().equals("POST") && route.summary().matches("^(Create|Issue|Open) .*") ? "201" : "200";
            if (route.response() != null) {
                responses.put(ok, Map.of("description", "OK", "content",
                        Map.of("application/json", Map.of("schema", typeSchema(route.response(), schemas)))));
            } else {
                responses.put(ok, Map.of("description", "OK"));
            }
            responses.put("default", Map.of("description", "An error, as RFC 9457 problem details", "content",
                    Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
            op.put("responses", responses);
            paths.computeIfAbsent(route.path(), p -> new TreeMap<>())
                    .put(route.method().toString().toLowerCase(Locale.ROOT), op);
        }
        for (WsRouteSpec ws : wsRoutes) {
            var op = new LinkedHashMap<String, Object>();
            op.put("summary", "WebSocket: " + ws.summary());
            op.put("x-roles", ws.roles().stream().map(Role::wireName).sorted().toList());
            op.put("x-websocket", true);
            var params = pathParameters(ws.path());
            params.add(Map.of("name", "since", "in", "query", "required", false,
                    "schema", Map.of("type", "integer", "minimum", 0)));
            op.put("parameters", params);
            op.put("responses", Map.of("101", Map.of("description", "Switching to the WebSocket protocol")));
            paths.computeIfAbsent(ws.path(), p -> new TreeMap<>()).put("get", op);
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "QueueDesk queue server", "version", version,
                "description", "Tickets, queues, doctors' sessions and live events for clinic front desks."));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas,
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer"))));
        doc.put("security", List.of(Map.of("bearer", List.of())));
        return doc;
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
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return Map.of("type", "array", "items", typeSchema(p.getActualTypeArguments()[0], schemas));
        }
        if (type instanceof Class<?> c) {
            if (c == String.class) {
                return Map.of("type", "string");
            }
            if (c == long.class || c == Long.class || c == int.class || c == Integer.class) {
                return Map.of("type", "integer", "format", c == int.class || c == Integer.class ? "int32" : "int64");
            }
            if (c == boolean.class || c == Boolean.class) {
                return Map.of("type", "boolean");
            }
            if (c == Instant.class) {
                return Map.of("type", "string", "format", "date-time");
            }
            if (c == LocalDate.class) {
                return Map.of("type", "string", "format", "date");
            }
            if (c.isEnum()) {
                return Map.of("type", "string", "enum", Arrays.stream(c.getEnumConstants())
                        .map(OpenApiDocument::wireName).toList());
            }
            if (c.isRecord()) {
                String name = c.getSimpleName();
                if (!schemas.containsKey(name)) {
                    schemas.put(name, Map.of());
                    schemas.put(name, schemaOf(c, schemas));
                }
                return Map.of("$ref", "#/components/schemas/" + name);
            }
            if (c == Map.class || c == Object.class) {
                return Map.of("type", "object");
            }
        }
        return Map.of();
    }

    /** Enums travel by their {@code wireName()} (the @JsonValue), e.g. {@code ticket.called}. */
    private static String wireName(Object constant) {
        try {
            return (String) constant.getClass().getMethod("wireName").invoke(constant);
        } catch (ReflectiveOperationException e) {
            return constant.toString().toLowerCase(Locale.ROOT);
        }
    }

    private static Map<String, Object> schemaOf(Class<?> record, Map<String, Object> schemas) {
        var properties = new LinkedHashMap<String, Object>();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.put(component.getName(), typeSchema(component.getGenericType(), schemas));
        }
        return Map.of("type", "object", "properties", properties);
    }
}
