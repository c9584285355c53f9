package org.queuedesk.desktop.appointment;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.MoveAppointmentRequest;
import org.queuedesk.common.appointment.SlotDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.live.DeskRequests;
import org.queuedesk.desktop.live.TicketText;

/**
 * Booking a slot, or moving a booking to another: pick the service, a doctor or any doctor, and a day; the free
 * slots are read from the server; pick one, give the patient's name (phone optional) and language. When the slot
 * was taken meanwhile (409) the server's next free slots are offered instead.
 */
public final class BookingForm {

    /** "Any doctor of the service": the server picks the one with a free place. */
    public static final String ANY_DOCTOR = "";
    public static final List<String> LANGUAGES = List.of("en", "es", "ar");

    public enum Mode { BOOK, MOVE }

    private final BackgroundExecutor background;
    private final DeskRequests requests;
    private final TicketText text;
    private final Site site;
    private final Consumer<AppointmentDto> done;

    private final ObjectProperty<ServiceDto> service = new SimpleObjectProperty<>(this, "service");
    private final ObjectProperty<String> doctor = new SimpleObjectProperty<>(this, "doctor", ANY_DOCTOR);
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>(this, "day");
    private final ObservableList<String> doctors = FXCollections.observableArrayList(ANY_DOCTOR);
    private final ObservableList<SlotDto> slots = FXCollections.observableArrayList();
    private final ObjectProperty<SlotDto> slot = new SimpleObjectProperty<>(this, "slot");
    private final StringProperty patientName = new SimpleStringProperty(this, "patientName", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final ObjectProperty<String> language = new SimpleObjectProperty<>(this, "language", "en");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.BOOK);
    private final ReadOnlyObjectWrapper<AppointmentDto> moving = new ReadOnlyObjectWrapper<>(this, "moving");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper slotsNote = new ReadOnlyStringWrapper(this, "slotsNote", "");
    private final BooleanBinding canSubmit;
    private int reads;
    private boolean quiet;

    /** Where the form books: the site's id, or nothing yet. */
    interface Site {
        Long id();

        QueueDeskClient client();
    }

    BookingForm(BackgroundExecutor background, DeskRequests requests, TicketText text, Site site,
                ObservableBooleanValue online, Consumer<AppointmentDto> done) {
        this.background = background;
        this.requests = requests;
        this.text = text;
        this.site = site;
        this.done = done;
        canSubmit = Bindings.createBooleanBinding(() -> online.get() && !requests.isBusy() && slot.get() != null
                        && (mode.get() == Mode.MOVE || !patientName.get().isBlank()),
                online, requests.busyProperty(), slot, patientName, mode);
        service.addListener((o, before, now) -> findSlots());
        doctor.addListener((o, before, now) -> {
            if (!quiet) {
                findSlots();
            }
        });
        day.addListener((o, before, now) -> findSlots());
        patientName.addListener((o, before, now) -> error.set(""));
        phone.addListener((o, before, now) -> error.set(""));
    }

    /** Reads the free slots for the chosen service, doctor and day; keeps the chosen slot if it is still free. */
    public void findSlots() {
        Long siteId = site.id();
        ServiceDto chosen = service.get();
        LocalDate on = day.get();
        if (siteId == null || chosen == null || on == null) {
            slots.clear();
            slot.set(null);
            return;
        }
        String who = doctor.get() == null || doctor.get().equals(ANY_DOCTOR) ? null : doctor.get();
        QueueDeskClient client = site.client();
        int read = ++reads;
        background.run(() -> client.freeSlots(siteId, chosen.id(), who, on, on), found -> {
            if (read != reads) {
                return; // a later choice was made meanwhile
            }
            showSlots(found.stream().filter(s -> s.free() > 0).toList(),
                    found.isEmpty() ? text.format("appointments.slots.none") : "");
            if (who == null) {
                // the doctors of this service that day, to narrow the choice
                var names = new java.util.ArrayList<String>(List.of(ANY_DOCTOR));
                found.stream().map(SlotDto::doctor).distinct().sorted().forEach(names::add);
                if (!names.equals(doctors)) {
                    String kept = doctor.get();
                    quiet = true; // a combo box may clear its value while its items change
                    doctors.setAll(names);
                    doctor.set(kept);
                    quiet = false;
                }
            }
        }, failure -> {
            if (read == reads) {
                slots.clear();
                slotsNote.set(text.failure(failure));
            }
        });
    }

    private void showSlots(List<SlotDto> free, String note) {
        SlotDto kept = slot.get();
        slots.setAll(free);
        slot.set(kept == null ? null : free.stream().filter(s -> same(s, kept)).findFirst().orElse(null));
        slotsNote.set(note);
    }

    private static boolean same(SlotDto a, SlotDto b) {
        return a.start().equals(b.start()) && java.util.Objects.equals(a.doctor(), b.doctor());
    }

    /** Starts from a free line of the day: its service, doctor, day and slot. */
    void takeFreeSlot(SlotDto free, ServiceDto ofService, LocalDate on) {
        if (ofService != null) {
            service.set(ofService);
        }
        if (!doctors.contains(free.doctor())) {
            doctors.add(free.doctor());
        }
        doctor.set(free.doctor());
        day.set(on);
        slots.setAll(List.of(free));
        slot.set(free);
        findSlots();
    }

    /** Moving a booking: the form keeps its service and offers its doctor's free slots first. */
    void startMove(AppointmentDto booking, ServiceDto ofService, LocalDate on) {
        mode.set(Mode.MOVE);
        moving.set(booking);
        error.set("");
        if (ofService != null) {
            service.set(ofService);
        }
        if (!doctors.contains(booking.doctor())) {
            doctors.add(booking.doctor());
        }
        doctor.set(booking.doctor());
        day.set(on);
        slot.set(null);
        findSlots();
    }

    /** Back to booking a new patient, with an empty form. */
    public void reset() {
        mode.set(Mode.BOOK);
        moving.set(null);
        patientName.set("");
        phone.set("");
        language.set("en");
        slot.set(null);
        error.set("");
        findSlots();
    }

    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        SlotDto chosen = slot.get();
        QueueDeskClient client = site.client();
        error.set("");
        if (mode.get() == Mode.MOVE) {
            AppointmentDto booking = moving.get();
            var request = new MoveAppointmentRequest(chosen.start(), chosen.doctor());
            requests.send("move:" + booking.id() + "@" + chosen.start() + ":" + chosen.doctor(),
                    key -> client.moveAppointment(booking.id(), request, key), moved -> {
                        reset();
                        done.accept(moved);
                    }, this::refused);
            return;
        }
        // the chosen line names its doctor even under "Any doctor": book that one, not the server's pick
        String who = chosen.doctor();
        var request = new BookAppointmentRequest(service.get().id(), who, chosen.start(), patientName.get().strip(),
                TicketText.optional(phone.get()), language.get());
        requests.send("book:" + request.hashCode(), key -> client.book(request, key), booked -> {
            reset();
            done.accept(booked);
        }, this::refused);
    }

    /** The server's words; a full slot (409) offers the next free ones it listed. */
    private void refused(Throwable failure) {
        error.set(text.failure(failure));
        if (failure instanceof ApiException api && api.status() == 409 && !api.nextFreeSlots().isEmpty()) {
            slot.set(null);
            slots.setAll(api.nextFreeSlots());
            slotsNote.set(text.format("appointments.slots.offered"));
        }
    }

    /** A slot as the list shows it: its local time and doctor, and its day when it is not the chosen day's. */
    public String slotLabel(SlotDto s) {
        String when = s.localDate().equals(day.get()) ? s.localTime() : s.localDate() + " " + s.localTime();
        return text.format("appointments.slot.label", when, s.doctor(), s.free(), s.capacity());
    }

    public String doctorLabel(String name) {
        return name == null || name.equals(ANY_DOCTOR) ? text.format("appointments.doctor.any") : name;
    }

    public String languageLabel(String code) {
        return code == null ? "" : text.format("appointments.language." + code);
    }

    // --- properties ----------------------------------------------------------------------------------

    public ObjectProperty<ServiceDto> serviceProperty() {
        return service;
    }

    public ObjectProperty<String> doctorProperty() {
        return doctor;
    }

    public ObservableList<String> doctors() {
        return doctors;
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ObservableList<SlotDto> slots() {
        return slots;
    }

    public ObjectProperty<SlotDto> slotProperty() {
        return slot;
    }

    public StringProperty patientNameProperty() {
        return patientName;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ObjectProperty<String> languageProperty() {
        return language;
    }

    public List<String> languages() {
        return LANGUAGES;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AppointmentDto> movingProperty() {
        return moving.getReadOnlyProperty();
    }

    /** Whose booking is being moved, from when: "Ana Ruiz · 09:15 · FXGRAY"; empty when booking. */
    public javafx.beans.binding.StringBinding movingTextProperty() {
        return Bindings.createStringBinding(() -> moving.get() == null ? "" : text.format("appointments.form.moving",
                moving.get().patientName() == null ? "" : moving.get().patientName(), moving.get().localDate(),
                moving.get().localTime(), moving.get().code()), moving);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty slotsNoteProperty() {
        return slotsNote.getReadOnlyProperty();
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
