package org.queuedesk.desktop.alert;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.queuedesk.common.alert.AlertTier;

/** Each tier's banner text reads at WCAG 2.1 AA: a contrast ratio of at least 4.5:1 (success criterion 1.4.3). */
class AlertColoursTest {

    @ParameterizedTest
    @EnumSource(AlertTier.class)
    void theTextOnEachTiersColourMeetsWcagAa(AlertTier tier) {
        double ratio = contrast(AlertColours.text(tier), AlertColours.background(tier));
        assertThat(ratio).as("%s contrast", tier).isGreaterThanOrEqualTo(4.5);
    }

    /** WCAG 2.1's definitions of relative luminance and contrast ratio. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double s) {
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
