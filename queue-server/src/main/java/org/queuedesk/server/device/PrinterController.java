package org.queuedesk.server.device;

import static org.queuedesk.server.ground.Roles.KIOSKS;
import static org.queuedesk.server.ground.Roles.STAFF;
import static org.queuedesk.server.ground.Routes.listOf;

import io.javalin.http.Context;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.server.ground.AccessCheck;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.common.auth.DevicePrinterDto;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/** HTTP for kiosk printer states; the work is in {@link PrinterStatuses}. */
public final class PrinterController implements RouteSource {

    private final PrinterStatuses printers;

    public PrinterController(PrinterStatuses printers) {
        this.printers = printers;
    }

    /**
     * Kiosk printer trouble: a kiosk reports its own printer after each print attempt; a change of
     * state is a {@code device.printer} event, and reception reads the current states when it starts.
     */
    @Override
    public void routes(Routes routes) {
        routes.post("/api/devices/me/printer", KIOSKS, "A kiosk reports its printer (ok, offline, paper_out, failed)",
                PrinterStatusRequest.class, DevicePrinterDto.class, this::report);
        routes.get("/api/sites/{siteId}/devices/printers", STAFF, "The printer state each kiosk of a site last reported",
                listOf(DevicePrinterDto.class), this::atSite);
    }

    public void report(Context ctx) {
        ctx.json(printers.report(AccessCheck.principal(ctx), Requests.body(ctx, PrinterStatusRequest.class)));
    }

    public void atSite(Context ctx) {
        ctx.json(printers.atSite(Requests.id(ctx, "siteId")));
    }
}
