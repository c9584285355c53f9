package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.site.SiteDto;

/**
 * Expected messages from queue-server's validation/sms-site-settings.psv, site-settings.psv and
 * appointment-settings.psv, and README "Site settings" (the time zone waits for no open ticket).
 */
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

    @Test
    void anAdminChangesTheTimeZoneAndRetentionOfASiteWithNoOpenTicket() throws Exception {
        SiteDto quiet = SERVER.server.api().signedInAs("admin", "admin").createSite("Quiet Clinic", "Europe/Madrid");
        var settings = new SiteSettingsViewModel(SERVER.admin, SERVER.background, () -> quiet, SERVER.messages);
        settings.load();
        assertThat(settings.retentionDays.get()).as("no days of its own").isEmpty();
        assertThat(settings.retentionHintProperty().get()).as("the server's default, README: 30").contains("30 days");

        settings.timeZone.set("Atlantic/Canary");
        settings.retentionDays.set("14");
        settings.graceMinutes.set("15");
        settings.save();
        assertThat(settings.form().problemProperty().get()).isEmpty();
        var stored = SERVER.admin.siteSettings(quiet.id());
        assertThat(stored.timeZone()).isEqualTo("Atlantic/Canary");
        assertThat(stored.retentionDays()).isEqualTo(14);
        assertThat(settings.retentionHintProperty().get()).as("days of its own: no hint").isEmpty();
    }

    @Test
    void aNewTimeZoneWhileTicketsWaitAndBadValuesAreRefusedUnderTheirFields() throws Exception {
        var api = SERVER.server.api().signedInAs("admin", "admin");
        SiteDto busy = api.createSite("Busy Clinic", "Europe/Madrid");
        api.issue(api.createService(busy.id(), "General practice", "A").id());
        var settings = new SiteSettingsViewModel(SERVER.admin, SERVER.background, () -> busy, SERVER.messages);
        settings.load();

        settings.timeZone.set("Europe/Lisbon");
        settings.save();
        assertThat(settings.form().error("timeZone").get()).startsWith("cannot change while 1 ticket(s) of this site are"
                + " still open");

        settings.timeZone.set("Lisbon");
        settings.save();
        assertThat(settings.form().error("timeZone").get())
                .isEqualTo("'Lisbon' is not an IANA time zone; use a name like Europe/Madrid.");

        settings.timeZone.set("Europe/Madrid");
        settings.retentionDays.set("3651");
        settings.save();
        assertThat(settings.form().error("retentionDays").get())
                .isEqualTo("must be between 1 and 3650 days, or left empty for the server's default.");
        settings.retentionDays.set("a week");
        settings.save();
        assertThat(settings.form().error("retentionDays").get()).isEqualTo(SERVER.text("admin.notANumber"));
    }
}
