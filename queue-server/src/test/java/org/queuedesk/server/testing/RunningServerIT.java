package org.queuedesk.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension keeps its promise: a fresh server per test from an instance field, one per class from a
 * static one, and none left running after.
 */
class RunningServerIT {

    private static final List<Path> perTest = new ArrayList<>();
    private static final List<Path> perClass = new ArrayList<>();

    private static final List<String> addresses = new ArrayList<>();

    @AfterAll
    static void eachTestHadItsOwnServerTheStaticOneWasSharedAndAllAreClosed() {
        assertThat(perTest).hasSize(2).doesNotHaveDuplicates();
        assertThat(perClass).hasSize(2).containsOnly(perClass.get(0));
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String address : addresses) {
            var health = HttpRequest.newBuilder(URI.create(address + "/health")).timeout(Duration.ofSeconds(2)).build();
            assertThatThrownBy(() -> http.send(health, HttpResponse.BodyHandlers.discarding()))
                    .as("the server at " + address + " is closed").isInstanceOf(IOException.class);
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerTest {

        @RegisterExtension
        final RunningServer server = RunningServer.openAccess();

        @Test
        @Order(1)
        void aSiteCreatedInOneTest() {
            perTest.add(server.dataDir());
            addresses.add(server.baseUrl());
            server.api().createSite("Only here", "UTC");
            assertThat(server.api().get("/api/sites").json().size()).isEqualTo(1);
        }

        @Test
        @Order(2)
        void isNotThereInTheNext() {
            perTest.add(server.dataDir());
            addresses.add(server.baseUrl());
            assertThat(server.api().get("/api/sites").json().size()).isZero();
        }
    }

    @Nested
    class PerClass {

        @RegisterExtension
        static final RunningServer server = RunningServer.openAccess();

        @Test
        void oneTest() {
            perClass.add(server.dataDir());
            addresses.add(server.baseUrl());
            assertThat(server.api().get("/health").status()).isEqualTo(200);
        }

        @Test
        void anotherTest() {
            perClass.add(server.dataDir());
            addresses.add(server.baseUrl());
            assertThat(server.api().get("/health").status()).isEqualTo(200);
        }
    }
}
