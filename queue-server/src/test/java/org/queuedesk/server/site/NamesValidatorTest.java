package org.queuedesk.server.site;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.site.NamesRequest;
import org.queuedesk.server.testing.ValidationTable;

/** Replacing names per language: services' up to 80 characters, rooms' up to 40 ({@code validation/*-names.psv}). */
class NamesValidatorTest {

    @TestFactory
    Stream<DynamicTest> serviceNamesAsTheTableSays() {
        return ValidationTable.of("validation/service-names.psv", NamesRequest.class)
                .check(r -> NamesValidator.validate(r, CreateServiceValidator.MAX_NAME));
    }

    @TestFactory
    Stream<DynamicTest> roomNamesAsTheTableSays() {
        return ValidationTable.of("validation/room-names.psv", NamesRequest.class)
                .check(r -> NamesValidator.validate(r, CreateRoomValidator.MAX_NAME));
    }
}
