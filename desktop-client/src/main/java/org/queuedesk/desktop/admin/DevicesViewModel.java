package org.queuedesk.desktop.admin;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.auth.DeviceDto;
import org.queuedesk.common.auth.RegisterDeviceRequest;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * Kiosks and displays: register one at the site and show its token once (the server keeps only a hash, README
 * "Devices"), as text and as a QR code to scan at the device; once dismissed it is gone from this screen too.
 * Revoking takes effect at once on the server, so it is asked first.
 */
public final class DevicesViewModel {

    public static final String KIOSK = "kiosk";
    public static final String DISPLAY = "display";

    private final QueueDeskClient client;
    private final LongSupplier siteId;
    private final ResourceBundle messages;
    private final ObservableList<DeviceDto> devices = FXCollections.observableArrayList();
    private final ObjectProperty<DeviceDto> selected = new SimpleObjectProperty<>(this, "selected");
    private final FormState list;
    final StringProperty name = new SimpleStringProperty(this, "name", "");
    final ObjectProperty<String> kind = new SimpleObjectProperty<>(this, "kind", KIOSK);
    private final FormState register;
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final StringProperty tokenFor = new SimpleStringProperty(this, "tokenFor", "");
    private final BooleanProperty confirmingRevoke = new SimpleBooleanProperty(this, "confirmingRevoke", false);

    public DevicesViewModel(QueueDeskClient client, BackgroundExecutor background, LongSupplier siteId,
                            ResourceBundle messages) {
        this.client = client;
        this.siteId = siteId;
        this.messages = messages;
        this.list = new FormState(background, messages);
        this.register = new FormState(background, messages, "name", "kind", "siteId");
        selected.addListener((o, before, now) -> confirmingRevoke.set(false));
    }

    public void load() {
        list.run(client::devices, devices::setAll);
    }

    public void register() {
        var request = new RegisterDeviceRequest(siteId.getAsLong(), name.get(), kind.get());
        register.run(() -> client.registerDevice(request), registered -> {
            devices.add(registered.device());
            token.set(registered.token());
            tokenFor.set(MessageFormat.format(messages.getString("admin.devices.tokenFor"), registered.device().name()));
            register.succeeded(MessageFormat.format(messages.getString("admin.devices.registered"),
                    registered.device().name()));
            name.set("");
        });
    }

    /** The token was copied or scanned: forget it (nobody can show it again; revoke and register anew if lost). */
    public void dismissToken() {
        token.set("");
        tokenFor.set("");
    }

    public void revoke() {
        DeviceDto device = selected.get();
        if (device != null && device.revokedAt() == null) {
            confirmingRevoke.set(true);
        }
    }

    public void confirmRevoke() {
        DeviceDto device = selected.get();
        if (!confirmingRevoke.get() || device == null) {
            return;
        }
        confirmingRevoke.set(false);
        list.run(() -> client.revokeDevice(device.id()), revoked -> {
            devices.replaceAll(d -> d.id() == revoked.id() ? revoked : d);
            selected.set(revoked);
            list.succeeded(MessageFormat.format(messages.getString("admin.devices.revoked"), revoked.name()));
        });
    }

    public void cancelRevoke() {
        confirmingRevoke.set(false);
    }

    String kindText(DeviceDto device) {
        return messages.getString("admin.devices.kind." + device.kind());
    }

    public ObservableList<DeviceDto> devices() {
        return devices;
    }

    public ObjectProperty<DeviceDto> selectedProperty() {
        return selected;
    }

    /** The new device's token while it is on show; empty otherwise. */
    public ReadOnlyStringProperty tokenProperty() {
        return token;
    }

    ReadOnlyStringProperty tokenForProperty() {
        return tokenFor;
    }

    public BooleanProperty confirmingRevokeProperty() {
        return confirmingRevoke;
    }

    FormState listForm() {
        return list;
    }

    FormState registerForm() {
        return register;
    }
}
