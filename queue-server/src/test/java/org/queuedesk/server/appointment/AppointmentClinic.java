package org.queuedesk.server.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.queuedesk.common.Role;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleDto;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.server.testing.Api;

/** A Madrid site with one service, a room and doctors on the appointments API, for the appointment tests. */
final class AppointmentClinic {

    static final String ZONE = "Europe/Madrid";
    final Api api;
    final long site;
    final long service;
    final long room;

    AppointmentClinic(Api api, String name) {
        this(api, name, ZONE);
    }

    AppointmentClinic(Api api, String name, String zone) {
        this.api = api;
        this.site = api.createSite(name, zone).id();
        this.service = api.createService(site, "General practice", "A").id();
        this.room = api.createRoom(site, "Room 1").id();
    }

    /** A built-in user with the doctor role (taken if it exists already: one server may hold many clinics). */
    void doctor(String username) {
        int status = api.post("/api/users", new CreateUserRequest(username, "a-long-enough-password-1",
                List.of(Role.DOCTOR))).status();
        assertThat(status).as("create " + username).isIn(201, 200, 409);
    }

    Api.Response put(String path, Object body) {
        try {
            return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Api.Response delete(String path) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).DELETE());
    }

    /** Weekly blocks of this clinic's service, from {@code start} to {@code end}, on the given weekdays. */
    ScheduleDto schedule(String doctor, String start, String end, int minutes, int capacity, int... weekdays) {
        var blocks = java.util.Arrays.stream(weekdays).mapToObj(d -> new ScheduleBlockRequest(d, start, end,
                List.of(service), room, minutes, capacity)).toList();
        var response = put("/api/sites/" + site + "/schedules/" + doctor, new ScheduleRequest(blocks));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.as(ScheduleDto.class);
    }

    Api.Response tryBook(String doctor, Instant slotStart, String name) {
        return api.post("/api/appointments", new BookAppointmentRequest(service, doctor, slotStart, name, null, "es"));
    }

    AppointmentDto book(String doctor, Instant slotStart, String name) {
        var response = tryBook(doctor, slotStart, name);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.as(AppointmentDto.class);
    }

    Api.Response post(String path, Object body) {
        return api.post(path, body);
    }

    static Map<String, Object> body(Object... pairs) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
