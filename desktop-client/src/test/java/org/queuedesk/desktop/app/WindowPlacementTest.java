package org.queuedesk.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The desk once opened at about 1022×615 even on a 1920 screen. */
class WindowPlacementTest {

    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1040);
    private static final Rectangle2D SECOND = new Rectangle2D(1920, 0, 2560, 1400);

    @Test
    void theFirstRunOpensMaximisedOnThePrimaryScreen() {
        WindowPlacement place = WindowPlacement.choose(Optional.empty(), List.of(FULL_HD));

        assertThat(place).isEqualTo(new WindowPlacement(0, 0, 1920, 1040, true));
    }

    @Test
    void theLastSizeAndPlaceComeBackWhileTheyFitOnAScreen() {
        var left = new WindowPlacement(2000, 100, 1600, 1000, false);

        assertThat(WindowPlacement.choose(Optional.of(left), List.of(FULL_HD, SECOND))).isEqualTo(left);
        // the second monitor is gone: maximised on the one that is left rather than off screen
        assertThat(WindowPlacement.choose(Optional.of(left), List.of(FULL_HD)).maximized()).isTrue();
    }

    @Test
    void aRememberedWindowTooSmallForTheDeskIsNotRestored() {
        var tiny = new WindowPlacement(10, 10, 1022, 615, false);

        assertThat(WindowPlacement.choose(Optional.of(tiny), List.of(FULL_HD)))
                .isEqualTo(new WindowPlacement(0, 0, 1920, 1040, true));
    }

    @Test
    void whatIsStoredReadsBackAndGarbageReadsAsNothing() {
        var place = new WindowPlacement(-8, 12, 1600, 900, true);

        assertThat(WindowPlacement.decode(place.encode())).contains(place);
        assertThat(WindowPlacement.decode("1,2,three,4,true")).isEmpty();
        assertThat(WindowPlacement.decode(null)).isEmpty();
    }
}
