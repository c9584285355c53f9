package org.queuedesk.desktop.admin;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.Role;
import org.queuedesk.common.appointment.ScheduleBlockDto;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleDto;
import org.queuedesk.common.appointment.ScheduleExceptionDto;
import org.queuedesk.common.appointment.ScheduleExceptionRequest;
import org.queuedesk.common.auth.UserDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * A doctor's schedule at the site (README "Appointments"): the weekly blocks are edited here as a list and
 * saved at once (the server replaces them all, dated exceptions stay); a day off is a dated exception, added or
 * removed on its own. The server checks every block; its problem names {@code blocks[i].field}, so the block
 * is chosen and the message goes under that field of the block form.
 */
public final class SchedulesViewModel {

    private static final Pattern BLOCK_FIELD = Pattern.compile("blocks\\[(\\d+)]\\.(\\w+)");

    private final QueueDeskClient client;
    private final LongSupplier siteId;
    private final ResourceBundle messages;
    private final ObservableList<String> doctors = FXCollections.observableArrayList();
    private final ObservableList<ServiceDto> services = FXCollections.observableArrayList();
    private final ObservableList<RoomDto> rooms = FXCollections.observableArrayList();
    private final ObjectProperty<String> doctor = new SimpleObjectProperty<>(this, "doctor");
    private final ObservableList<ScheduleBlockRequest> blocks = FXCollections.observableArrayList();
    private final ObservableList<ScheduleExceptionDto> exceptions = FXCollections.observableArrayList();
    private final IntegerProperty selectedBlock = new SimpleIntegerProperty(this, "selectedBlock", -1);
    private final ObjectProperty<ScheduleExceptionDto> selectedException = new SimpleObjectProperty<>(this, "exception");
    private final FormState list;
    // the block being added
    final ObjectProperty<Integer> weekday = new SimpleObjectProperty<>(this, "weekday", 1);
    final StringProperty start = new SimpleStringProperty(this, "start", "09:00");
    final StringProperty end = new SimpleStringProperty(this, "end", "13:00");
    final ObjectProperty<ServiceDto> service = new SimpleObjectProperty<>(this, "service");
    final ObjectProperty<RoomDto> room = new SimpleObjectProperty<>(this, "room");
    final StringProperty slotMinutes = new SimpleStringProperty(this, "slotMinutes", "15");
    final StringProperty capacity = new SimpleStringProperty(this, "capacity", "1");
    private final FormState weekly;
    // a day off
    final ObjectProperty<LocalDate> dayOff = new SimpleObjectProperty<>(this, "dayOff");
    final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final FormState exception;

    public SchedulesViewModel(QueueDeskClient client, BackgroundExecutor background, LongSupplier siteId,
                              ResourceBundle messages) {
        this.client = client;
        this.siteId = siteId;
        this.messages = messages;
        this.list = new FormState(background, messages);
        this.weekly = new FormState(background, messages, "blocks", "weekday", "start", "end", "serviceIds", "roomId",
                "slotMinutes", "capacity").mapFields(SchedulesViewModel::blockField);
        this.exception = new FormState(background, messages, "date", "note", "blocks");
        doctor.addListener((o, before, now) -> loadSchedule(now));
    }

    private record Choices(List<String> doctors, List<ServiceDto> services, List<RoomDto> rooms) {
    }

    /** The doctors (built-in users with the doctor role), the site's services and rooms. */
    public void load() {
        long site = siteId.getAsLong();
        list.run(() -> new Choices(client.users().stream().filter(u -> u.roles().contains(Role.DOCTOR))
                        .map(UserDto::username).sorted().toList(), client.services(site), client.rooms(site)),
                choices -> {
                    services.setAll(choices.services());
                    rooms.setAll(choices.rooms());
                    doctors.setAll(choices.doctors());
                    if (service.get() == null && !services.isEmpty()) {
                        service.set(services.get(0));
                    }
                    if (doctor.get() == null && !doctors.isEmpty()) {
                        doctor.set(doctors.get(0));
                    }
                });
    }

    private void loadSchedule(String name) {
        blocks.clear();
        exceptions.clear();
        weekly.clear();
        exception.clear();
        if (name == null) {
            return;
        }
        long site = siteId.getAsLong();
        list.run(() -> client.schedule(site, name), this::show);
    }

    private void show(ScheduleDto schedule) {
        blocks.setAll(schedule.weekly().stream().map(SchedulesViewModel::asRequest).toList());
        exceptions.setAll(schedule.exceptions());
    }

    /**
     * Adds the block as typed to the list; nothing is checked here: the server checks the whole schedule on save
     * (a number that is not a number cannot be sent, so that one is said at once).
     */
    public void addBlock() {
        for (String[] number : new String[][] {{"slotMinutes", slotMinutes.get()}, {"capacity", capacity.get()}}) {
            if (!Numbers.isNumberOrBlank(number[1])) {
                weekly.fieldProblem(number[0], messages.getString("admin.notANumber"));
                return;
            }
        }
        weekly.clear();
        blocks.add(new ScheduleBlockRequest(weekday.get(), start.get().strip(), end.get().strip(),
                service.get() == null ? List.of() : List.of(service.get().id()),
                room.get() == null ? null : room.get().id(), Numbers.orNull(slotMinutes.get()),
                Numbers.orNull(capacity.get())));
        selectedBlock.set(blocks.size() - 1);
    }

    public void removeBlock() {
        int index = selectedBlock.get();
        if (index >= 0 && index < blocks.size()) {
            blocks.remove(index);
            selectedBlock.set(-1);
        }
    }

    public void saveWeekly() {
        String name = doctor.get();
        if (name == null) {
            return;
        }
        long site = siteId.getAsLong();
        var request = new org.queuedesk.common.appointment.ScheduleRequest(List.copyOf(blocks));
        weekly.run(() -> client.replaceSchedule(site, name, request), saved -> {
            show(saved);
            weekly.succeeded(MessageFormat.format(messages.getString("admin.schedules.saved"), name));
        }, failure -> firstBlockNamed(failure).ifPresent(selectedBlock::set));
    }

    public void addDayOff() {
        String name = doctor.get();
        if (name == null) {
            return;
        }
        long site = siteId.getAsLong();
        var request = new ScheduleExceptionRequest(dayOff.get(), List.of(), ServicesViewModel.blankToNull(note.get()));
        exception.run(() -> client.addScheduleException(site, name, request), saved -> {
            show(saved);
            exception.succeeded(MessageFormat.format(messages.getString("admin.schedules.dayOffAdded"), request.date()));
            dayOff.set(null);
            note.set("");
        });
    }

    public void removeException() {
        String name = doctor.get();
        ScheduleExceptionDto chosen = selectedException.get();
        if (name == null || chosen == null) {
            return;
        }
        long site = siteId.getAsLong();
        exception.run(() -> {
            client.deleteScheduleException(site, name, chosen.date());
            return client.schedule(site, name);
        }, saved -> {
            show(saved);
            exception.succeeded(MessageFormat.format(messages.getString("admin.schedules.exceptionRemoved"),
                    chosen.date()));
        });
    }

    /** {@code blocks[2].start} is the block form's {@code start}. */
    static String blockField(String serverField) {
        Matcher m = BLOCK_FIELD.matcher(serverField);
        return m.matches() ? m.group(2) : serverField;
    }

    private static java.util.Optional<Integer> firstBlockNamed(Throwable failure) {
        if (failure instanceof org.queuedesk.desktop.api.ApiException refused) {
            return refused.fieldErrors().keySet().stream().map(BLOCK_FIELD::matcher).filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1))).sorted().findFirst();
        }
        return java.util.Optional.empty();
    }

    private static ScheduleBlockRequest asRequest(ScheduleBlockDto block) {
        return new ScheduleBlockRequest(block.weekday(), block.start(), block.end(), block.serviceIds(), block.roomId(),
                block.slotMinutes(), block.capacity());
    }

    /** One line per block: "Monday 09:00–13:00 · General practice · Room 1 · 15 min × 1". */
    String blockText(ScheduleBlockRequest block) {
        String day = block.weekday() == null ? "?" : weekdayName(block.weekday());
        String serviceNames = String.join(", ", (block.serviceIds() == null ? List.<Long>of() : block.serviceIds()).stream()
                .map(id -> services.stream().filter(s -> s.id() == id).map(ServiceDto::name).findFirst()
                        .orElse("#" + id)).toList());
        String roomName = block.roomId() == null ? messages.getString("admin.schedules.anyRoom")
                : rooms.stream().filter(r -> r.id() == block.roomId()).map(RoomDto::name).findFirst().orElse("#" + block.roomId());
        return MessageFormat.format(messages.getString("admin.schedules.block"), day, block.start(), block.end(),
                serviceNames, roomName, String.valueOf(block.slotMinutes()),
                String.valueOf(block.capacity() == null ? 1 : block.capacity()));
    }

    String exceptionText(ScheduleExceptionDto day) {
        String what = day.blocks().isEmpty() ? messages.getString("admin.schedules.dayOff")
                : messages.getString("admin.schedules.otherHours");
        return day.date() + " \u00b7 " + what + (day.note() == null ? "" : " \u00b7 " + day.note());
    }

    String weekdayName(int weekday) {
        return weekday >= 1 && weekday <= 7 ? messages.getString("admin.weekday." + weekday) : String.valueOf(weekday);
    }

    public ObservableList<String> doctors() {
        return doctors;
    }

    public ObservableList<ServiceDto> services() {
        return services;
    }

    public ObservableList<RoomDto> rooms() {
        return rooms;
    }

    public ObjectProperty<String> doctorProperty() {
        return doctor;
    }

    public ObservableList<ScheduleBlockRequest> blocks() {
        return blocks;
    }

    public ObservableList<ScheduleExceptionDto> exceptions() {
        return exceptions;
    }

    public IntegerProperty selectedBlockProperty() {
        return selectedBlock;
    }

    public ObjectProperty<ScheduleExceptionDto> selectedExceptionProperty() {
        return selectedException;
    }

    FormState listForm() {
        return list;
    }

    FormState weeklyForm() {
        return weekly;
    }

    FormState exceptionForm() {
        return exception;
    }
}
