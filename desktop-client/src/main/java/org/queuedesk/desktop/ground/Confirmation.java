package org.queuedesk.desktop.ground;

/**
 * A question asked before an action that cannot be taken back (or not easily): shown over the screen, and
 * {@code onConfirm} runs only when the user picks {@code confirmLabel}. Everything else keeps things as they are.
 */
public record Confirmation(String title, String message, String confirmLabel, String keepLabel, Runnable onConfirm) {
}
