package org.queuedesk.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;

class JsonMapperFactoryTest {

    private final com.fasterxml.jackson.databind.ObjectMapper json = JsonMapperFactory.create();

    @Test
    void wellFormedRequestsAreRead() throws Exception {
        var request = json.readValue("{\"serviceId\":2,\"priority\":\"emergency\",\"patientName\":\"Ana\"}",
                IssueTicketRequest.class);
        assertThat(request.serviceId()).isEqualTo(2L);
        assertThat(request.priority()).isEqualTo(Priority.EMERGENCY);
        assertThat(request.patientName()).isEqualTo("Ana");
    }

    @Test
    void valuesOfTheWrongKindAreRefusedNotGuessedAt() {
        for (String body : new String[] {"{\"serviceId\":1.9}", "{\"serviceId\":\"12\"}", "{\"patientName\":5}",
                "{\"patientName\":true}", "{\"serviceId\":\"\"}", "{\"serviceId\":1,\"extra\":1}", "{\"serviceId\":1} {}"}) {
            assertThatThrownBy(() -> json.readValue(body, IssueTicketRequest.class)).as(body)
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    /** The server's problem bodies carry the request id (README: to find the request's log lines). */
    @Test
    void aProblemIsReadWithItsRequestId() throws Exception {
        var problem = json.readValue("{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,"
                + "\"detail\":\"No ticket 7.\",\"requestId\":\"proxy-7f3a.91\"}", Problem.class);
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.requestId()).isEqualTo("proxy-7f3a.91");
        assertThat(json.writeValueAsString(new Problem(null, "Conflict", 409, "d", null, null, null)))
                .doesNotContain("requestId");
    }
}
