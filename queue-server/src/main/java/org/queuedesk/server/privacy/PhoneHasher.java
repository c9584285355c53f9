package org.queuedesk.server.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.queuedesk.server.ground.KeyFiles;
import org.queuedesk.server.ground.Port;

/**
 * A phone number's stand-in where the number itself must not be kept (opt-outs outlive the retention):
 * HMAC-SHA-256 of the E.164 number with a random key of this installation. A plain SHA-256 would not do:
 * there are only about 10^10 numbers per country code, so anyone with a copy of the database could hash
 * them all in minutes; without the key file (kept next to the database, never in it) they cannot.
 *
 * <p>The key file must be backed up with the database: if it is lost, stored opt-outs no longer match.
 */
@Port
public final class PhoneHasher {

    static final String KEY_FILE = "phone-hash.key";
    private final SecretKeySpec key;

    public PhoneHasher(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The phone hash key must have at least 256 bits");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The installation's key from the data folder, created (owner-readable only) on first start. */
    public static PhoneHasher loadOrCreate(Path dataDir) {
        return new PhoneHasher(KeyFiles.loadOrCreate(dataDir, KEY_FILE, "phone hash key"));
    }

    /** The same E.164 number always gives the same hex digest on this installation. */
    public String hash(String e164) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
