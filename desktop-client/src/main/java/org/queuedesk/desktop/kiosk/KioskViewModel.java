package org.queuedesk.desktop.kiosk;

import java.time.Clock;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.StaffPin;
import org.queuedesk.desktop.kiosk.print.TicketPrinter;

/**
 * The kiosk, one patient at a time, put together from its parts: the patient's {@link KioskFlow} (language,
 * service, delivery, phone, done, and the idle reset), the {@link KioskPrinting} of the ticket issued, the
 * staff's {@link StaffPin} (the display's too) and the {@link KioskTexts} in the patient's language. A failed
 * print is printed again from the ticket already issued; an unanswered issue is retried with the same
 * idempotency key; neither can ever give a second ticket. Never sees a control; lives on the UI thread, does
 * I/O through the background seam.
 */
public final class KioskViewModel {

    private final KioskTexts texts;
    private final StaffPin pinLock;
    private final KioskPrinting printing;
    private final KioskFlow flow;
    private final ObservableBooleanValue outage;

    /**
     * @param outage true while the server does not answer (the connection banner's condition)
     * @param onExit leaves kiosk mode once staff typed the PIN
     */
    public KioskViewModel(BackgroundExecutor background, KioskBackend backend, TicketPrinter printer,
                          KioskTimers timers, KioskSettings settings, Function<Locale, ResourceBundle> bundles,
                          Clock clock, ObservableBooleanValue outage, Runnable onExit) {
        this.outage = outage;
        this.texts = new KioskTexts(bundles, settings.languages());
        // the parts reach the flow only once it exists: none of them calls back while being made
        this.pinLock = new StaffPin(settings.pin(), clock, texts::messages, () -> {
            flow().stop();
            onExit.run();
        }, this::touched);
        this.printing = new KioskPrinting(background, printer, backend, texts, clock, this::touched);
        this.flow = new KioskFlow(background, backend, printing, timers, settings, texts,
                () -> pinLock.openProperty().get(), () -> {
                    printing.clear();
                    pinLock.close();
                });
        // a server that comes back recovers the kiosk by itself: read the services it could not read before
        outage.addListener((o, was, now) -> {
            if (!now && !flow.loadedProperty().get()) {
                flow.load();
            }
        });
    }

    /** Reads the site and its services; the kiosk shows the outage notice until this works. */
    public void load() {
        flow.load();
    }

    /** Any touch or key: the idle timer starts again. */
    public void touched() {
        flow.touched();
    }

    /** Back to the language screen with nothing of the last patient left on it. */
    public void reset() {
        flow.reset();
    }

    /** Leaving the kiosk (after the PIN, or when the app closes): no timer fires afterwards. */
    public void stop() {
        flow.stop();
    }

    public KioskFlow flow() {
        return flow;
    }

    public KioskPrinting printing() {
        return printing;
    }

    public StaffPin pinLock() {
        return pinLock;
    }

    public KioskTexts texts() {
        return texts;
    }

    public ObservableBooleanValue outageProperty() {
        return outage;
    }
}
