package org.queuedesk.common.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import org.queuedesk.common.notify.SmsMessageDto;

/**
 * A ticket's text message changed state ({@code sms.updated}). Staff always get the message; displays and
 * kiosks get the event with {@code sms} null, only so their sequence numbers stay without gaps.
 */
// events logged before each kind had its own record carry the other kinds' payloads too, always null
@JsonIgnoreProperties({"ticket", "session", "printer"})
public record SmsEvent(long seq, long siteId, EventType type, Instant at, String actor, SmsMessageDto sms)
        implements QueueEvent {

    public SmsEvent {
        QueueEvent.requireCarriedBy(type, SmsEvent.class);
    }

    /** A staff event: the message is there. */
    public SmsEvent(long seq, long siteId, Instant at, String actor, SmsMessageDto sms) {
        this(seq, siteId, EventType.SMS_UPDATED, at, actor, Objects.requireNonNull(sms, "sms"));
    }

    @Override
    public SmsEvent withoutPersonalData() {
        return new SmsEvent(seq, siteId, type, at, null, null);
    }
}
