package org.queuedesk.server.device;

import java.time.Clock;
import java.util.List;
import org.queuedesk.common.auth.DevicePrinterDto;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.common.event.EventPayload.PrinterChange;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.site.SiteService;

/**
 * Kiosk printer trouble: a kiosk reports its printer after each print attempt; the state is kept
 * per kiosk and a change of state is a {@code device.printer} event, so reception sees "out of paper" at
 * once and a receptionist who starts later reads the current states. A kiosk that never reported counts as
 * ok, so its first "ok" is no news.
 */
public final class PrinterStatuses {

    private static final int MAX_DETAIL = 200;

    private final Database db;
    private final EventLog events;
    private final SiteService sites;
    private final Clock clock;

    public PrinterStatuses(Database db, EventLog events, SiteService sites, Clock clock) {
        this.db = db;
        this.events = events;
        this.sites = sites;
        this.clock = clock;
    }

    public DevicePrinterDto report(Principal kiosk, PrinterStatusRequest request) {
        if (!kiosk.device() || kiosk.deviceId() == null || kiosk.siteId() == null) {
            throw ApiProblem.forbidden("Only a kiosk signed in with its device token reports its printer.");
        }
        PrinterStatusValidator.validate(request);
        String state = request.state().strip();
        String detail = request.detail() == null || request.detail().isBlank() ? null : request.detail().strip();
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL);
        }
        long deviceId = kiosk.deviceId();
        String storedDetail = detail;
        return db.write(tx -> {
            var dao = tx.attach(PrinterStatusDao.class);
            String before = dao.printer(deviceId).map(DevicePrinterDto::state).orElse(PrinterStatusRequest.OK);
            dao.store(deviceId, state, storedDetail, clock.instant());
            DevicePrinterDto now = dao.printer(deviceId).orElseThrow();
            if (!before.equals(state)) {
                events.append(tx, kiosk.siteId(), kiosk.name(), new PrinterChange(now));
            }
            return now;
        });
    }

    /** The printers of a site's kiosks as last reported (kiosks that never reported are not listed). */
    public List<DevicePrinterDto> atSite(long siteId) {
        sites.site(siteId); // 404 for a site that does not exist
        return db.read(h -> h.attach(PrinterStatusDao.class).printersAt(siteId));
    }
}
