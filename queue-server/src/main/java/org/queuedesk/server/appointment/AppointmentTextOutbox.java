package org.queuedesk.server.appointment;

import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * Where a booking's text messages go: the SMS outbox (notify), written in the booking's transaction so the message
 * exists exactly when the change does, and sent after commit. It may refuse the whole change with a 429 (the
 * same per-phone limit as tickets').
 */
@Port
@FunctionalInterface
public interface AppointmentTextOutbox {

    /** No text messages (a server wired without them). */
    AppointmentTextOutbox NONE = (tx, text) -> { };

    void write(WriteTransaction tx, AppointmentText text);
}
