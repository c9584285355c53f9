package org.queuedesk.server.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What {@code GET /health} answers: {@code status} UP, DEGRADED or DOWN; the database's and, when it answers,
 * the schema version and the server's release ({@code version}, which a desktop app compares with its own);
 * the other parts the server needs, by name. A typed record so the OpenAPI document lists each field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthReport(String status, String database, String schemaVersion, String version,
                           Map<String, Component> components) {

    /** One part the server needs: UP, or DOWN with the reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Component(String status, String reason) {
    }
}
