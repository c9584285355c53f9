package org.queuedesk.desktop.kiosk;

import java.util.List;
import org.queuedesk.common.appointment.KioskCheckInDto;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.TicketDto;

/** What a kiosk asks of the queue server. Blocking: call it through the background seam only. */
public interface KioskBackend {

    /** The kiosk's site and the services a patient may choose. */
    Setup load() throws Exception;

    /**
     * Issues a plain walk-in ticket, texted to {@code phone} when given (null: printed). The same
     * {@code idempotencyKey} after an unanswered attempt returns the ticket already issued.
     */
    Issued issue(long serviceId, String phone, String language, String idempotencyKey) throws Exception;

    /**
     * Tells the server how the printer did on the last attempt ({@code ok}, {@code offline}, {@code paper_out}
     * or {@code failed}), so reception sees printer trouble. Best-effort; a backend without it does nothing.
     */
    default void reportPrinter(PrinterStatusRequest status) throws Exception {
    }

    record Setup(SiteDto site, List<ServiceDto> services) {
        public Setup {
            services = List.copyOf(services);
        }
    }

    /**
     * An issued ticket with what the patient should know: people ahead and the wait range (null when
     * unknown), and the status page link for the QR code (null when the server has none).
     */
    record Issued(TicketDto ticket, Integer peopleAhead, Integer waitMinMinutes, Integer waitMaxMinutes,
                  String statusUrl) {
    }

    /**
     * Checks a patient in by booking code or phone number (one of them null) at the kiosk's site; the same
     * {@code idempotencyKey} after an unanswered attempt returns the same ticket. A backend without
     * appointments refuses.
     */
    default KioskCheckInDto checkIn(long siteId, String code, String phone, String idempotencyKey) throws Exception {
        throw new UnsupportedOperationException("This kiosk backend has no appointment check-in");
    }
}
