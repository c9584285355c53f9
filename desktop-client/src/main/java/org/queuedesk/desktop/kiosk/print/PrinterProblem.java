package org.queuedesk.desktop.kiosk.print;

/** The printer did not print; {@link Kind} decides what the kiosk tells the patient. */
public final class PrinterProblem extends Exception {

    public enum Kind {
        /** No printer set up, or it does not answer. */
        OFFLINE,
        /** The printer says its paper roll is empty. */
        PAPER_OUT,
        /** Anything else: the job was refused or broke off. */
        FAILED
    }

    private final Kind kind;

    public PrinterProblem(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public PrinterProblem(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
