package org.queuedesk.server.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.queuedesk.common.event.QueueEvent;

/** An event serialised once for staff and once without personal data, however many clients it goes to. */
public record PublishedEvent(QueueEvent event, String fullJson, String redactedJson) {

    public static PublishedEvent of(QueueEvent event, ObjectMapper json) {
        try {
            return new PublishedEvent(event, json.writeValueAsString(event),
                    json.writeValueAsString(event.withoutPersonalData()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public long seq() {
        return event.seq();
    }

    public long siteId() {
        return event.siteId();
    }
}
