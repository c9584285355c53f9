package org.queuedesk.desktop.appointment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.CheckInDto;
import org.queuedesk.common.appointment.SlotDto;
import org.queuedesk.common.event.AppointmentEvent;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.Confirmation;
import org.queuedesk.desktop.ground.PendingConfirmation;
import org.queuedesk.desktop.live.DeskRequests;
import org.queuedesk.desktop.live.LateCheckIns;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;

/**
 * Reception's appointments: a chosen day (today first) of every doctor, or one, with each booking and each free
 * slot; book and move ({@link BookingForm}), cancel (asks first), check in (a ticket; a late one queues by
 * arrival, README "Appointments"), and find a booking by code, name or phone. The day is read again after every
 * {@code appointment.*} event, so it is live like the other desk views. Never sees a control.
 */
public final class AppointmentsViewModel {

    /** README: a booking code is 6 characters of this alphabet (no look-alikes). */
    private static final String BOOKING_CODE = "[34679ACEFGHJKMNPRTXY]{6}";

    private final LiveSite live;
    private final BackgroundExecutor background;
    private final TicketText text;
    private final DeskRequests requests;
    private final PendingConfirmation confirmation = new PendingConfirmation();
    private final BookingForm form;

    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>(this, "day");
    private final ReadOnlyStringWrapper dayTitle = new ReadOnlyStringWrapper(this, "dayTitle", "");
    private final ObservableList<String> doctors = FXCollections.observableArrayList(BookingForm.ANY_DOCTOR);
    private final ObjectProperty<String> doctor = new SimpleObjectProperty<>(this, "doctor", BookingForm.ANY_DOCTOR);
    private final ObservableList<ServiceDto> services = FXCollections.observableArrayList();
    private final ObservableList<AppointmentRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<AppointmentRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");
    private final ReadOnlyObjectWrapper<CheckInDto> checkedIn = new ReadOnlyObjectWrapper<>(this, "checkedIn");
    private final BooleanBinding canAct;
    private final BooleanBinding canChange;
    private final BooleanBinding canCheckIn;

    private DayPlan plan = DayPlan.empty();
    private int reads;
    private boolean loadPending;
    private Long selectAfterLoad;
    /** The booking a move was started for: its answer says "Moved", not "Booked". */
    private Long moving;

    public AppointmentsViewModel(LiveSite live, BackgroundExecutor background, TicketText text) {
        this.live = live;
        this.background = background;
        this.text = text;
        this.requests = new DeskRequests(background);
        this.form = new BookingForm(background, requests, text, new BookingForm.Site() {
            @Override
            public Long id() {
                return siteId();
            }

            @Override
            public QueueDeskClient client() {
                return live.client();
            }
        }, live.onlineProperty(), this::booked);
        canAct = Bindings.createBooleanBinding(() -> live.onlineProperty().get() && !requests.isBusy(),
                live.onlineProperty(), requests.busyProperty());
        canChange = Bindings.createBooleanBinding(() -> canAct.get() && kindOfSelected() == AppointmentRow.Kind.BOOKED,
                canAct, selected);
        canCheckIn = Bindings.createBooleanBinding(() -> canChange.get() && day.get() != null && day.get().equals(today()),
                canChange, day);
        day.addListener((o, before, now) -> {
            dayTitle.set(now == null ? "" : now.format(java.time.format.DateTimeFormatter
                    .ofLocalizedDate(java.time.format.FormatStyle.FULL).withLocale(text.locale())));
            form.dayProperty().set(now);
            reload();
        });
        doctor.addListener((o, before, now) -> showRows());
        search.addListener((o, before, now) -> {
            error.set("");
            showRows();
        });
        selected.addListener((o, before, now) -> {
            if (before == null || now == null || !java.util.Objects.equals(before.id(), now.id())
                    || before.kind() != now.kind()) {
                error.set("");
                if (now != null && now.kind() == AppointmentRow.Kind.FREE && form.modeProperty().get() == BookingForm.Mode.BOOK) {
                    form.takeFreeSlot(now.slot(), serviceOf(now.slot()), day.get());
                }
            }
        });
        live.onEvent(event -> {
            if (event instanceof AppointmentEvent) {
                reload();
            }
        });
        live.onChange(this::siteChanged);
        siteChanged();
    }

    // --- the day -------------------------------------------------------------------------------------

    private void siteChanged() {
        var snapshot = live.snapshot();
        if (snapshot == null) {
            return;
        }
        if (!services.equals(snapshot.services())) {
            services.setAll(snapshot.services());
            if (form.serviceProperty().get() == null && !services.isEmpty()) {
                form.serviceProperty().set(services.get(0));
            }
        }
        if (day.get() == null) {
            day.set(today()); // reads the day
        } else if (loadPending) {
            reload();
        }
    }

    /** Today at the site, in the site's time zone. */
    public LocalDate today() {
        var snapshot = live.snapshot();
        ZoneId zone = snapshot == null ? text.clock().getZone() : ZoneId.of(snapshot.site().timeZone());
        return LocalDate.now(text.clock().withZone(zone));
    }

    public void previousDay() {
        day.set(day.get().minusDays(1));
    }

    public void nextDay() {
        day.set(day.get().plusDays(1));
    }

    /** Today; pressed while today shows, it reads the day again (what a receptionist expects of it). */
    public void goToToday() {
        LocalDate today = today();
        if (today.equals(day.get())) {
            reload();
        } else {
            day.set(today);
        }
    }

    /** Reads the chosen day again: its bookings and every service's free slots, off the FX thread. */
    public void reload() {
        Long siteId = siteId();
        LocalDate on = day.get();
        if (siteId == null || on == null) {
            loadPending = true;
            return;
        }
        loadPending = false;
        QueueDeskClient client = live.client();
        List<Long> serviceIds = services.stream().map(ServiceDto::id).toList();
        int read = ++reads;
        background.run(() -> {
            List<AppointmentDto> bookings = client.appointments(siteId, on, null);
            List<SlotDto> free = new ArrayList<>();
            for (long serviceId : serviceIds) {
                free.addAll(client.freeSlots(siteId, serviceId, null, on, on));
            }
            return new DayPlan(bookings, free);
        }, fresh -> {
            if (read == reads) {
                plan = fresh;
                showRows();
            }
        }, failure -> {
            if (read == reads) {
                error.set(text.failure(failure));
            }
        });
    }

    private void showRows() {
        List<String> names = new ArrayList<>(List.of(BookingForm.ANY_DOCTOR));
        names.addAll(plan.doctors());
        String kept = doctor.get() == null ? BookingForm.ANY_DOCTOR : doctor.get();
        if (!names.contains(kept)) {
            names.add(kept); // a doctor chosen stays chosen on a day they do not work
        }
        if (!names.equals(doctors)) {
            doctors.setAll(names);
            doctor.set(kept);
        }
        String who = doctor.get() == null || doctor.get().equals(BookingForm.ANY_DOCTOR) ? null : doctor.get();
        AppointmentRow before = selected.get();
        rows.setAll(plan.rows(who, search.get(), new Words()));
        Long keep = selectAfterLoad != null ? selectAfterLoad : before == null ? null : before.id();
        if (selectAfterLoad != null && rows.stream().anyMatch(r -> selectAfterLoad.equals(r.id()))) {
            selectAfterLoad = null;
        }
        selected.set(keep == null ? null : rows.stream().filter(r -> keep.equals(r.id())).findFirst().orElse(null));
    }

    private final class Words implements DayPlan.Words {
        @Override
        public String state(AppointmentRow.Kind kind, AppointmentDto booking) {
            if (kind == AppointmentRow.Kind.CHECKED_IN && booking != null && booking.ticketId() != null
                    && live.board().ticket(booking.ticketId())
                    .filter(t -> LateCheckIns.queuedByArrival(t, booking)).isPresent()) {
                return text.format("appointments.state.checked_in_late", ticketNumber(booking));
            }
            if (kind == AppointmentRow.Kind.CHECKED_IN) {
                return text.format("appointments.state.checked_in", ticketNumber(booking));
            }
            return text.format("appointments.state." + kind.name().toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public String service(long serviceId) {
            return services.stream().filter(s -> s.id() == serviceId).map(ServiceDto::name).findFirst().orElse("");
        }
    }

    private String ticketNumber(AppointmentDto booking) {
        return booking == null || booking.ticketId() == null ? ""
                : live.board().ticket(booking.ticketId()).map(t -> t.number()).orElse("");
    }

    // --- finding -------------------------------------------------------------------------------------

    /**
     * Enter in the search box: the day's list is already filtered by name, phone or code; a booking code not on
     * this day is asked from the server, and its day is shown with it chosen.
     */
    public void find() {
        String wanted = search.get() == null ? "" : search.get().strip();
        error.set("");
        if (wanted.isEmpty() || !rows.isEmpty()) {
            if (!rows.isEmpty()) {
                selected.set(rows.get(0));
            }
            return;
        }
        Long siteId = siteId();
        if (siteId == null || !wanted.toUpperCase(java.util.Locale.ROOT).matches(BOOKING_CODE)) {
            error.set(text.format("appointments.find.none", wanted));
            return;
        }
        QueueDeskClient client = live.client();
        String code = wanted.toUpperCase(java.util.Locale.ROOT);
        background.run(() -> client.appointmentsByCode(siteId, code), found -> {
            if (found.isEmpty()) {
                error.set(text.format("appointments.find.none", wanted));
                return;
            }
            AppointmentDto booking = found.get(0);
            selectAfterLoad = booking.id();
            doctor.set(BookingForm.ANY_DOCTOR);
            if (booking.localDate().equals(day.get())) {
                showRows();
            } else {
                day.set(booking.localDate());
            }
        }, failure -> error.set(text.failure(failure)));
    }

    // --- actions -------------------------------------------------------------------------------------

    private void booked(AppointmentDto booking) {
        boolean moved = Long.valueOf(booking.id()).equals(moving);
        moving = null;
        info.set(text.format(moved ? "appointments.moved" : "appointments.booked", booking.code(), booking.localTime(),
                booking.doctor()));
        selectAfterLoad = booking.id();
        if (booking.localDate().equals(day.get())) {
            reload();
        } else {
            day.set(booking.localDate());
        }
    }

    /** Move the chosen booking: the form offers free slots and moves it to the one picked. */
    public void move() {
        chosenBooking().filter(b -> canChange.get()).ifPresent(b -> {
            info.set("");
            moving = b.id();
            form.startMove(b, serviceById(b.serviceId()), day.get());
        });
    }

    /** Cancelling frees the place and cannot be taken back: it asks first, naming the patient and time. */
    public void cancel() {
        chosenBooking().filter(b -> canChange.get()).ifPresent(b -> confirmation.ask(new Confirmation(
                text.format("appointments.cancel.confirm.title", b.code()),
                text.format("appointments.cancel.confirm.message", nameOf(b), b.localDate(), b.localTime(), b.doctor()),
                text.format("appointments.cancel.confirm.yes"), text.format("confirm.keep"), () -> {
                    QueueDeskClient client = live.client();
                    error.set("");
                    requests.send("cancel-appointment:" + b.id(), key -> client.cancelAppointment(b.id(), key),
                            cancelled -> {
                                info.set(text.format("appointments.cancelled", cancelled.code()));
                                reload();
                            }, failure -> error.set(text.failure(failure)));
                })));
    }

    /** Check in: the booking becomes a ticket; a late one is said to queue by arrival, like a walk-in. */
    public void checkIn() {
        chosenBooking().filter(b -> canCheckIn.get()).ifPresent(b -> {
            QueueDeskClient client = live.client();
            error.set("");
            requests.send("check-in:" + b.id(), key -> client.checkIn(b.id(), key), done -> {
                live.put(done.ticket());
                checkedIn.set(done);
                info.set(text.format(done.late() ? "appointments.checkedIn.late" : "appointments.checkedIn",
                        done.ticket().number(), nameOf(b)));
                reload();
            }, failure -> error.set(text.failure(failure)));
        });
    }

    private Optional<AppointmentDto> chosenBooking() {
        AppointmentRow row = selected.get();
        return row == null ? Optional.empty() : Optional.ofNullable(row.booking());
    }

    private AppointmentRow.Kind kindOfSelected() {
        return selected.get() == null ? null : selected.get().kind();
    }

    private String nameOf(AppointmentDto b) {
        return b.patientName() == null ? text.format("reception.cancel.confirm.nobody") : b.patientName();
    }

    private ServiceDto serviceOf(SlotDto slot) {
        ServiceDto current = form.serviceProperty().get();
        if (current != null && slot.serviceIds().contains(current.id())) {
            return current;
        }
        return slot.serviceIds().isEmpty() ? null : serviceById(slot.serviceIds().get(0));
    }

    private ServiceDto serviceById(long id) {
        return services.stream().filter(s -> s.id() == id).findFirst().orElse(null);
    }

    private Long siteId() {
        var snapshot = live.snapshot();
        return snapshot == null ? null : snapshot.site().id();
    }

    // --- properties ----------------------------------------------------------------------------------

    public LiveSite live() {
        return live;
    }

    public TicketText text() {
        return text;
    }

    public BookingForm form() {
        return form;
    }

    public PendingConfirmation confirmation() {
        return confirmation;
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ReadOnlyStringProperty dayTitleProperty() {
        return dayTitle.getReadOnlyProperty();
    }

    public ObservableList<String> doctors() {
        return doctors;
    }

    public ObjectProperty<String> doctorProperty() {
        return doctor;
    }

    public ObservableList<ServiceDto> services() {
        return services;
    }

    public ObservableList<AppointmentRow> rows() {
        return rows;
    }

    public ObjectProperty<AppointmentRow> selectedProperty() {
        return selected;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** The last check-in's answer (its ticket and whether it was late). */
    public ReadOnlyObjectProperty<CheckInDto> checkedInProperty() {
        return checkedIn.getReadOnlyProperty();
    }

    public BooleanBinding canActProperty() {
        return canAct;
    }

    /** Move and cancel: a booked (not yet checked-in) line is chosen. */
    public BooleanBinding canChangeProperty() {
        return canChange;
    }

    /** Check in: a booked line of today is chosen. */
    public BooleanBinding canCheckInProperty() {
        return canCheckIn;
    }
}
