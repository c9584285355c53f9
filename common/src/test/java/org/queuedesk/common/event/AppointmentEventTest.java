package org.queuedesk.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.AppointmentState;
import org.queuedesk.common.event.EventPayload.AppointmentChange;
import org.queuedesk.common.json.JsonMapperFactory;

/**
 * Appointment events against JSON written by hand from README ("Appointments", "Event wire"): the event log and
 * staff never get the patient's name or phone; displays and kiosks get neither the code nor the doctor.
 */
class AppointmentEventTest {

    private final ObjectMapper json = JsonMapperFactory.create();
    private static final AppointmentDto BOOKING = new AppointmentDto(5, 1, 2, "dr.vidal", 3L,
            Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T08:15:00Z"), LocalDate.parse("2026-03-02"),
            "09:00", "7KX4PA", AppointmentState.CHECKED_IN, "Ana Ruiz", "+34600111222", "es", 42L,
            Instant.parse("2026-02-20T10:00:00Z"));

    private JsonNode expected(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theEventCarriesTheBookingWithoutItsPatientAndReadsBackAsAnAppointmentEvent() throws IOException {
        var event = new AppointmentChange(EventType.APPOINTMENT_CHECKED_IN, BOOKING)
                .toEvent(14, 1, Instant.parse("2026-03-02T08:55:00Z"), "anna");

        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(expected("appointment-checked-in.json"));
        assertThat(json.readValue(expected("appointment-checked-in.json").toString(), QueueEvent.class))
                .isEqualTo(event).isInstanceOf(AppointmentEvent.class);
    }

    @Test
    void displaysAndKiosksGetNeitherTheCodeNorTheDoctor() throws IOException {
        var event = new AppointmentChange(EventType.APPOINTMENT_CHECKED_IN, BOOKING)
                .toEvent(14, 1, Instant.parse("2026-03-02T08:55:00Z"), "anna");

        assertThat(json.readTree(json.writeValueAsString(event.withoutPersonalData())))
                .isEqualTo(expected("appointment-checked-in.display.json"));
    }
}
