package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.site.RoomDto;

/** Expected messages from queue-server's validation/create-room.psv and room-names.psv. */
class RoomsViewModelTest {

    private static final AdminServer SERVER = new AdminServer();
    private RoomsViewModel rooms;

    @BeforeEach
    void open() {
        rooms = new RoomsViewModel(SERVER.admin, SERVER.background, SERVER::siteId, SERVER.messages);
        rooms.load();
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void createsARoomWithItsArabicName() throws Exception {
        assertThat(rooms.rooms()).extracting(RoomDto::name).contains("Room 1", "Room 4");
        rooms.name.set("Room 9");
        rooms.names.arabic.set("\u063a\u0631\u0641\u0629 9");
        rooms.create();
        RoomDto created = SERVER.admin.rooms(SERVER.siteId()).stream().filter(r -> r.name().equals("Room 9")).findFirst()
                .orElseThrow();
        assertThat(created.names()).containsEntry("ar", "\u063a\u0631\u0641\u0629 9");
        assertThat(rooms.rooms()).contains(created);
        assertThat(rooms.createForm().doneProperty().get()).isEqualTo("Room Room 9 created.");
    }

    @Test
    void aNameTooLongIsRefusedUnderTheName() {
        rooms.name.set("r".repeat(41));
        rooms.create();
        assertThat(rooms.createForm().error("name").get()).isEqualTo("must be at most 40 characters.");
        rooms.name.set("Room 10");
        rooms.names.spanish.set("x".repeat(41));
        rooms.create();
        assertThat(rooms.createForm().error("names").get()).isEqualTo("the es name must be at most 40 characters.");
    }

    @Test
    void renamesTheChosenRoomInSpanishAndAnEmptyNameGoesBackToTheDefault() throws Exception {
        RoomDto room2 = rooms.rooms().stream().filter(r -> r.name().equals("Room 2")).findFirst().orElseThrow();
        rooms.selectedProperty().set(room2);
        rooms.editNames.spanish.set("Consulta 2");
        rooms.saveChosen();
        assertThat(name(room2.id()).names()).containsEntry("es", "Consulta 2");
        assertThat(rooms.editForm().doneProperty().get()).isEqualTo("Room 2 saved.");

        rooms.editNames.spanish.set("");
        rooms.saveChosen();
        assertThat(name(room2.id()).names()).doesNotContainKey("es");
    }

    private static RoomDto name(long id) throws Exception {
        return SERVER.admin.rooms(SERVER.siteId()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }
}
