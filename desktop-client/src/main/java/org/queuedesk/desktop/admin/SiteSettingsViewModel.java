package org.queuedesk.desktop.admin;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.queuedesk.common.appointment.AppointmentSettingsDto;
import org.queuedesk.common.notify.SmsSiteSettingsDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.site.SiteSettingsDto;
import org.queuedesk.common.site.SiteSettingsRequest;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * The site's settings: its time zone, the phone region of numbers typed without a country code and how many
 * days it keeps personal data ({@code settings}; empty: the server's), the default language of its texts
 * ({@code sms-settings}), and the appointments' grace period. The server refuses a new time zone while tickets
 * are open; its answer shows under the field.
 */
public final class SiteSettingsViewModel {

    /** The languages the server accepts for texts; blank: the server's default. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("", "en", "es", "ar");

    private final QueueDeskClient client;
    private final Supplier<SiteDto> site;
    private final ResourceBundle messages;
    final StringProperty timeZone = new SimpleStringProperty(this, "timeZone", "");
    final StringProperty phoneRegion = new SimpleStringProperty(this, "phoneRegion", "");
    final ObjectProperty<String> language = new SimpleObjectProperty<>(this, "language", "");
    final StringProperty graceMinutes = new SimpleStringProperty(this, "graceMinutes", "");
    final StringProperty retentionDays = new SimpleStringProperty(this, "retentionDays", "");
    private final StringProperty retentionHint = new SimpleStringProperty(this, "retentionHint", "");
    private final FormState form;

    public SiteSettingsViewModel(QueueDeskClient client, BackgroundExecutor background, Supplier<SiteDto> site,
                                 ResourceBundle messages) {
        this.client = client;
        this.site = site;
        this.messages = messages;
        this.form = new FormState(background, messages, "timeZone", "phoneRegion", "language",
                "graceMinutes", "retentionDays");
    }

    private record Loaded(SiteSettingsDto site, SmsSiteSettingsDto sms, AppointmentSettingsDto appointments) {
    }

    public void load() {
        SiteDto current = site.get();
        timeZone.set(current.timeZone());
        form.run(() -> new Loaded(client.siteSettings(current.id()), client.smsSettings(current.id()),
                client.appointmentSettings(current.id())), loaded -> {
            show(loaded.site());
            language.set(loaded.sms().language() == null ? "" : loaded.sms().language());
            graceMinutes.set(Numbers.text(loaded.appointments().graceMinutes()).orElse(""));
        });
    }

    /** Saves the site's own settings first (a refused time zone stops there), then its texts' and appointments'. */
    public void save() {
        for (String[] number : new String[][] {{"retentionDays", retentionDays.get()}, {"graceMinutes", graceMinutes.get()}}) {
            if (!Numbers.isNumberOrBlank(number[1])) {
                form.fieldProblem(number[0], messages.getString("admin.notANumber"));
                return;
            }
        }
        SiteDto current = site.get();
        var settings = new SiteSettingsRequest(timeZone.get(), phoneRegion.get(), Numbers.orNull(retentionDays.get()));
        var appointments = new AppointmentSettingsDto(Numbers.orNull(graceMinutes.get()));
        form.run(() -> {
            SiteSettingsDto saved = client.setSiteSettings(current.id(), settings);
            var sms = new SmsSiteSettingsDto(current.id(), saved.phoneRegion(), language.get());
            return new Loaded(saved, client.setSmsSettings(current.id(), sms),
                    client.setAppointmentSettings(current.id(), appointments));
        }, saved -> {
            show(saved.site());
            form.succeeded(MessageFormat.format(messages.getString("admin.saved"), current.name()));
        });
    }

    private void show(SiteSettingsDto settings) {
        timeZone.set(settings.timeZone());
        phoneRegion.set(settings.phoneRegion() == null ? "" : settings.phoneRegion());
        retentionDays.set(Numbers.text(settings.retentionDays()).orElse(""));
        // the server's default, read from its answer: the desk does not know the flag
        int serverDays = settings.retentionDays() == null ? settings.effectiveRetentionDays() : -1;
        retentionHint.set(serverDays < 0 ? "" : MessageFormat.format(messages.getString("admin.settings.retentionHint"),
                String.valueOf(serverDays)));
    }

    /** What an empty retention means, once the server said it; empty while the site has days of its own. */
    public StringProperty retentionHintProperty() {
        return retentionHint;
    }

    FormState form() {
        return form;
    }
}
