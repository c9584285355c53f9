package org.queuedesk.server.alert;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the alerts read from the features that own the data, declared here and wired by the assembly: which
 * services an open session serves (queue), how the site's text messages ended lately (notify), and the kiosks'
 * printers (device). Each reads on its own connection, never on the writer.
 */
public record AlertPorts(OpenSessions sessions, SmsOutcomes sms, Printers printers) {

    @FunctionalInterface
    public interface OpenSessions {
        /** The services that at least one open session (paused or not) of the site serves. */
        Set<Long> servedServices(long siteId);
    }

    /** Messages of a site that ended (sent or failed) since a time, and how many of them failed. */
    public record SmsCounts(int ended, int failed) {
    }

    @FunctionalInterface
    public interface SmsOutcomes {
        SmsCounts since(long siteId, Instant since);
    }

    /** A kiosk whose printer is not ok, and since when. */
    public record PrinterProblem(long deviceId, String deviceName, String state, Instant since) {
    }

    @FunctionalInterface
    public interface Printers {
        List<PrinterProblem> problems(long siteId);
    }
}
