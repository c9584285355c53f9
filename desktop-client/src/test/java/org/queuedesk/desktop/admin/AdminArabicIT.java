package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.NodeOrientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Admin mode in Arabic: the start screen offers it, its screens read right to left, the texts are Arabic. */
@ExtendWith(ApplicationExtension.class)
class AdminArabicIT {

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
    void theServicesScreenReadsRightToLeftAndShowsTheServersProblemByTheField(FxRobot robot) throws Exception {
        desk.signInToModes();
        Screenshots.save(scene, "admin-start-ar.png");
        desk.chooseAdmin(); // its first screen, the dashboard
        desk.openScreen("services");
        TableView<ServiceDto> table = admin.lookup("#servicesTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().size() == 3));
        assertThat(onFx(() -> scene.getRoot().getEffectiveNodeOrientation()).call())
                .isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(admin.text("#createServiceButton")).isEqualTo("\u0625\u0646\u0634\u0627\u0621 \u0627\u0644\u062e\u062f\u0645\u0629");

        TextField prefix = admin.lookup("#servicePrefix");
        WaitForAsyncUtils.asyncFx(() -> prefix.setText("\u0623")).get(5, TimeUnit.SECONDS); // an Arabic letter: not A-Z
        TextField name = admin.lookup("#serviceName");
        WaitForAsyncUtils.asyncFx(() -> name.setText("\u0627\u0644\u062c\u0644\u062f\u064a\u0629")).get(5, TimeUnit.SECONDS);
        admin.click("#createServiceButton");
        Label error = admin.lookup("#servicePrefixError");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> error.isVisible()
                && error.getText().equals("use one to three letters A-Z, e.g. 'A'.")));
        Screenshots.save(scene, "admin-services-ar.png");
    }
}
