package org.queuedesk.desktop.reception;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers as receptionists type them become the printed form the server files them under (README, …). */
class TicketNumbersTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "b-1|B-001", "B1|B-001", "b 1|B-001", " B-001 |B-001", "b - 01|B-001", "a-042|A-042", "A42|A-042",
            "abc7|ABC-007", "A-1000|A-1000", "a-0001|A-001", "B-000|B-000"})
    void typedNumbersBecomeThePrintedForm(String typed, String printed) {
        assertThat(TicketNumbers.normalize(typed)).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({"hello", "12", "ABCD-1", "A-1234567"})
    void anythingElseIsLeftForTheServerToRefuse(String typed) {
        assertThat(TicketNumbers.normalize(typed)).isEqualTo(typed);
    }
}
