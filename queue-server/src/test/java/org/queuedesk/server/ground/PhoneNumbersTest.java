package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.queuedesk.server.ground.ApiProblem;

class PhoneNumbersTest {

    @Test
    void aNumberWithItsCountryCodeBecomesE164() {
        assertThat(PhoneNumbers.toE164("+34 600 12 34 56", null)).isEqualTo("+34600123456");
        assertThat(PhoneNumbers.toE164("+44 7911 123456", "ES")).isEqualTo("+447911123456");
    }

    @Test
    void aNationalNumberIsReadInTheSitesRegion() {
        assertThat(PhoneNumbers.toE164("600 123 456", "ES")).isEqualTo("+34600123456");
        assertThat(PhoneNumbers.toE164("07911 123456", "gb")).isEqualTo("+447911123456");
    }

    @Test
    void aNationalNumberNeedsARegion() {
        assertThatThrownBy(() -> PhoneNumbers.toE164("600123456", null))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors()).containsKey("phone");
                });
    }

    @Test
    void invalidNumbersAreRefusedNamingThePhoneField() {
        for (String bad : new String[] {"+34 123", "+999 600123456", "+34 600 123 456 789 000", "12345"}) {
            assertThatThrownBy(() -> PhoneNumbers.toE164(bad, "ES")).as(bad)
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.errors()).containsKey("phone"));
        }
        assertThatThrownBy(() -> PhoneNumbers.checkShape("call me maybe"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.errors()).containsEntry("phone",
                        "use digits, spaces and an optional leading +, e.g. +34 600 123 456."));
    }

    @Test
    void aNumberCutShortIsCalledTooShortNotWronglyTyped() {
        assertThatThrownBy(() -> PhoneNumbers.checkShape("12"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.errors().get("phone")).startsWith("is too short"));
    }

    @Test
    void landlinesCannotGetTextMessages() {
        assertThatThrownBy(() -> PhoneNumbers.toE164("+34 915 123 456", null))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage()).contains("mobile"));
    }

    @Test
    void masksAllButTheCountryCodeAndLastDigits() {
        assertThat(PhoneNumbers.mask("+34600123456")).isEqualTo("+34******456");
        assertThat(PhoneNumbers.maskAll("to +34600123456 failed")).isEqualTo("to +34******456 failed");
        assertThat(PhoneNumbers.mask(null)).isNull();
    }

    /** The table in test resources says what masking must and must not touch. */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/notify/log-masking.psv", delimiter = '|')
    void masksPhoneNumbersButNotAddressesPortsUrlsTimesOrIdentifiers(String input, String expected) {
        assertThat(PhoneNumbers.maskAll(input)).isEqualTo(expected);
    }
}
