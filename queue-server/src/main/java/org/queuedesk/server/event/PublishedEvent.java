package org.queuedesk.server.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.queuedesk.common.event.QueueEvent;

/**
 * An event serialised once for staff and once without personal data, however many clients it goes to; the
 * UTF-8 bytes too, so a thousand sockets share one encoding instead of making a thousand.
 */
public record PublishedEvent(QueueEvent event, String fullJson, String redactedJson, byte[] fullUtf8,
                             byte[] redactedUtf8) {

    public static PublishedEvent of(QueueEvent event, ObjectMapper json) {
        try {
            String full = json.writeValueAsString(event);
            String redacted = json.writeValueAsString(event.withoutPersonalData());
            return new PublishedEvent(event, full, redacted, full.getBytes(StandardCharsets.UTF_8),
                    redacted.getBytes(StandardCharsets.UTF_8));
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

    /** A frame payload for one client: a read-only view of the shared bytes, with a position of its own. */
    ByteBuffer payload(boolean redact) {
        return ByteBuffer.wrap(redact ? redactedUtf8 : fullUtf8).asReadOnlyBuffer();
    }
}
