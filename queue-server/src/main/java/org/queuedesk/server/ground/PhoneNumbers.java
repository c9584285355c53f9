package org.queuedesk.server.ground;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers as patients and receptionists type them, read with libphonenumber: validated, stored in
 * E.164 ({@code +34600123456}) and masked ({@code +34******456}) everywhere but the ticket itself.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern SHAPE = Pattern.compile("\\+?[0-9 ()./-]{3,30}");
    /** Text that might be a phone number: a + (or %2B, URL-encoded) or a digit, then digits and typed separators. */
    private static final Pattern RUN = Pattern.compile("(?:\\+|%2[Bb])?[0-9][0-9 ().-]*");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{4}");
    /** Types that can never receive a text message. */
    private static final Set<PhoneNumberType> NOT_MOBILE = EnumSet.of(PhoneNumberType.FIXED_LINE,
            PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST,
            PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL, PhoneNumberType.PAGER);

    private PhoneNumbers() {
    }

    /** Refuses what cannot be a phone number at all; a number with a country code is checked in full. */
    public static void checkShape(String raw) {
        String typed = raw.strip();
        if (!SHAPE.matcher(typed).matches()) {
            boolean onlyAllowed = typed.matches("\\+?[0-9 ()./-]*");
            throw ApiProblem.invalidField("phone", onlyAllowed && typed.length() < 30
                    ? "is too short; type the whole number, e.g. +34 600 123 456."
                    : "use digits, spaces and an optional leading +, e.g. +34 600 123 456.");
        }
        if (typed.startsWith("+")) {
            toE164(typed, null);
        }
    }

    /**
     * The number in E.164. Without a leading + it is read in {@code region} (ISO 3166, e.g. {@code ES});
     * with no region it must carry its country code.
     */
    public static String toE164(String raw, String region) {
        String typed = raw.strip();
        if (!typed.startsWith("+") && (region == null || region.isBlank())) {
            throw ApiProblem.invalidField("phone", "type it with the country code, e.g. +34 600 123 456.");
        }
        try {
            var number = UTIL.parse(typed, typed.startsWith("+") ? null : region.toUpperCase(Locale.ROOT));
            if (!UTIL.isValidNumber(number)) {
                throw ApiProblem.invalidField("phone", "is not a valid phone number"
                        + (typed.startsWith("+") ? "." : " in " + region + "; check it or add the country code."));
            }
            if (NOT_MOBILE.contains(UTIL.getNumberType(number))) {
                throw ApiProblem.invalidField("phone", "is not a mobile number; text messages need a mobile phone.");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ApiProblem.invalidField("phone", "is not a phone number; use a format like +34 600 123 456.");
        }
    }

    public static boolean isRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
    }

    /** {@code +34600123456} → {@code +34******456}: enough for a receptionist to recognise, useless to anyone else. */
    public static String mask(String e164) {
        if (e164 == null) {
            return null;
        }
        if (e164.length() <= 6) {
            return "*".repeat(e164.length());
        }
        return e164.substring(0, 3) + "*".repeat(e164.length() - 6) + e164.substring(e164.length() - 3);
    }

    /**
     * Masks anything that looks like a phone number inside free text, such as a provider's error message: a
     * + and at least 7 digits always; a bare run of at least 7 digits unless it is an IPv4 address or a date,
     * or is glued to a word, URL, host:port, time or identifier (an IP, a port, an account id in an ARN).
     */
    public static String maskAll(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = RUN.matcher(text);
        var out = new StringBuilder();
        int copied = 0;
        while (m.find()) {
            int end = m.end();
            while (!Character.isDigit(text.charAt(end - 1))) {
                end--; // a trailing space, dot or bracket belongs to the sentence
            }
            String run = text.substring(m.start(), end);
            boolean plus = !Character.isDigit(run.charAt(0));
            String digits = (plus ? run.substring(run.charAt(0) == '+' ? 1 : 3) : run).replaceAll("[^0-9]", "");
            if (digits.length() < 7) {
                continue;
            }
            if (plus || !(IPV4.matcher(run).matches() || DATE.matcher(run).matches()
                    || glued(text, m.start() - 1, -1) || glued(text, end, 1))) {
                out.append(text, copied, m.start()).append(mask((plus ? "+" : "") + digits));
                copied = end;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Whether the character at {@code i} (next to a digit run, looking in {@code direction}) joins it to a token. */
    private static boolean glued(String text, int i, int direction) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c) || c == '_' || c == '/' || c == '@' || c == '\\') {
            return true;
        }
        int beyond = i + direction;
        return (c == ':' || c == '.' || c == '-') && beyond >= 0 && beyond < text.length()
                && Character.isLetterOrDigit(text.charAt(beyond));
    }
}
