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
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * The site's settings that have an API: the phone region of numbers typed without a country code and the
 * default language of its texts ({@code sms-settings}), and the appointments' grace period. The time zone shows
 * but does not edit (set when the site is created; no route changes it), and retention is a server option
 * ({@code --retention-days}), not a site setting.
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
    private final FormState form;

    public SiteSettingsViewModel(QueueDeskClient client, BackgroundExecutor background, Supplier<SiteDto> site,
                                 ResourceBundle messages) {
        this.client = client;
        this.site = site;
        this.messages = messages;
        this.form = new FormState(background, messages, "phoneRegion", "language", "graceMinutes");
    }

    private record Loaded(SmsSiteSettingsDto sms, AppointmentSettingsDto appointments) {
    }

    public void load() {
        SiteDto current = site.get();
        timeZone.set(current.timeZone());
        form.run(() -> new Loaded(client.smsSettings(current.id()), client.appointmentSettings(current.id())), loaded -> {
            phoneRegion.set(loaded.sms().phoneRegion() == null ? "" : loaded.sms().phoneRegion());
            language.set(loaded.sms().language() == null ? "" : loaded.sms().language());
            graceMinutes.set(Numbers.text(loaded.appointments().graceMinutes()).orElse(""));
        });
    }

    public void save() {
        if (!Numbers.isNumberOrBlank(graceMinutes.get())) {
            form.fieldProblem("graceMinutes", messages.getString("admin.notANumber"));
            return;
        }
        SiteDto current = site.get();
        var sms = new SmsSiteSettingsDto(current.id(), phoneRegion.get(), language.get());
        var appointments = new AppointmentSettingsDto(Numbers.orNull(graceMinutes.get()));
        form.run(() -> new Loaded(client.setSmsSettings(current.id(), sms),
                client.setAppointmentSettings(current.id(), appointments)), saved -> {
            phoneRegion.set(saved.sms().phoneRegion() == null ? "" : saved.sms().phoneRegion());
            form.succeeded(MessageFormat.format(messages.getString("admin.saved"), current.name()));
        });
    }

    FormState form() {
        return form;
    }
}
