package org.queuedesk.desktop.kiosk;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuedesk.common.appointment.KioskCheckInDto;
import org.queuedesk.common.appointment.KioskCheckInRequest;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.PatientStatus;
import org.queuedesk.desktop.api.QueueDeskClient;

/**
 * The kiosk over the real API, signed in with its device token. People ahead and the wait come from the
 * ticket's status page (the kiosk may not read the whole queue); if that part fails, the ticket is still
 * issued and shown, just without them.
 */
public final class ServerKioskBackend implements KioskBackend {

    private static final Logger LOG = Logger.getLogger(ServerKioskBackend.class.getName());
    private final QueueDeskClient client;

    public ServerKioskBackend(QueueDeskClient client) {
        this.client = client;
    }

    @Override
    public Setup load() throws Exception {
        ApiException refused = null;
        for (SiteDto site : client.sites()) {
            try {
                List<ServiceDto> services = client.services(site.id()).stream().filter(ServiceDto::active).toList();
                return new Setup(site, services);
            } catch (ApiException e) {
                if (e.status() != 403) {
                    throw e;
                }
                refused = e; // another site's: a device only sees its own
            }
        }
        throw refused != null ? refused : new IllegalStateException("The server has no site yet");
    }

    @Override
    public void reportPrinter(PrinterStatusRequest status) throws Exception {
        client.reportPrinter(status);
    }

    @Override
    public Issued issue(long serviceId, String phone, String language, String idempotencyKey) throws Exception {
        TicketDto ticket = client.issue(new IssueTicketRequest(serviceId, null, TicketSource.KIOSK, null, phone, null,
                language), idempotencyKey);
        try {
            Optional<StatusLinkDto> link = client.statusLink(ticket.id());
            if (link.isEmpty()) {
                return new Issued(ticket, null, null, null, null);
            }
            String url = link.get().url();
            PatientStatus status = client.patientStatus(url.substring(url.lastIndexOf('/') + 1));
            Integer ahead = status.position() == null ? null : Math.max(0, status.position() - 1);
            return new Issued(ticket, ahead, status.waitMinMinutes(), status.waitMaxMinutes(), url);
        } catch (Exception e) {
            LOG.log(Level.INFO, "Ticket " + ticket.number() + " issued; its status could not be read", e);
            return new Issued(ticket, null, null, null, null);
        }
    }

    @Override
    public KioskCheckInDto checkIn(long siteId, String code, String phone, String idempotencyKey) throws Exception {
        return client.kioskCheckIn(siteId, new KioskCheckInRequest(code, phone), idempotencyKey);
    }
}
