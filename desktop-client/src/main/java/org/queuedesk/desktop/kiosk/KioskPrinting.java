package org.queuedesk.desktop.kiosk;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.kiosk.print.PrintedTicket;
import org.queuedesk.desktop.kiosk.print.PrinterProblem;
import org.queuedesk.desktop.kiosk.print.TicketPrinter;

/**
 * The kiosk's printer: prints the ticket already issued (again after a problem, never another one), says what
 * went wrong in the patient's language, and tells reception how the printer did after each print.
 */
public final class KioskPrinting {

    private static final Logger LOG = Logger.getLogger(KioskPrinting.class.getName());

    private final BackgroundExecutor background;
    private final TicketPrinter printer;
    private final KioskBackend backend;
    private final KioskTexts texts;
    private final Clock clock;
    private final Runnable touched;

    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper printing = new ReadOnlyBooleanWrapper(this, "printing", false);
    private final BooleanBinding canRetry;
    private Job job;

    /** One ticket on paper and what to do once it printed, or did not. */
    private record Job(PrintedTicket paper, Runnable printed, Runnable notPrinted) {
    }

    KioskPrinting(BackgroundExecutor background, TicketPrinter printer, KioskBackend backend, KioskTexts texts,
                  Clock clock, Runnable touched) {
        this.background = background;
        this.printer = printer;
        this.backend = backend;
        this.texts = texts;
        this.clock = clock;
        this.touched = touched;
        this.canRetry = Bindings.createBooleanBinding(() -> !problem.get().isEmpty() && !printing.get(),
                problem, printing);
    }

    /** Prints {@code paper}; {@code printed} or {@code notPrinted} runs once the printer answered. */
    void print(PrintedTicket paper, Runnable printed, Runnable notPrinted) {
        if (!printing.get()) {
            job = new Job(paper, printed, notPrinted);
        }
        retry();
    }

    /** Prints the ticket of the last print again, after a printer problem: never issues another. */
    public void retry() {
        touched.run();
        Job now = job;
        if (now == null || printing.get()) {
            return;
        }
        printing.set(true);
        problem.set("");
        background.run(() -> {
            printer.print(now.paper());
            return Boolean.TRUE;
        }, ok -> {
            printing.set(false);
            now.printed().run();
            report(PrinterStatusRequest.OK, null);
        }, failure -> {
            printing.set(false);
            LOG.log(Level.WARNING, "Kiosk printer problem", failure);
            PrinterProblem.Kind kind = failure instanceof PrinterProblem p ? p.kind() : PrinterProblem.Kind.FAILED;
            problem.set(texts.text("kiosk.print." + kind.name().toLowerCase(Locale.ROOT)));
            now.notPrinted().run();
            report(kind.name().toLowerCase(Locale.ROOT), failure.getMessage());
        });
    }

    /** Tells reception how the printer did; best-effort: a report that fails never reaches the patient. */
    private void report(String state, String detail) {
        var status = new PrinterStatusRequest(state, detail);
        background.run(() -> {
            backend.reportPrinter(status);
            return Boolean.TRUE;
        }, reported -> { }, failure -> LOG.log(Level.INFO, "Kiosk could not report its printer (" + state + ")", failure));
    }

    /** The ticket on paper: the site's name and local time, in the patient's language and direction. */
    PrintedTicket paper(KioskBackend.Setup setup, KioskBackend.Issued ticket, String serviceName, String peopleAhead) {
        ZoneId zone = setup == null || setup.site().timeZone() == null ? clock.getZone() : ZoneId.of(setup.site().timeZone());
        String time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(texts.languageProperty().get()).withZone(zone)
                .format(ticket.ticket().issuedAt() == null ? clock.instant() : ticket.ticket().issuedAt());
        return new PrintedTicket(setup == null ? "" : setup.site().name(), ticket.ticket().number(), serviceName,
                time, peopleAhead, texts.text("kiosk.ticket.footer"), ticket.statusUrl(), texts.isRightToLeft());
    }

    /** The next patient starts with nothing of the last one's print. */
    void clear() {
        job = null;
        problem.set("");
    }

    boolean isPrinting() {
        return printing.get();
    }

    public boolean available() {
        return printer.available();
    }

    /** What went wrong with the last print, in the patient's words; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canRetryProperty() {
        return canRetry;
    }
}
