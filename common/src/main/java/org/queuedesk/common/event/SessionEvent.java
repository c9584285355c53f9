package org.queuedesk.common.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import org.queuedesk.common.queue.SessionDto;

/** A doctor's session in a room opened, paused, resumed or closed ({@code session.*}). */
// events logged before each kind had its own record carry the other kinds' payloads too, always null
@JsonIgnoreProperties({"ticket", "sms", "printer"})
public record SessionEvent(long seq, long siteId, EventType type, Instant at, String actor, SessionDto session)
        implements QueueEvent {

    public SessionEvent {
        QueueEvent.requireCarriedBy(type, SessionEvent.class);
        Objects.requireNonNull(session, "session");
    }

    /** A session holds no personal data: only who made the change goes. */
    @Override
    public SessionEvent withoutPersonalData() {
        return new SessionEvent(seq, siteId, type, at, null, session);
    }
}
