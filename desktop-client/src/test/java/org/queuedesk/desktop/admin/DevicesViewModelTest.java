package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.DeviceDto;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.QueueDeskClient;

/** README "Devices": the token is given once, the server keeps a hash; a revoked device is refused at once. */
class DevicesViewModelTest {

    private static final AdminServer SERVER = new AdminServer();
    private DevicesViewModel devices;

    @BeforeEach
    void open() {
        devices = new DevicesViewModel(SERVER.admin, SERVER.background, SERVER::siteId, SERVER.messages);
        devices.load();
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void registersAKioskAndShowsItsWorkingTokenUntilDismissed() throws Exception {
        devices.name.set("Entrance kiosk");
        devices.kind.set(DevicesViewModel.KIOSK);
        devices.register();

        String token = devices.tokenProperty().get();
        assertThat(token).startsWith("qdd_");
        assertThat(asDevice(token).me().roles()).containsExactly(Role.KIOSK);
        assertThat(devices.devices()).extracting(DeviceDto::name).contains("Entrance kiosk");
        assertThat(SERVER.admin.devices()).extracting(DeviceDto::name).contains("Entrance kiosk");

        devices.dismissToken();
        assertThat(devices.tokenProperty().get()).isEmpty();
        devices.load();
        assertThat(devices.tokenProperty().get()).as("never shown again").isEmpty();
    }

    @Test
    void aNamelessDeviceIsRefusedUnderTheName() {
        devices.name.set("   ");
        devices.register();
        assertThat(devices.registerForm().error("name").get()).startsWith("give a name of 1 to 60 characters");
        assertThat(devices.tokenProperty().get()).isEmpty();
    }

    @Test
    void revokingAsksFirstThenTheDevicesTokenIsRefused() throws Exception {
        devices.name.set("Hall display");
        devices.kind.set(DevicesViewModel.DISPLAY);
        devices.register();
        var display = asDevice(devices.tokenProperty().get());
        DeviceDto hall = devices.devices().stream().filter(d -> d.name().equals("Hall display")).findFirst().orElseThrow();
        devices.selectedProperty().set(hall);

        devices.revoke();
        assertThat(devices.confirmingRevokeProperty().get()).isTrue();
        display.me(); // still works until confirmed
        devices.confirmRevoke();

        assertThat(devices.selectedProperty().get().revokedAt()).isNotNull();
        assertThatThrownBy(display::me).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    private static QueueDeskClient asDevice(String token) {
        QueueDeskClient device = SERVER.anonymous();
        device.tokens().store(new TokenResponse(token, null, 3600, "device", List.of()));
        return device;
    }
}
