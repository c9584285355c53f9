package org.queuedesk.server.notify;

import org.queuedesk.server.status.TicketTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.queuedesk.server.ground.LogRedaction;
import org.queuedesk.server.ground.PhoneNumbers;

/**
 * The embedded default: each message goes to the log (phone masked) and ends "logged" in the outbox, so
 * the whole flow can be seen without AWS. Message texts never contain a patient's name; the status link's
 * token is cut short in the log (it could cancel the ticket).
 */
public final class LogSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LogSmsSender.class);

    @Override
    public String send(String phone, String body) {
        log.info("SMS (log only, not sent) to {}: {}", PhoneNumbers.mask(phone), LogRedaction.statusLinks(body));
        return null;
    }

    @Override
    public boolean isOptedOut(String phone) {
        return false;
    }

    @Override
    public boolean logsOnly() {
        return true;
    }
}
