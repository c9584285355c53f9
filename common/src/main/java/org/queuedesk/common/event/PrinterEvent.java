package org.queuedesk.common.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import org.queuedesk.common.auth.DevicePrinterDto;

/** A kiosk's printer changed state ({@code device.printer}); it holds no personal data, so displays get it too. */
// events logged before each kind had its own record carry the other kinds' payloads too, always null
@JsonIgnoreProperties({"ticket", "session", "sms"})
public record PrinterEvent(long seq, long siteId, EventType type, Instant at, String actor, DevicePrinterDto printer)
        implements QueueEvent {

    public PrinterEvent {
        QueueEvent.requireCarriedBy(type, PrinterEvent.class);
        Objects.requireNonNull(printer, "printer");
    }

    @Override
    public PrinterEvent withoutPersonalData() {
        return new PrinterEvent(seq, siteId, type, at, null, printer);
    }
}
