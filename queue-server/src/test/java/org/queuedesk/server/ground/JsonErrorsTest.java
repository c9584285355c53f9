package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.common.site.CreateRoomRequest;

/** What a caller reads when a body has the wrong shape: words a person can act on, never Java class names. */
class JsonErrorsTest {

    @Test
    void aBodyOfTheWrongShapeIsExplainedWithoutJavaClassNames() {
        var json = JsonMapperFactory.create();
        for (String body : List.of("\"Room 9\"", "[{\"name\": \"Room 9\"}]", "12", "true")) {
            var e = catchThrowableOfType(() -> json.readValue(body, CreateRoomRequest.class),
                    JsonProcessingException.class);
            assertThat(e).as(body).isNotNull();
            assertThat(JsonErrors.describe(e)).as(body)
                    .doesNotContain("org.queuedesk").doesNotContain("Cannot construct").contains("JSON object");
        }
    }
}
