package org.queuedesk.common.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import org.queuedesk.common.alert.AlertDto;

/**
 * An alert was raised, escalated, lowered, cleared or acknowledged ({@code alert.*}). For staff only: the
 * stream never sends it to displays and kiosks (a waiting room must not read "critical"), see
 * {@link #forStaffOnly()}.
 */
@JsonIgnoreProperties({"ticket", "session", "sms", "printer", "appointment"})
public record AlertEvent(long seq, long siteId, EventType type, Instant at, String actor, AlertDto alert)
        implements QueueEvent {

    public AlertEvent {
        QueueEvent.requireCarriedBy(type, AlertEvent.class);
        Objects.requireNonNull(alert, "alert");
    }

    /** Never sent without personal data: displays and kiosks skip it, so this copy only drops the actor. */
    @Override
    public AlertEvent withoutPersonalData() {
        return new AlertEvent(seq, siteId, type, at, null, alert);
    }

    @Override
    public boolean forStaffOnly() {
        return true;
    }
}
