package org.queuedesk.server.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.CheckInDto;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * README's ordering rule, checked against a model written from the README alone: every waiting ticket has a queue
 * time — a walk-in its arrival; a checked-in appointment its slot's start, unless it arrived more than the grace
 * period (15 minutes) after it, then its arrival — and Next calls, of the tickets whose queue time has come, the
 * one with the earliest, ties in order of arrival at the desk. Random walk-ins, slots and arrivals (early, on time,
 * late), with Next pressed at random moments in between and until everyone is called.
 */
class NextOrderPropertiesIT {

    private static final Instant OPEN = Instant.parse("2026-11-23T08:00:00Z"); // a Monday, at a UTC site
    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(15);
    private static final MutableClock clock = new MutableClock(OPEN);
    private static TestServer server;
    private static int sites;

    @BeforeContainer
    static void start() {
        server = TestServer.start(clock);
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Something that happens at a minute after 08:00: a walk-in arrives, a booked patient arrives, or Next. */
    record Step(int minute, Kind kind, int slot) {
    }

    enum Kind { WALK_IN, APPOINTMENT, NEXT }

    @Provide
    Arbitrary<List<Step>> days() {
        Arbitrary<Step> walkIn = Arbitraries.integers().between(0, 150).map(m -> new Step(m, Kind.WALK_IN, -1));
        Arbitrary<Step> next = Arbitraries.integers().between(0, 150).map(m -> new Step(m, Kind.NEXT, -1));
        // a slot k starts at 09:00 + 15k; its patient arrives 30 minutes early to 25 minutes late (30: missed)
        Arbitrary<Step> booked = Combinators.combine(Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(-30, 25)).as((k, offset) -> new Step(60 + 15 * k + offset, Kind.APPOINTMENT, k));
        return Combinators.combine(walkIn.list().ofMaxSize(8), booked.list().ofMaxSize(5).uniqueElements(Step::slot),
                next.list().ofMaxSize(6)).as((w, a, n) -> {
                    var all = new ArrayList<Step>(w);
                    all.addAll(a);
                    all.addAll(n);
                    all.sort(Comparator.comparingInt(Step::minute)); // stable: equal minutes keep this order
                    return all;
                });
    }

    @Property(tries = 40)
    void nextCallsByQueueTimeOnceItHasCome(@ForAll("days") List<Step> day) {
        clock.set(OPEN);
        var clinic = new AppointmentClinic(server.api(), "Property clinic " + ++sites, "UTC");
        String doctor = "prop.doctor" + sites; // a doctor's places are theirs at any site: one per try
        clinic.doctor(doctor);
        clinic.schedule(doctor, "09:00", "11:00", 15, 1, 1);
        long session = server.api().openSession(clinic.room, List.of(clinic.service), doctor).id();
        Map<Integer, AppointmentDto> bookings = new HashMap<>();
        for (Step step : day) {
            if (step.kind() == Kind.APPOINTMENT) {
                bookings.put(step.slot(), clinic.book(doctor, slot(step.slot()), "Patient " + step.slot()));
            }
        }

        var model = new ArrayList<Waiting>();
        int arrivals = 0;
        var called = new ArrayList<Long>();
        var expected = new ArrayList<Long>();
        for (Step step : day) {
            Instant now = OPEN.plus(Duration.ofMinutes(step.minute()));
            clock.set(now);
            switch (step.kind()) {
                case WALK_IN -> {
                    TicketDto t = server.api().issue(new IssueTicketRequest(clinic.service, null, null, null, null, null));
                    model.add(new Waiting(t.id(), now, arrivals++));
                }
                case APPOINTMENT -> {
                    Instant slot = slot(step.slot());
                    var checkIn = server.api().post("/api/appointments/" + bookings.get(step.slot()).id() + "/check-in", null);
                    assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(200);
                    boolean late = now.isAfter(slot.plus(GRACE));
                    model.add(new Waiting(checkIn.as(CheckInDto.class).ticket().id(), late ? now : slot, arrivals++));
                }
                case NEXT -> next(session, now, model, called, expected);
            }
        }
        Instant end = OPEN.plus(Duration.ofHours(4));
        clock.set(end);
        while (!model.isEmpty()) {
            next(session, end, model, called, expected);
        }
        next(session, end, model, called, expected); // nobody left: both say null
        assertThat(called).isEqualTo(expected);
    }

    /** A waiting ticket as the model sees it: its queue time and the order it arrived at the desk. */
    record Waiting(long ticket, Instant queueTime, int arrival) {
    }

    private static Long next(long session, Instant now, List<Waiting> model, List<Long> called, List<Long> expected) {
        NextResult result = server.api().next(session);
        var head = model.stream().filter(w -> !w.queueTime().isAfter(now))
                .min(Comparator.comparing(Waiting::queueTime).thenComparingInt(Waiting::arrival));
        head.ifPresent(model::remove);
        // one entry per Next, null for "nobody": who is called, and when
        expected.add(head.map(Waiting::ticket).orElse(null));
        Long id = result.called() == null ? null : result.called().id();
        called.add(id);
        return id;
    }

    private static Instant slot(int k) {
        return NINE.plus(Duration.ofMinutes(15L * k));
    }
}
