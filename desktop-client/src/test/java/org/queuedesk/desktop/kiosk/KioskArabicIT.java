package org.queuedesk.desktop.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.desktop.app.DeviceOptions;
import org.queuedesk.desktop.ground.Mode;
import org.queuedesk.desktop.testing.CapturingEscPosPrinter;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.control.Button;
import java.text.Bidi;

/**
 * The kiosk in Arabic against a real server: a service shows the Arabic name an admin gave it, and
 * the masked phone number reads left to right ("+34••••••456") inside the Arabic sentence.
 */
@ExtendWith(ApplicationExtension.class)
class KioskArabicIT {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final String BLOOD_AR = "\u062a\u062d\u0627\u0644\u064a\u0644 \u0627\u0644\u062f\u0645";

    private final TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private final ShellHarness app = ShellHarness.against(server.baseUrl()).clock(CLOCK);
    private final CapturingEscPosPrinter printer = new CapturingEscPosPrinter();
    private Stage stage;
    private ShellHarness.OnScreen kiosk;

    KioskArabicIT() throws Exception {
    }

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        printer.close();
        server.close();
    }

    @Test
    void anArabicPatientSeesTheArabicServiceNameAndTheirMaskedNumberLeftToRight() throws Exception {
        Api admin = server.api().signedInAs("admin", "admin");
        var named = admin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/services/2/names"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"names\": {\"ar\": \"" + BLOOD_AR + "\"}}")));
        assertThat(named.status()).isEqualTo(200);
        kiosk = app.startDevice(stage, Mode.KIOSK, "qdd_demo-kiosk", new DeviceOptions("2468", printer.spec(), false,
                Locale.ENGLISH, Duration.ofSeconds(60), Duration.ofSeconds(30)), () -> { });

        kiosk.click("#language-ar");
        kiosk.waitFor("#service-B");
        assertThat(onFx(() -> ((Button) kiosk.lookup("#service-B")).getText()).call()).isEqualTo(BLOOD_AR);
        assertThat(onFx(() -> ((Button) kiosk.lookup("#service-A")).getText()).call()).as("no Arabic name: the default")
                .isEqualTo("General practice");
        Screenshots.save(kiosk.scene(), "kiosk-service-ar-names.png");

        kiosk.click("#service-B");
        kiosk.click("#textButton");
        for (char key : "+34600123456".toCharArray()) {
            kiosk.click(key == '+' ? "#key-plus" : "#key-" + key);
        }
        kiosk.click("#sendButton");
        kiosk.waitFor("#doneNumber");
        Label delivery = kiosk.lookup("#doneDelivery");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> delivery.getText().contains("456")));
        assertThat(onFx(() -> ((Label) kiosk.lookup("#doneService")).getText()).call()).isEqualTo(BLOOD_AR);
        Screenshots.save(kiosk.scene(), "kiosk-texted-ar.png");

        // the line as the Unicode bidi algorithm lays it out (java.text.Bidi, right-to-left paragraph)
        String line = onFx(delivery::getText).call();
        assertThat(visualOrder(line)).as("the number reads left to right: " + visualOrder(line))
                .contains("+34\u2022\u2022\u2022\u2022\u2022\u2022456");
    }

    /** The characters of a right-to-left line from left to right, as they are drawn. */
    static String visualOrder(String logical) {
        Bidi bidi = new Bidi(logical, Bidi.DIRECTION_RIGHT_TO_LEFT);
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        Object[] texts = new Object[runs];
        for (int i = 0; i < runs; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            String run = logical.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            texts[i] = levels[i] % 2 == 1 ? new StringBuilder(run).reverse().toString() : run;
        }
        Bidi.reorderVisually(levels, 0, texts, 0, runs);
        StringBuilder visual = new StringBuilder();
        for (Object text : texts) {
            visual.append(text);
        }
        return visual.toString().replace("\u200E", "");
    }
}
