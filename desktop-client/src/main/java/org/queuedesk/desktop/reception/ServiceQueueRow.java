package org.queuedesk.desktop.reception;

/**
 * One service as the reception sees it: its shortcut key, how many wait, the longest wait, and the server's
 * estimate for a patient joining now (point and range, or "not known" while no room serves it).
 */
public record ServiceQueueRow(long serviceId, String shortcut, String name, String prefix, int waiting,
                              String longestWait, int withDoctor, String waitIfJoiningNow) {
}
