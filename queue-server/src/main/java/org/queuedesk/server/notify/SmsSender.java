package org.queuedesk.server.notify;

/**
 * Where text messages go: Amazon SNS ({@link SnsSmsSender}) or the log ({@link LogSmsSender}). Called only by
 * the {@link SmsDispatcher}'s thread, never inside a transaction.
 */
public interface SmsSender extends AutoCloseable {

    /** Sends one message and returns the provider's message id (null when nothing really leaves). */
    String send(String phone, String body) throws SmsFailure;

    /** Whether the provider's opt-out list has this number. */
    boolean isOptedOut(String phone) throws SmsFailure;

    /** True when messages only go to the log: they end "logged" rather than "sent". */
    default boolean logsOnly() {
        return false;
    }

    @Override
    default void close() {
    }
}
