package org.queuedesk.desktop.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.queuedesk.desktop.ground.Mode;
import org.queuedesk.desktop.ground.Theme;

class StartViewModelTest {

    private final ResourceBundle messages = Theme.messages(Locale.ENGLISH);
    private final List<Mode> opened = new ArrayList<>();

    @Test
    void receptionAndDoctorOpenTheirDesks() {
        var viewModel = new StartViewModel(List.of(Mode.values()), opened::add, messages);

        viewModel.choose(Mode.DOCTOR);

        assertThat(opened).containsExactly(Mode.DOCTOR);
    }

    @Test
    void kioskAndDisplayOpenTheirScreens() {
        var viewModel = new StartViewModel(List.of(Mode.values()), opened::add, messages);

        viewModel.choose(Mode.KIOSK);
        viewModel.choose(Mode.DISPLAY);

        assertThat(opened).containsExactly(Mode.KIOSK, Mode.DISPLAY);
    }

    @Test
    void aModeTheRolesDoNotAllowCannotBeOpened() {
        var viewModel = new StartViewModel(List.of(Mode.RECEPTION), opened::add, messages);

        viewModel.choose(Mode.DOCTOR);

        assertThat(opened).isEmpty();
        assertThat(viewModel.allows(Mode.DOCTOR)).isFalse();
    }
}
