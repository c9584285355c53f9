package org.queuedesk.server.ground;

/**
 * Where features record who did something sensitive (the audit log), in the change's own transaction:
 * reading a patient's full phone number, opening a session in someone else's name.
 */
@FunctionalInterface
public interface AuditTrail {

    void record(WriteTransaction tx, String actor, String action, String subject, String detail);
}
