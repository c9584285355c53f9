package org.queuedesk.desktop.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;
import org.testfx.util.WaitForAsyncUtils;

/** The Appointments view's tests' day: the demo doctor's Wednesday, and its lines on reception's table. */
final class DoctorsWednesday {

    private DoctorsWednesday() {
    }

    /** The demo's doctor works Wednesdays 09:00-10:00 in 15-minute slots of the first service; its id. */
    static long schedule(TestServer server) throws Exception {
        Api admin = server.api().signedInAs("admin", "admin");
        long site = admin.get("/api/sites").json().get(0).get("id").asLong();
        long service = admin.get("/api/sites/" + site + "/services").json().get(0).get("id").asLong();
        var body = new ScheduleRequest(List.of(new ScheduleBlockRequest(3, "09:00", "10:00", List.of(service), null, 15, 1)));
        var response = admin.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/sites/" + site
                        + "/schedules/doctor")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return service;
    }

    /** Selects the line at {@code time}, as a click on it would. */
    static void choose(TableView<AppointmentRow> table, String time) throws Exception {
        AppointmentRow row = onFx(() -> line(table, time)).call();
        assertThat(row.kind()).as("a line at " + time).isNotNull();
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(row)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The line at that time (one doctor here), or a blank one while there is none. */
    static AppointmentRow line(TableView<AppointmentRow> table, String time) {
        return table.getItems().stream().filter(r -> r.time().equals(time)).findFirst()
                .orElse(new AppointmentRow(null, "", null, time, "", "", "", "", "", null, null));
    }
}
