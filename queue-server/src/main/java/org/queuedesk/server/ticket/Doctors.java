package org.queuedesk.server.ticket;

import org.queuedesk.server.ground.WriteTransaction;

/**
 * Who a ticket can be assigned to: a user with the doctor role, by username (what a session's owner is
 * matched on). With Cognito the server keeps no user list, so any username is taken as given.
 */
@FunctionalInterface
public interface Doctors {

    Doctors ANY_USERNAME = (tx, username) -> true;

    boolean isDoctor(WriteTransaction tx, String username);
}
