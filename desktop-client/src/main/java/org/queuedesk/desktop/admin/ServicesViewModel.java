package org.queuedesk.desktop.admin;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.notify.SmsTemplateDto;
import org.queuedesk.common.notify.SmsTemplateRequest;
import org.queuedesk.common.online.RemoteJoiningDto;
import org.queuedesk.common.online.RemoteJoiningRequest;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.ServiceSettingsRequest;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * Services of the site: create one (name, prefix, almost-turn position, names per language), and for the chosen
 * one set its prefix and almost-turn position (a new prefix numbers the tickets issued from then on), its names,
 * the minutes per patient its wait estimate assumes, remote joining, and its text messages per language and kind.
 */
public final class ServicesViewModel {

    private final QueueDeskClient client;
    private final LongSupplier siteId;
    private final ResourceBundle messages;
    private final ObservableList<ServiceDto> services = FXCollections.observableArrayList();
    private final ObjectProperty<ServiceDto> selected = new SimpleObjectProperty<>(this, "selected");
    private final FormState list;
    // a new service
    final StringProperty name = new SimpleStringProperty(this, "name", "");
    final StringProperty prefix = new SimpleStringProperty(this, "prefix", "");
    final StringProperty almostTurn = new SimpleStringProperty(this, "almostTurn", "");
    final Names names = new Names();
    private final FormState create;
    // the chosen service
    final StringProperty editPrefix = new SimpleStringProperty(this, "editPrefix", "");
    final StringProperty editAlmostTurn = new SimpleStringProperty(this, "editAlmostTurn", "");
    final Names editNames = new Names();
    final StringProperty defaultMinutes = new SimpleStringProperty(this, "defaultMinutes", "");
    final BooleanProperty remoteOpen = new SimpleBooleanProperty(this, "remoteOpen", false);
    final StringProperty opensAt = new SimpleStringProperty(this, "opensAt", "");
    final StringProperty closesAt = new SimpleStringProperty(this, "closesAt", "");
    final StringProperty maxWaiting = new SimpleStringProperty(this, "maxWaiting", "");
    private final FormState edit;
    // the chosen service's text messages, one language and kind at a time
    private final java.util.List<SmsTemplateDto> texts = new java.util.ArrayList<>();
    private final ObservableList<String> textKinds = FXCollections.observableArrayList();
    final ObjectProperty<String> textLanguage = new SimpleObjectProperty<>(this, "textLanguage", "en");
    final ObjectProperty<String> textKind = new SimpleObjectProperty<>(this, "textKind");
    final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty textIsDefault = new SimpleBooleanProperty(this, "textIsDefault", true);
    private final FormState sms;

    public ServicesViewModel(QueueDeskClient client, BackgroundExecutor background, LongSupplier siteId,
                             ResourceBundle messages) {
        this.client = client;
        this.siteId = siteId;
        this.messages = messages;
        this.list = new FormState(background, messages);
        this.create = new FormState(background, messages, "name", "prefix", "almostTurnPosition", "names");
        this.edit = new FormState(background, messages, "prefix", "almostTurnPosition", "names", "minutes", "open", "opensAt", "closesAt", "maxWaiting");
        this.sms = new FormState(background, messages, "language", "kind", "text");
        selected.addListener((o, before, now) -> showChosen(now));
        textLanguage.addListener((o, before, now) -> showText());
        textKind.addListener((o, before, now) -> showText());
    }

    public void load() {
        long site = siteId.getAsLong();
        list.run(() -> client.services(site), loaded -> {
            ServiceDto was = selected.get();
            services.setAll(loaded);
            selected.set(was == null ? null : loaded.stream().filter(s -> s.id() == was.id()).findFirst().orElse(null));
        });
    }

    public void create() {
        if (!Numbers.isNumberOrBlank(almostTurn.get())) {
            create.fieldProblem("almostTurnPosition", messages.getString("admin.notANumber"));
            return;
        }
        var request = new CreateServiceRequest(name.get(), prefix.get(), Numbers.orNull(almostTurn.get()),
                names.givenOrNull());
        long site = siteId.getAsLong();
        create.run(() -> client.createService(site, request), created -> {
            services.add(created);
            create.succeeded(MessageFormat.format(messages.getString("admin.services.created"), created.prefix(),
                    created.name()));
            name.set("");
            prefix.set("");
            almostTurn.set("");
            names.clear();
        });
    }

    /**
     * Saves the chosen service's prefix and almost-turn position (when changed), names, assumed minutes (when
     * typed) and remote joining, in that order.
     */
    public void saveChosen() {
        ServiceDto service = selected.get();
        if (service == null) {
            return;
        }
        for (String[] number : new String[][] {{"almostTurnPosition", editAlmostTurn.get()},
                {"minutes", defaultMinutes.get()}, {"maxWaiting", maxWaiting.get()}}) {
            if (!Numbers.isNumberOrBlank(number[1])) {
                edit.fieldProblem(number[0], messages.getString("admin.notANumber"));
                return;
            }
        }
        var namesRequest = editNames.toRequest();
        Integer minutes = Numbers.orNull(defaultMinutes.get());
        var joining = new RemoteJoiningRequest(remoteOpen.get(), blankToNull(opensAt.get()), blankToNull(closesAt.get()),
                Numbers.orNull(maxWaiting.get()));
        var settings = new ServiceSettingsRequest(editPrefix.get(), Numbers.orNull(editAlmostTurn.get()));
        boolean settingsChanged = !editPrefix.get().strip().equalsIgnoreCase(service.prefix())
                || !editAlmostTurn.get().strip().equals(String.valueOf(service.almostTurnPosition()));
        edit.run(() -> {
            if (settingsChanged) {
                client.setServiceSettings(service.id(), settings);
            }
            ServiceDto renamed = client.setServiceNames(service.id(), namesRequest);
            if (minutes != null) {
                client.setDefaultServiceMinutes(service.id(), minutes);
            }
            client.setRemoteJoining(service.id(), joining);
            return renamed;
        }, saved -> {
            services.replaceAll(s -> s.id() == saved.id() ? saved : s);
            selected.set(saved);
            edit.succeeded(MessageFormat.format(messages.getString("admin.saved"), saved.name()));
        });
    }

    private void showChosen(ServiceDto service) {
        edit.clear();
        defaultMinutes.set("");
        editPrefix.set(service == null ? "" : service.prefix());
        editAlmostTurn.set(service == null ? "" : String.valueOf(service.almostTurnPosition()));
        if (service == null) {
            editNames.clear();
            showJoining(null);
            texts.clear();
            text.set("");
            return;
        }
        editNames.show(service.names());
        edit.run(() -> client.remoteJoining(service.id()), this::showJoining);
        sms.run(() -> client.smsTexts(service.id()), loaded -> {
            texts.clear();
            texts.addAll(loaded);
            textKinds.setAll(loaded.stream().map(SmsTemplateDto::kind).distinct().toList());
            if (textKind.get() == null || !textKinds.contains(textKind.get())) {
                textKind.set(textKinds.isEmpty() ? null : textKinds.get(0));
            }
            showText();
        });
    }

    /** Saves the text on show for the chosen service, language and kind; empty: back to the default. */
    public void saveText() {
        ServiceDto service = selected.get();
        if (service == null) {
            return;
        }
        var request = new SmsTemplateRequest(textLanguage.get(), textKind.get(), text.get());
        sms.run(() -> client.setSmsText(service.id(), request), saved -> {
            texts.removeIf(t -> t.language().equals(saved.language()) && t.kind().equals(saved.kind()));
            texts.add(saved);
            showText();
            sms.succeeded(MessageFormat.format(messages.getString(saved.custom() ? "admin.services.textSaved"
                    : "admin.services.textDefault"), String.valueOf(saved.segments())));
        });
    }

    private void showText() {
        var shown = texts.stream().filter(t -> t.language().equals(textLanguage.get()) && t.kind().equals(textKind.get()))
                .findFirst();
        text.set(shown.map(SmsTemplateDto::text).orElse(""));
        textIsDefault.set(shown.map(t -> !t.custom()).orElse(true));
    }

    private void showJoining(RemoteJoiningDto joining) {
        remoteOpen.set(joining != null && joining.open());
        opensAt.set(joining == null || joining.opensAt() == null ? "" : joining.opensAt());
        closesAt.set(joining == null || joining.closesAt() == null ? "" : joining.closesAt());
        maxWaiting.set(joining == null ? "" : Numbers.text(joining.maxWaiting()).orElse(""));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public ObservableList<ServiceDto> services() {
        return services;
    }

    public ObjectProperty<ServiceDto> selectedProperty() {
        return selected;
    }

    FormState listForm() {
        return list;
    }

    FormState createForm() {
        return create;
    }

    FormState editForm() {
        return edit;
    }

    FormState textForm() {
        return sms;
    }

    public ObservableList<String> textKinds() {
        return textKinds;
    }

    /** Whether the text on show is the server's default (no text of the service's own). */
    public BooleanProperty textIsDefaultProperty() {
        return textIsDefault;
    }
}
