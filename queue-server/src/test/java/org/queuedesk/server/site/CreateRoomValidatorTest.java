package org.queuedesk.server.site;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A new room, as {@code validation/create-room.psv} says. */
class CreateRoomValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/create-room.psv", CreateRoomRequest.class).check(CreateRoomValidator::validate);
    }
}
