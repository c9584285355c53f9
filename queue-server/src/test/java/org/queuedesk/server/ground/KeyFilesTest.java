package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several instances of one database start at once on an empty, shared keys folder: they must end with one key. */
class KeyFilesTest {

    @TempDir
    Path temp;

    @Test
    void instancesStartingAtOnceOnAnEmptyKeysFolderAllGetTheOneKeyOnDisk() throws Exception {
        int instances = 8;
        for (int round = 0; round < 25; round++) {
            Path keys = temp.resolve("keys-" + round);
            var barrier = new CyclicBarrier(instances);
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            try {
                var results = new ArrayList<Future<byte[]>>();
                for (int i = 0; i < instances; i++) {
                    results.add(pool.submit(() -> {
                        barrier.await();
                        return KeyFiles.loadOrCreate(keys, "token-signing.key", "token signing key");
                    }));
                }
                var keysSeen = new ArrayList<String>();
                for (var result : results) {
                    keysSeen.add(HexFormat.of().formatHex(result.get()));
                }
                byte[] onDisk = Files.readAllBytes(keys.resolve("token-signing.key"));
                assertThat(onDisk).hasSize(32);
                for (String seen : keysSeen) {
                    assertThat(seen).as("round %d", round)
                            .isEqualTo(HexFormat.of().formatHex(onDisk));
                }
                try (var files = Files.list(keys)) {
                    assertThat(files.map(f -> f.getFileName().toString()).toList())
                            .as("no candidate left behind").containsExactly("token-signing.key");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aKeyOnDiskIsReadNotReplaced() throws Exception {
        byte[] first = KeyFiles.loadOrCreate(temp, "phone-hash.key", "phone hash key");
        byte[] second = KeyFiles.loadOrCreate(temp, "phone-hash.key", "phone hash key");
        assertThat(second).isEqualTo(first).isEqualTo(Files.readAllBytes(temp.resolve("phone-hash.key")));
        assertThat(KeyFiles.present(temp)).containsExactly(temp.resolve("phone-hash.key"));
    }
}
