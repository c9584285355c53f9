package org.queuedesk.desktop.admin;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/** Rooms of the site: create one with its names per language; rename the chosen one in the other languages. */
public final class RoomsViewModel {

    private final QueueDeskClient client;
    private final LongSupplier siteId;
    private final ResourceBundle messages;
    private final ObservableList<RoomDto> rooms = FXCollections.observableArrayList();
    private final ObjectProperty<RoomDto> selected = new SimpleObjectProperty<>(this, "selected");
    private final FormState list;
    final StringProperty name = new SimpleStringProperty(this, "name", "");
    final Names names = new Names();
    private final FormState create;
    final Names editNames = new Names();
    private final FormState edit;

    public RoomsViewModel(QueueDeskClient client, BackgroundExecutor background, LongSupplier siteId,
                          ResourceBundle messages) {
        this.client = client;
        this.siteId = siteId;
        this.messages = messages;
        this.list = new FormState(background, messages);
        this.create = new FormState(background, messages, "name", "names");
        this.edit = new FormState(background, messages, "names");
        selected.addListener((o, before, now) -> {
            edit.clear();
            editNames.show(now == null ? null : now.names());
        });
    }

    public void load() {
        long site = siteId.getAsLong();
        list.run(() -> client.rooms(site), rooms::setAll);
    }

    public void create() {
        var request = new CreateRoomRequest(name.get(), names.givenOrNull());
        long site = siteId.getAsLong();
        create.run(() -> client.createRoom(site, request), created -> {
            rooms.add(created);
            create.succeeded(MessageFormat.format(messages.getString("admin.rooms.created"), created.name()));
            name.set("");
            names.clear();
        });
    }

    public void saveChosen() {
        RoomDto room = selected.get();
        if (room == null) {
            return;
        }
        var request = editNames.toRequest();
        edit.run(() -> client.setRoomNames(room.id(), request), saved -> {
            rooms.replaceAll(r -> r.id() == saved.id() ? saved : r);
            selected.set(saved);
            edit.succeeded(MessageFormat.format(messages.getString("admin.saved"), saved.name()));
        });
    }

    public ObservableList<RoomDto> rooms() {
        return rooms;
    }

    public ObjectProperty<RoomDto> selectedProperty() {
        return selected;
    }

    FormState listForm() {
        return list;
    }

    FormState createForm() {
        return create;
    }

    FormState editForm() {
        return edit;
    }
}
