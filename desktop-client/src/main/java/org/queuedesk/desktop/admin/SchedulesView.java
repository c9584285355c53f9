package org.queuedesk.desktop.admin;

import static org.queuedesk.desktop.admin.FormLayout.button;
import static org.queuedesk.desktop.admin.FormLayout.buttons;

import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleExceptionDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;

/** A doctor's schedule: weekly blocks (edited as a list, saved at once) and days off. */
final class SchedulesView {

    private SchedulesView() {
    }

    static Node build(SchedulesViewModel vm, ResourceBundle messages) {
        ComboBox<String> doctor = new ComboBox<>(vm.doctors());
        doctor.setId("scheduleDoctor");
        doctor.valueProperty().bindBidirectional(vm.doctorProperty());
        Label doctorCaption = new Label(messages.getString("admin.schedules.doctor"));
        doctorCaption.getStyleClass().add("field-label");
        doctorCaption.setLabelFor(doctor);

        ListView<ScheduleBlockRequest> blocks = new ListView<>(vm.blocks());
        blocks.setId("scheduleBlocks");
        blocks.setCellFactory(list -> textCell(vm::blockText));
        blocks.getSelectionModel().selectedIndexProperty().addListener((o, b, now) -> vm.selectedBlockProperty().set(now.intValue()));
        vm.selectedBlockProperty().addListener((o, b, now) -> {
            if (blocks.getSelectionModel().getSelectedIndex() != now.intValue()) {
                blocks.getSelectionModel().select(now.intValue());
            }
        });
        FormState weekly = vm.weeklyForm();
        Button remove = button("removeBlockButton", "admin.schedules.removeBlock", messages, vm::removeBlock);
        remove.disableProperty().bind(vm.selectedBlockProperty().lessThan(0)); // nothing chosen, nothing to remove
        Button save = button("saveScheduleButton", "admin.schedules.save", messages, vm::saveWeekly);
        save.getStyleClass().add("primary");
        save.disableProperty().bind(FormLayout.isNull(vm.doctorProperty()));

        ListView<ScheduleExceptionDto> exceptions = new ListView<>(vm.exceptions());
        exceptions.setId("scheduleExceptions");
        exceptions.setPrefHeight(120);
        exceptions.setCellFactory(list -> textCell(vm::exceptionText));
        exceptions.getSelectionModel().selectedItemProperty().addListener((o, b, now) -> vm.selectedExceptionProperty().set(now));
        Button removeException = button("removeExceptionButton", "admin.schedules.removeException", messages,
                vm::removeException);
        removeException.disableProperty().bind(FormLayout.isNull(vm.selectedExceptionProperty()));

        Label weeklyTitle = title("admin.schedules.weekly", messages);
        Label exceptionsTitle = title("admin.schedules.exceptions", messages);
        HBox doctorRow = new HBox(8, doctorCaption, doctor);
        doctorRow.setAlignment(Pos.CENTER_LEFT);
        blocks.setMinHeight(90);
        exceptions.setMinHeight(90);
        FormLayout block = new FormLayout(messages, "admin.schedules.newBlock");
        ComboBox<Integer> weekday = new ComboBox<>();
        weekday.setId("blockWeekday");
        weekday.getItems().setAll(1, 2, 3, 4, 5, 6, 7);
        weekday.setConverter(converter(day -> vm.weekdayName(day)));
        weekday.valueProperty().bindBidirectional(vm.weekday);
        block.field("admin.schedules.weekday", weekday, weekly.errorProperty("weekday"));
        block.text("blockStart", "admin.schedules.start", vm.start, weekly.errorProperty("start"));
        block.text("blockEnd", "admin.schedules.end", vm.end, weekly.errorProperty("end"));
        ComboBox<ServiceDto> service = new ComboBox<>(vm.services());
        service.setId("blockService");
        service.setConverter(converter(s -> s.prefix() + " \u00b7 " + s.name()));
        service.valueProperty().bindBidirectional(vm.service);
        block.field("admin.schedules.service", service, weekly.errorProperty("serviceIds"));
        ComboBox<RoomDto> room = new ComboBox<>(vm.rooms());
        room.setId("blockRoom");
        room.setConverter(converter(RoomDto::name));
        room.setPromptText(messages.getString("admin.schedules.anyRoom"));
        room.valueProperty().bindBidirectional(vm.room);
        block.field("admin.schedules.room", room, weekly.errorProperty("roomId"));
        block.text("blockSlotMinutes", "admin.schedules.slotMinutes", vm.slotMinutes, weekly.errorProperty("slotMinutes"));
        block.text("blockCapacity", "admin.schedules.capacity", vm.capacity, weekly.errorProperty("capacity"));
        Button add = button("addBlockButton", "admin.schedules.addBlock", messages, vm::addBlock);
        block.add(buttons(add));

        FormState exception = vm.exceptionForm();
        FormLayout dayOff = new FormLayout(messages, "admin.schedules.newDayOff");
        DatePicker date = new DatePicker();
        date.setId("dayOffDate");
        date.valueProperty().bindBidirectional(vm.dayOff);
        dayOff.field("admin.schedules.date", date, exception.errorProperty("date"));
        dayOff.text("dayOffNote", "admin.schedules.note", vm.note, exception.errorProperty("note"));
        Button addDayOff = button("addDayOffButton", "admin.schedules.addDayOff", messages, vm::addDayOff);
        addDayOff.disableProperty().bind(FormLayout.isNull(vm.doctorProperty()));
        dayOff.add(buttons(addDayOff)).add(FormLayout.status(exception, "dayOff"));
        // two columns: the week and how to add to it; the days off and how to add one
        VBox week = new VBox(8, weeklyTitle, blocks, FormLayout.errorLabel(weekly.errorProperty("blocks")),
                buttons(remove, save, FormLayout.status(weekly, "schedule")), block.card());
        VBox days = new VBox(8, exceptionsTitle, exceptions, buttons(removeException), dayOff.card());
        VBox.setVgrow(blocks, Priority.ALWAYS);
        VBox.setVgrow(exceptions, Priority.ALWAYS);
        HBox columns = new HBox(16, week, days);
        HBox.setHgrow(week, Priority.ALWAYS);
        HBox.setHgrow(days, Priority.ALWAYS);
        week.setPrefWidth(10);
        days.setPrefWidth(10);
        week.setMaxWidth(Double.MAX_VALUE);
        days.setMaxWidth(Double.MAX_VALUE);
        VBox page = new VBox(10, doctorRow, columns, FormLayout.status(vm.listForm(), "scheduleList"));
        VBox.setVgrow(columns, Priority.ALWAYS);
        return page;
    }

    private static Label title(String key, ResourceBundle messages) {
        Label label = new Label(messages.getString(key));
        label.getStyleClass().add("card-title");
        return label;
    }

    private static <T> ListCell<T> textCell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String typed) {
                return null;
            }
        };
    }
}
