package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.site.ServiceDto;

/** Expected messages are the server's, from queue-server's validation/create-service.psv and friends. */
class ServicesViewModelTest {

    private static final AdminServer SERVER = new AdminServer();
    private ServicesViewModel services;

    @BeforeEach
    void open() {
        services = new ServicesViewModel(SERVER.admin, SERVER.background, SERVER::siteId, SERVER.messages);
        services.load();
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void listsTheDemoServicesAndCreatesOneWithItsNamesPerLanguage() throws Exception {
        assertThat(services.services()).extracting(ServiceDto::prefix).contains("A", "B", "C");

        services.name.set("Dermatology");
        services.prefix.set("D");
        services.almostTurn.set("4");
        services.names.spanish.set("Dermatolog\u00eda");
        services.create();

        ServiceDto created = SERVER.admin.services(SERVER.siteId()).stream().filter(s -> s.prefix().equals("D"))
                .findFirst().orElseThrow();
        assertThat(created.name()).isEqualTo("Dermatology");
        assertThat(created.almostTurnPosition()).isEqualTo(4);
        assertThat(created.names()).containsEntry("es", "Dermatolog\u00eda").doesNotContainKey("ar");
        assertThat(services.services()).contains(created);
        assertThat(services.createForm().doneProperty().get()).isEqualTo("Service D \u00b7 Dermatology created.");
        assertThat(services.name.get()).as("the form is ready for the next one").isEmpty();
    }

    @Test
    void aRefusedServiceShowsEachOfTheServersMessagesUnderItsField() {
        services.name.set("Consulta");
        services.prefix.set("A1");
        services.create();
        assertThat(services.createForm().error("prefix").get()).isEqualTo("use one to three letters A-Z, e.g. 'A'.");
        assertThat(services.createForm().problemProperty().get()).isEqualTo(SERVER.text("admin.checkFields"));

        services.prefix.set("Q");
        services.almostTurn.set("51");
        services.create();
        assertThat(services.createForm().error("prefix").get()).as("the earlier message is gone").isEmpty();
        assertThat(services.createForm().error("almostTurnPosition").get()).isEqualTo("must be between 0 and 50.");

        services.almostTurn.set("");
        services.name.set("");
        services.create();
        assertThat(services.createForm().error("name").get()).isEqualTo("is required.");
    }

    @Test
    void aPositionThatIsNotANumberIsSaidBeforeAsking() throws Exception {
        int before = SERVER.admin.services(SERVER.siteId()).size();
        services.name.set("Physio");
        services.prefix.set("P");
        services.almostTurn.set("three");
        services.create();
        assertThat(services.createForm().error("almostTurnPosition").get()).isEqualTo(SERVER.text("admin.notANumber"));
        assertThat(SERVER.admin.services(SERVER.siteId())).hasSize(before);
    }

    @Test
    void theChosenServiceGetsItsNamesAssumedMinutesAndRemoteJoining() throws Exception {
        ServiceDto blood = chosen("B");
        services.editNames.arabic.set("\u062a\u062d\u0627\u0644\u064a\u0644 \u0627\u0644\u062f\u0645");
        services.defaultMinutes.set("12");
        services.remoteOpen.set(true);
        services.opensAt.set("08:00");
        services.closesAt.set("13:30");
        services.maxWaiting.set("10");
        services.saveChosen();

        assertThat(services.editForm().problemProperty().get()).isEmpty();
        var joining = SERVER.admin.remoteJoining(blood.id());
        assertThat(joining.open()).isTrue();
        assertThat(joining.opensAt()).isEqualTo("08:00");
        assertThat(joining.closesAt()).isEqualTo("13:30");
        assertThat(joining.maxWaiting()).isEqualTo(10);
        assertThat(SERVER.admin.services(SERVER.siteId()).stream().filter(s -> s.id() == blood.id()).findFirst()
                .orElseThrow().names()).containsEntry("ar", "\u062a\u062d\u0627\u0644\u064a\u0644 \u0627\u0644\u062f\u0645");

        // chosen again, the screen shows what the server has
        services.selectedProperty().set(null);
        chosen("B");
        assertThat(services.remoteOpen.get()).isTrue();
        assertThat(services.maxWaiting.get()).isEqualTo("10");
    }

    @Test
    void refusedSettingsOfTheChosenServiceAreShownByField() {
        chosen("C");
        services.remoteOpen.set(true);
        services.opensAt.set("14:00");
        services.closesAt.set("14:00");
        services.saveChosen();
        assertThat(services.editForm().error("closesAt").get())
                .isEqualTo("must be later than opensAt (hours past midnight are not supported).");

        services.closesAt.set("");
        services.defaultMinutes.set("0");
        services.saveChosen();
        assertThat(services.editForm().error("minutes").get()).startsWith("must be between 1 and 240");
    }

    @Test
    void theChosenServicesTextMessagesAreSetPerLanguageAndKind() throws Exception {
        ServiceDto vaccination = chosen("C");
        assertThat(services.textKinds()).as("README/sms-template.psv: the kinds of text, a ticket's and a booking's")
                .containsExactlyInAnyOrder("confirmation", "almost_turn", "your_turn", "transfer", "cancelled",
                        "appointment_confirmation", "appointment_reminder", "appointment_moved", "appointment_cancelled");
        services.textLanguage.set("es");
        services.textKind.set("your_turn");
        assertThat(services.textIsDefaultProperty().get()).isTrue();

        services.text.set("Hola {name}, le toca: {number}");
        services.saveText();
        assertThat(services.textForm().error("text").get()).startsWith("unknown placeholders [name]");

        services.text.set("{number}: pase a {room}");
        services.saveText();
        var stored = SERVER.admin.smsTexts(vaccination.id()).stream()
                .filter(t -> t.language().equals("es") && t.kind().equals("your_turn")).findFirst().orElseThrow();
        assertThat(stored.custom()).isTrue();
        assertThat(stored.text()).isEqualTo("{number}: pase a {room}");
        assertThat(services.textIsDefaultProperty().get()).isFalse();

        services.textLanguage.set("en"); // another language shows its own text, not the Spanish one
        assertThat(services.text.get()).isNotEqualTo("{number}: pase a {room}");
    }

    private ServiceDto chosen(String prefix) {
        ServiceDto service = services.services().stream().filter(s -> s.prefix().equals(prefix)).findFirst().orElseThrow();
        services.selectedProperty().set(service);
        return service;
    }

    @Test
    void theChosenServicesPrefixAndAlmostTurnChangeAndTheNextTicketCarriesTheNewPrefix() throws Exception {
        var api = SERVER.server.api().signedInAs("admin", "admin");
        long dental = api.createService(SERVER.siteId(), "Dental", "D").id();
        var before = api.issue(dental);
        services.load();
        chosen("D");
        assertThat(services.editPrefix.get()).isEqualTo("D");
        assertThat(services.editAlmostTurn.get()).as("README: 3 unless given").isEqualTo("3");

        services.editPrefix.set("a");
        services.saveChosen();
        assertThat(services.editForm().error("prefix").get()).as("the demo's General practice is A")
                .isEqualTo("another service of this site already has the prefix 'A'; choose one no other service uses.");
        services.editPrefix.set("DN");
        services.editAlmostTurn.set("many");
        services.saveChosen();
        assertThat(services.editForm().error("almostTurnPosition").get()).isEqualTo(SERVER.text("admin.notANumber"));

        services.editAlmostTurn.set("5");
        services.saveChosen();
        assertThat(services.editForm().problemProperty().get()).isEmpty();
        assertThat(services.selectedProperty().get().prefix()).isEqualTo("DN");
        assertThat(services.services()).extracting(ServiceDto::prefix).contains("DN").doesNotContain("D");
        assertThat(api.issue(dental).number()).as("README: the next ticket, the day's counter going on").isEqualTo("DN-002");
        assertThat(api.ticket(before.id()).number()).as("issued tickets keep their number").isEqualTo("D-001");
    }
}
