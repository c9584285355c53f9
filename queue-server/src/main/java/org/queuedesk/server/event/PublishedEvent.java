package org.queuedesk.server.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.queuedesk.common.event.EventWire;
import org.queuedesk.common.event.QueueEvent;

/**
 * An event serialised once for staff and once without personal data, however many clients it goes to; the
 * UTF-8 bytes too, so a thousand sockets share one encoding instead of making a thousand. Clients of the first
 * wire version get frames of their own only where it spells the type differently.
 *
 * <p>Only the text the event log stores is made at once (by the writer, inside the transaction); the other
 * texts and the bytes are made the first time a client needs them, on a fan-out thread, so the single writer
 * spends one encoding per event instead of up to four (README, "Throughput").
 */
public final class PublishedEvent {

    private final QueueEvent event;
    private final String fullJson;
    private final ObjectMapper json;
    private volatile Encoded encoded;

    private PublishedEvent(QueueEvent event, String fullJson, ObjectMapper json) {
        this.event = event;
        this.fullJson = fullJson;
        this.json = json;
    }

    /**
     * One wire version's texts of the event: for staff, and without personal data (both null for an event for
     * staff only, such as an alert: displays and kiosks get nothing).
     */
    record Frames(String fullJson, String redactedJson, byte[] fullUtf8, byte[] redactedUtf8) {

        static Frames of(QueueEvent event, ObjectWriter writer, String full) throws JsonProcessingException {
            String redacted = event.forStaffOnly() ? null : writer.writeValueAsString(event.withoutPersonalData());
            return new Frames(full, redacted, full.getBytes(StandardCharsets.UTF_8),
                    redacted == null ? null : redacted.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Encoded(Frames current, Frames legacy) {
    }

    public static PublishedEvent of(QueueEvent event, ObjectMapper json) {
        try {
            return new PublishedEvent(event, EventWire.V2.writer(json).writeValueAsString(event), json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both wire versions' frames, made once by whichever thread needs them first. */
    private Encoded encoded() {
        Encoded known = encoded;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (encoded == null) {
                try {
                    var current = Frames.of(event, EventWire.V2.writer(json), fullJson);
                    boolean spelledAlike = EventWire.V1.typeName(event.type()).equals(EventWire.V2.typeName(event.type()));
                    var v1 = EventWire.V1.writer(json);
                    var legacy = spelledAlike ? current : Frames.of(event, v1, v1.writeValueAsString(event));
                    encoded = new Encoded(current, legacy);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return encoded;
        }
    }

    public QueueEvent event() {
        return event;
    }

    /** The current wire version's text for staff: what the event log stores. */
    public String fullJson() {
        return fullJson;
    }

    public String redactedJson() {
        return encoded().current().redactedJson();
    }

    public long seq() {
        return event.seq();
    }

    public long siteId() {
        return event.siteId();
    }

    /**
     * A frame payload for one client: a read-only view of the shared bytes, with a position of its own; null
     * when a client without access to personal data gets nothing of this event.
     */
    ByteBuffer payload(boolean redact, EventWire wire) {
        var frames = wire == EventWire.V1 ? encoded().legacy() : encoded().current();
        byte[] bytes = redact ? frames.redactedUtf8() : frames.fullUtf8();
        return bytes == null ? null : ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }
}
