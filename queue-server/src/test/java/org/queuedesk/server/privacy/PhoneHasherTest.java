package org.queuedesk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneHasherTest {

    @Test
    void theSameNumberGivesTheSameHashAndTheHashHidesTheNumber() {
        var hasher = new PhoneHasher(key(1));
        String hash = hasher.hash("+34600123456");
        assertThat(hasher.hash("+34600123456")).isEqualTo(hash);
        assertThat(hasher.hash("+34600123457")).isNotEqualTo(hash);
        assertThat(hash).hasSize(64).doesNotContain("600123456");
    }

    @Test
    void anotherInstallationsKeyGivesAnotherHash() {
        assertThat(new PhoneHasher(key(1)).hash("+34600123456"))
                .isNotEqualTo(new PhoneHasher(key(2)).hash("+34600123456"));
    }

    @Test
    void theKeyIsCreatedOnceAndKeptInTheDataFolder(@TempDir Path dir) throws Exception {
        String first = PhoneHasher.loadOrCreate(dir).hash("+34600123456");
        assertThat(Files.size(dir.resolve(PhoneHasher.KEY_FILE))).isEqualTo(32);
        assertThat(PhoneHasher.loadOrCreate(dir).hash("+34600123456")).isEqualTo(first);
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
