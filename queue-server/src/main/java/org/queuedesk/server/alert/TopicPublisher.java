package org.queuedesk.server.alert;

/** Where critical alerts go for the manager on call: an SNS topic, or nowhere when none is configured. */
public interface TopicPublisher extends AutoCloseable {

    /** A publisher for a server without a topic: nothing is written to the notification outbox. */
    TopicPublisher NONE = new TopicPublisher() {
        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public String publish(String subject, String message) {
            throw new IllegalStateException("no alert topic configured");
        }
    };

    boolean configured();

    /** Publishes and returns the provider's message id; throws when it was not taken (the outbox retries). */
    String publish(String subject, String message) throws Exception;

    @Override
    default void close() {
    }
}
