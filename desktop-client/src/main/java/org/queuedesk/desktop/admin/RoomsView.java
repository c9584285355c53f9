package org.queuedesk.desktop.admin;

import static org.queuedesk.desktop.admin.FormLayout.button;
import static org.queuedesk.desktop.admin.FormLayout.buttons;
import static org.queuedesk.desktop.admin.FormLayout.column;
import static org.queuedesk.desktop.admin.FormLayout.orDash;

import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.queuedesk.common.site.RoomDto;

/** The rooms screen. */
final class RoomsView {

    private RoomsView() {
    }

    static Node build(RoomsViewModel vm, ResourceBundle messages) {
        TableView<RoomDto> table = FormLayout.table("roomsTable");
        table.getColumns().setAll(
                column("admin.field.name", messages, RoomDto::name),
                column("admin.field.nameEs", messages, r -> orDash(r.names().get("es"))),
                column("admin.field.nameAr", messages, r -> orDash(r.names().get("ar"))));
        table.setItems(vm.rooms());
        table.getSelectionModel().selectedItemProperty().addListener((o, b, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        VBox listed = new VBox(8, table, FormLayout.status(vm.listForm(), "roomsList"));
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);

        FormState create = vm.createForm();
        FormLayout newRoom = new FormLayout(messages, "admin.rooms.new");
        newRoom.text("roomName", "admin.field.name", vm.name, create.errorProperty("name"));
        newRoom.text("roomNameEs", "admin.field.nameEs", vm.names.spanish, null);
        newRoom.text("roomNameAr", "admin.field.nameAr", vm.names.arabic, create.errorProperty("names"));
        Button createButton = button("createRoomButton", "admin.rooms.create", messages, vm::create);
        createButton.getStyleClass().add("primary");
        newRoom.add(buttons(createButton)).add(FormLayout.status(create, "createRoom"));

        FormState edit = vm.editForm();
        FormLayout chosen = new FormLayout(messages, "admin.rooms.chosen").titleNaming(vm.selectedProperty(), RoomDto::name);
        chosen.text("editRoomNameEs", "admin.field.nameEs", vm.editNames.spanish, null);
        chosen.text("editRoomNameAr", "admin.field.nameAr", vm.editNames.arabic, edit.errorProperty("names"));
        Button save = button("saveRoomButton", "admin.save", messages, vm::saveChosen);
        save.disableProperty().bind(FormLayout.isNull(vm.selectedProperty()));
        chosen.add(buttons(save)).add(FormLayout.status(edit, "editRoom"));
        chosen.card().disableProperty().bind(FormLayout.isNull(vm.selectedProperty()));
        return FormLayout.page(listed, newRoom.card(), chosen.card());
    }
}
