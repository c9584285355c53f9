package org.queuedesk.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one exchange against an OpenAPI 3.1 document the way a validating proxy does: the path and method
 * exist, a required body is there, the request body fits its schema, a call without a token reaches only a
 * route marked {@code security: []} (or is refused with 401), the status is declared on the operation itself
 * (a 4xx may not hide behind {@code default}), and the media type and body fit what that status declares.
 * Schemas are JSON Schema 2020-12, as OpenAPI 3.1 writes them.
 */
final class OpenApiValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode doc;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> compiled = new HashMap<>();
    private final List<Template> templates = new ArrayList<>();

    private record Template(String path, Pattern pattern, int literals) {
    }

    OpenApiValidator(JsonNode doc) {
        this.doc = doc;
        doc.get("paths").fieldNames().forEachRemaining(path -> templates.add(new Template(path,
                Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.")),
                path.replaceAll("\\{[^}]+}", "").length())));
        // a literal segment wins over a parameter (/api/devices/me/printer, not /api/devices/{deviceId}/…)
        templates.sort((a, b) -> Integer.compare(b.literals(), a.literals()));
    }

    /** What was sent and what came back; {@code deliberatelyBad}: the request itself is meant to break the contract. */
    record Exchange(String method, String path, boolean withToken, String requestBody, boolean deliberatelyBad,
                    int status, String contentType, String responseBody) {
    }

    /** The mismatches of one exchange, each saying where; empty when it fits the document. */
    List<String> check(Exchange x) {
        var problems = new ArrayList<String>();
        String where = x.method() + " " + x.path() + " -> " + x.status();
        String path = x.path().split("\\?", 2)[0];
        var template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
        if (template.isEmpty()) {
            problems.add(where + ": no such path in the document");
            return problems;
        }
        String method = x.method().toLowerCase(Locale.ROOT);
        JsonNode op = doc.get("paths").get(template.get().path()).get(method);
        if (op == null) {
            problems.add(where + ": the document has no " + method + " on " + template.get().path());
            return problems;
        }
        String opId = op.path("operationId").asText("(no operationId)");
        boolean open = op.has("security") && op.get("security").isEmpty();
        if (!x.withToken() && !open && x.status() != 401) {
            problems.add(where + ": answered without a token, but " + opId + " is not marked security: []");
        }
        if (!x.deliberatelyBad()) {
            JsonNode requestBody = op.get("requestBody");
            boolean empty = x.requestBody() == null || x.requestBody().isBlank();
            if (requestBody == null && !empty) {
                problems.add(where + ": sent a body, but " + opId + " declares none");
            } else if (requestBody != null && empty && requestBody.path("required").asBoolean(false)) {
                problems.add(where + ": " + opId + " declares its body required, but the server took the call without one");
            } else if (requestBody != null && !empty) {
                validate(requestBody.at("/content/application~1json/schema"), x.requestBody(), where + " request",
                        problems);
            }
        }
        JsonNode response = op.get("responses").get(Integer.toString(x.status()));
        if (response == null && x.status() >= 500) {
            response = op.get("responses").get("default");
        }
        if (response == null) {
            problems.add(where + ": status " + x.status() + " is not declared on " + opId + " (body: "
                    + abbreviated(x.responseBody()) + ")");
            return problems;
        }
        JsonNode content = response.get("content");
        if (content == null) {
            if (x.responseBody() != null && !x.responseBody().isEmpty()) {
                problems.add(where + ": " + opId + " declares no content for " + x.status() + ", but got "
                        + abbreviated(x.responseBody()));
            }
            return problems;
        }
        String mediaType = x.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode media = content.get(mediaType);
        if (media == null && mediaType.startsWith("text/")) {
            media = content.get("text/*");
        }
        if (media == null) {
            problems.add(where + ": " + opId + " declares " + iterable(content.fieldNames()) + " for " + x.status()
                    + ", but the server sent " + mediaType);
            return problems;
        }
        if (mediaType.endsWith("json") && media.has("schema")) {
            validate(media.get("schema"), x.responseBody(), where + " response", problems);
        }
        return problems;
    }

    private void validate(JsonNode schema, String body, String where, List<String> problems) {
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            problems.add(where + ": not JSON: " + abbreviated(body));
            return;
        }
        JsonSchema compiledSchema = compiled.computeIfAbsent(schema.toString(), key -> {
            // the schema with the document's components beside it, so its #/components/schemas/… refs resolve
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.putArray("allOf").add(schema);
            root.set("components", doc.get("components"));
            return factory.getSchema(root, config);
        });
        compiledSchema.validate(value).forEach(message -> problems.add(where + ": " + message.getMessage()));
    }

    private static String iterable(java.util.Iterator<String> names) {
        var list = new ArrayList<String>();
        names.forEachRemaining(list::add);
        return list.toString();
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
