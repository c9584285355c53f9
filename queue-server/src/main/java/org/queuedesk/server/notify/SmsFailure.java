package org.queuedesk.server.notify;
import org.queuedesk.server.ground.PhoneNumbers;

/**
 * A send or check that did not work. Retryable ones (throttling, 5xx, timeouts, dropped connections) are
 * tried again with backoff; the others fail the message at once. The reason is shown to staff, so it never
 * contains a full phone number.
 */
public final class SmsFailure extends Exception {

    private final boolean retryable;

    public SmsFailure(boolean retryable, String reason, Throwable cause) {
        super(PhoneNumbers.maskAll(reason), cause, false, false);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
