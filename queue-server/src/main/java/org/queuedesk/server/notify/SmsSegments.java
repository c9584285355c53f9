package org.queuedesk.server.notify;

/**
 * How many SMS a text takes: GSM-7 when every character is in the GSM 03.38 alphabet (160 a message, 153 per
 * part when split; the extension characters count twice), else UCS-2 (70, then 67 per part, counted in
 * UTF-16 units).
 */
public final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    /**
     * The text with each letter outside GSM-7 replaced by its unaccented letter when that one is in GSM-7 (á → a,
     * ó → o; é, ñ, ü stay, they are GSM-7); anything else is left as it is.
     */
    public static String withoutNonGsmAccents(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0) {
                out.append(c);
                continue;
            }
            String plain = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            out.append(!plain.isEmpty() && isGsm7(plain) ? plain : String.valueOf(c));
        }
        return out.toString();
    }

    public static int count(String text) {
        if (text.isEmpty()) {
            return 1;
        }
        if (isGsm7(text)) {
            int units = text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
            return units <= 160 ? 1 : (units + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }

    public static String encoding(String text) {
        return isGsm7(text) ? "GSM-7" : "UCS-2";
    }
}
