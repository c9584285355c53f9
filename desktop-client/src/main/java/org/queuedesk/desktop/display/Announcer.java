package org.queuedesk.desktop.display;

/** Tells the waiting room about a call: a chime, and optionally the call spoken aloud. Never blocks its caller. */
public interface Announcer extends AutoCloseable {

    void announce(String number, String room);

    @Override
    default void close() {
    }

    static Announcer silent() {
        return (number, room) -> { };
    }
}
