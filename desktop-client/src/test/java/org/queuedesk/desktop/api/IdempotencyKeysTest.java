package org.queuedesk.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.json.Problem;

class IdempotencyKeysTest {

    private final IdempotencyKeys keys = new IdempotencyKeys();

    @Test
    void aRetryAfterNoAnswerReusesTheKey() {
        String first = keys.keyFor("next:1:0");
        keys.settledUnlessUnanswered("next:1:0", new IOException("connection reset"));

        assertThat(keys.keyFor("next:1:0")).isEqualTo(first);
    }

    @Test
    void anAnsweredActionGetsANewKeyNextTime() {
        String first = keys.keyFor("next:1:0");
        keys.settledUnlessUnanswered("next:1:0", new ApiException(409, new Problem(null, "Conflict", 409,
                "This Next is out of date", null, null, null)));

        assertThat(keys.keyFor("next:1:0")).isNotEqualTo(first);
    }

    @Test
    void differentActionsHaveDifferentKeys() {
        assertThat(keys.keyFor("issue:a")).isNotEqualTo(keys.keyFor("issue:b"));
    }
}
