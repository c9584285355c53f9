package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.site.SiteDto;

/** Expected messages from queue-server's validation/sms-site-settings.psv and appointment-settings.psv. */
class SiteSettingsViewModelTest {

    private static final AdminServer SERVER = new AdminServer();

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    private static SiteDto site() throws Exception {
        return SERVER.admin.sites().get(0);
    }

    private static SiteSettingsViewModel opened() throws Exception {
        SiteDto site = site();
        var settings = new SiteSettingsViewModel(SERVER.admin, SERVER.background, () -> site, SERVER.messages);
        settings.load();
        return settings;
    }

    @Test
    void showsTheSiteAndItsDefaultsThenSavesNewValues() throws Exception {
        var settings = opened();
        assertThat(settings.timeZone.get()).isEqualTo(site().timeZone());
        assertThat(settings.graceMinutes.get()).as("README: default 15").isEqualTo("15");

        settings.phoneRegion.set("ES");
        settings.language.set("es");
        settings.graceMinutes.set("20");
        settings.save();
        assertThat(settings.form().problemProperty().get()).isEmpty();

        var again = opened();
        assertThat(again.phoneRegion.get()).isEqualTo("ES");
        assertThat(again.language.get()).isEqualTo("es");
        assertThat(again.graceMinutes.get()).isEqualTo("20");
    }

    @Test
    void refusalsAreShownUnderTheirFields() throws Exception {
        var settings = opened();
        settings.phoneRegion.set("Spain");
        settings.save();
        assertThat(settings.form().error("phoneRegion").get()).isEqualTo("use a two-letter country code such as ES, GB or US.");

        settings.phoneRegion.set("GB");
        settings.graceMinutes.set("241");
        settings.save();
        assertThat(settings.form().error("phoneRegion").get()).isEmpty();
        assertThat(settings.form().error("graceMinutes").get()).isEqualTo("use 0 to 240 minutes.");

        settings.graceMinutes.set("");
        settings.save();
        assertThat(settings.form().error("graceMinutes").get()).isEqualTo("is required.");
    }
}
