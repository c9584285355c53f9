package org.queuedesk.server.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.queuedesk.server.appointment.AppointmentText;
import org.queuedesk.server.appointment.AppointmentTextKind;
import org.queuedesk.server.appointment.AppointmentTextOutbox;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.privacy.PhoneHasher;
import org.queuedesk.server.site.SiteDao;

/**
 * Writes a booking's text messages to the outbox, in the booking's transaction (README, "Appointments"): the
 * service's own text for the kind and language, else the default; the date in the message's language; opt-outs
 * as for tickets' messages; and the same per-phone daily limit, which refuses a booking with a 429.
 */
public final class AppointmentSms implements AppointmentTextOutbox {

    private final SmsSettings settings;
    private final SmsTemplates templates;
    private final Clock clock;
    private final Runnable wakeDispatcher;
    private final PhoneHasher phones;

    public AppointmentSms(SmsSettings settings, SmsTemplates templates, Clock clock, Runnable wakeDispatcher,
                          PhoneHasher phones) {
        this.settings = settings;
        this.templates = templates;
        this.clock = clock;
        this.wakeDispatcher = wakeDispatcher;
        this.phones = phones;
    }

    @Override
    public void write(WriteTransaction tx, AppointmentText text) {
        var dao = tx.attach(NotifyDao.class);
        var sites = tx.attach(SiteDao.class);
        var now = clock.instant();
        SmsKind kind = SmsKind.fromWire(text.kind().wireName());
        if (text.kind() == AppointmentTextKind.CONFIRMATION
                && dao.appointmentConfirmationsTo(text.phone(), now.minusSeconds(86_400)) >= settings.maxPerPhonePerDay()) {
            throw ApiProblem.tooManyRequests("This phone number already had " + settings.maxPerPhonePerDay()
                    + " bookings with text messages in the last 24 hours; book without a phone number, or ask the"
                    + " patient to call reception.");
        }
        String language = SmsTemplates.language(text.language(), sites.smsLanguage(text.siteId()).orElse("en"));
        String template = dao.customText(text.serviceId(), language, kind.wireName())
                .orElseGet(() -> templates.defaultText(language, kind));
        String site = sites.site(text.siteId()).orElseThrow().name();
        String place = text.roomId() == null ? site : sites.roomName(text.roomId(), language).orElse(site);
        Map<String, String> values = new HashMap<>();
        values.put("site", site);
        values.put("date", date(text.date(), language));
        values.put("time", text.localTime());
        values.put("doctor", text.doctor());
        values.put("place", place);
        values.put("code", text.code());
        String body = SmsTemplates.render(template, gsmFriendly(values, language));
        var optOut = dao.optOutSource(phones.hash(text.phone()));
        dao.insertForAppointment(text.appointmentId(), text.siteId(), text.serviceId(), kind.wireName(), text.phone(),
                language, body, optOut.isPresent() ? "opted_out" : "queued", now,
                optOut.map(SmsOutbox::optOutReason).orElse(null));
        if (optOut.isEmpty()) {
            tx.afterCommit(wakeDispatcher);
        }
    }

    /** "Thursday 26 March", "jueves 26 de marzo", "الخميس 26 مارس" (Latin digits, as the time). */
    static String date(LocalDate date, String language) {
        return switch (language) {
            case "es" -> DateTimeFormatter.ofPattern("EEEE d 'de' MMMM", Locale.forLanguageTag("es")).format(date);
            case "ar" -> DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.forLanguageTag("ar")).format(date);
            default -> DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH).format(date);
        };
    }

    /** The longest date in a language (for the worst-case length of a text). */
    static String longestDate(String language) {
        String longest = "";
        for (var day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            String text = date(day, language);
            if (text.length() > longest.length()) {
                longest = text;
            }
        }
        return longest;
    }

    /**
     * Values in a Latin-script message lose the accents GSM-7 lacks ("sábado", "Dra. López" → "sabado", "Dra.
     * Lopez"): one such letter would make the whole message UCS-2, 70 characters a part instead of 160. Arabic is
     * UCS-2 anyway and keeps everything.
     */
    private static Map<String, String> gsmFriendly(Map<String, String> values, String language) {
        if (language.equals("ar")) {
            return values;
        }
        var out = new HashMap<String, String>();
        values.forEach((key, value) -> out.put(key, value == null ? null : SmsSegments.withoutNonGsmAccents(value)));
        return out;
    }
}
