package org.queuedesk.desktop.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:7070", "https://queue.clinic.example/qd/", " http://10.0.0.5:7070 "})
    void httpAddressesWithAHostAreAccepted(String typed) {
        assertThat(ServerAddress.parse(typed)).contains(URI.create(typed.trim()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|EMPTY",
        "'   '|EMPTY",
        "localhost:7070|NOT_HTTP",
        "ftp://host|NOT_HTTP",
        "http://|MALFORMED",
        "http://host:7070/?x=1|MALFORMED",
        "http://ho st|MALFORMED"})
    void otherAddressesAreRefusedWithAReason(String typed, ServerAddress.Problem problem) {
        assertThat(ServerAddress.problem(typed)).contains(problem);
        assertThat(ServerAddress.parse(typed)).isEmpty();
    }
}
