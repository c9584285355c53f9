package org.queuedesk.desktop.login;

import org.queuedesk.desktop.api.QueueDeskClient;

/** A server that accepted us, and who we are there. */
public record SignInResult(QueueDeskClient client, SignedInUser user) {
}
