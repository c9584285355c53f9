package org.queuedesk.desktop.kiosk.print;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The printer named by {@code --printer}: {@code system}, {@code none}, {@code tcp://host[:9100]} or a device file. */
public final class TicketPrinters {

    private TicketPrinters() {
    }

    public static TicketPrinter from(String spec) {
        String value = spec == null ? "system" : spec.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("system")) {
            return new SystemTicketPrinter();
        }
        if (lower.equals("none")) {
            return none();
        }
        if (lower.startsWith("tcp://")) {
            URI uri = URI.create(value);
            return EscPosTicketPrinter.tcp(uri.getHost(), uri.getPort() < 0 ? 9100 : uri.getPort(), Duration.ofSeconds(3));
        }
        if (lower.startsWith("file:")) {
            return EscPosTicketPrinter.deviceFile(Path.of(URI.create(value)));
        }
        return EscPosTicketPrinter.deviceFile(Path.of(value));
    }

    public static TicketPrinter none() {
        return new TicketPrinter() {
            @Override
            public void print(PrintedTicket ticket) throws PrinterProblem {
                throw new PrinterProblem(PrinterProblem.Kind.OFFLINE, "This kiosk has no printer");
            }

            @Override
            public boolean available() {
                return false;
            }
        };
    }
}
