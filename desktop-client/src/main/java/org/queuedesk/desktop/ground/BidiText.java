package org.queuedesk.desktop.ground;

/**
 * Keeps a left-to-right run (a phone number, a ticket number) in its order inside right-to-left text:
 * in Arabic the bullets of "+34••••••456" are neutral and take the sentence's direction, so it read
 * ".654••••••34+". A LEFT-TO-RIGHT MARK on each side makes the digits and everything between them
 * left-to-right (Unicode bidi rules W7 and N1). Not the isolates U+2066…U+2069 nor the embeddings
 * U+202A…U+202C: JavaFX draws those as boxes with fonts such as DejaVu Sans.
 */
public final class BidiText {

    private static final char LRM = '\u200E';

    private BidiText() {
    }

    public static String leftToRight(String text) {
        return text == null || text.isEmpty() ? text : LRM + text + LRM;
    }
}
