package org.queuedesk.desktop.reception;

/** One service as the reception sees it: its shortcut key, how many wait and the longest wait. */
public record ServiceQueueRow(long serviceId, String shortcut, String name, String prefix, int waiting,
                              String longestWait, int withDoctor) {
}
