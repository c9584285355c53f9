package org.queuedesk.server.device;

import io.javalin.http.Context;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.server.ground.AccessCheck;
import org.queuedesk.server.ground.Requests;

/** HTTP for kiosk printer states; the work is in {@link PrinterStatuses}. */
public final class PrinterController {

    private final PrinterStatuses printers;

    public PrinterController(PrinterStatuses printers) {
        this.printers = printers;
    }

    public void report(Context ctx) {
        ctx.json(printers.report(AccessCheck.principal(ctx), Requests.body(ctx, PrinterStatusRequest.class)));
    }

    public void atSite(Context ctx) {
        ctx.json(printers.atSite(Requests.id(ctx, "siteId")));
    }
}
