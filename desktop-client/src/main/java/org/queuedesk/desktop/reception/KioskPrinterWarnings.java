package org.queuedesk.desktop.reception;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.queuedesk.common.auth.DevicePrinterDto;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.common.event.PrinterEvent;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;

/**
 * The kiosks' printer trouble as reception sees it: the current states read with each snapshot, then every
 * change as it happens, one line per kiosk that cannot print until it prints again.
 */
final class KioskPrinterWarnings {

    private static final Logger LOG = Logger.getLogger(KioskPrinterWarnings.class.getName());
    private static final Set<String> PRINTER_STATES = Set.of(PrinterStatusRequest.OFFLINE,
            PrinterStatusRequest.PAPER_OUT, PrinterStatusRequest.FAILED);

    private final LiveSite live;
    private final BackgroundExecutor background;
    private final TicketText text;
    private final Map<Long, DevicePrinterDto> printers = new HashMap<>();
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");

    KioskPrinterWarnings(LiveSite live, BackgroundExecutor background, TicketText text) {
        this.live = live;
        this.background = background;
        this.text = text;
        live.onEvent(event -> {
            if (event instanceof PrinterEvent change) {
                take(change.printer());
                show();
            }
        });
        live.onSnapshot(now -> read());
        read();
    }

    private void read() {
        var snapshot = live.snapshot();
        if (snapshot == null) {
            return;
        }
        QueueDeskClient client = live.client();
        long siteId = snapshot.site().id();
        background.run(() -> client.kioskPrinters(siteId), list -> {
            list.forEach(this::take);
            show();
        }, error -> LOG.log(Level.INFO, "Cannot read the kiosks' printers", error));
    }

    /** The newer of what is known and what arrived: a list read slowly must not undo a later event. */
    private void take(DevicePrinterDto printer) {
        DevicePrinterDto known = printers.get(printer.deviceId());
        if (known == null || known.at() == null || printer.at() == null || !printer.at().isBefore(known.at())) {
            printers.put(printer.deviceId(), printer);
        }
    }

    private void show() {
        warning.set(printers.values().stream()
                .filter(p -> !PrinterStatusRequest.OK.equals(p.state()))
                .sorted(Comparator.comparing(DevicePrinterDto::deviceName))
                .map(p -> text.format(PRINTER_STATES.contains(p.state()) ? "reception.printer." + p.state()
                        : "reception.printer.failed", p.deviceName()))
                .collect(Collectors.joining("\n")));
    }

    /** One line per kiosk whose printer is in trouble ("Kiosk 'Lobby': out of paper"); empty when all print. */
    ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }
}
