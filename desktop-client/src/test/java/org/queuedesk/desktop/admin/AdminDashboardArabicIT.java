package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.NodeOrientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard in Arabic: right to left, Arabic captions, the same counts. Screenshot admin-dashboard-ar.png. */
@ExtendWith(ApplicationExtension.class)
class AdminDashboardArabicIT {

    private final AdminDesk desk = new AdminDesk(Locale.forLanguageTag("ar"));
    private ShellHarness.OnScreen admin;
    private Scene scene;

    @Start
    void start(Stage stage) {
        desk.show(stage);
        admin = desk.screen();
        scene = desk.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        desk.close();
    }

    @Test
    void theDashboardReadsRightToLeftWithTheSameCounts(FxRobot robot) throws Exception {
        ClinicDay.play(desk.server);
        desk.open();
        Label issued = admin.lookup("#dashboardIssued");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                onFx(() -> Integer.toString(ClinicDay.ISSUED).equals(issued.getText())));
        assertThat(onFx(() -> scene.getRoot().getEffectiveNodeOrientation()).call())
                .isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(onFx(() -> admin.<javafx.scene.chart.XYChart<?, ?>>lookup("#dashboardHours").getTitle()).call())
                .isEqualTo("\u0627\u0644\u0648\u0635\u0648\u0644 \u0648\u0627\u0644\u0646\u062f\u0627\u0621\u0627\u062a "
                        + "\u062d\u0633\u0628 \u0627\u0644\u0633\u0627\u0639\u0629");
        Screenshots.save(scene, "admin-dashboard-ar.png");
    }
}
