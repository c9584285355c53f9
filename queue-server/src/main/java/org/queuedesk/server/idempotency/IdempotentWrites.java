package org.queuedesk.server.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.queuedesk.server.ground.AccessCheck;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.WriteCollision;
import org.queuedesk.server.ground.IdempotentHandler;
import org.queuedesk.server.ground.IdempotentHandler.Change;
import org.queuedesk.server.ground.Reply;

/**
 * Runs a POST that creates or moves something, honouring {@code Idempotency-Key}: the key is looked up,
 * the change made and the answer stored in one write transaction, so a retry with the same key and body
 * gets the same answer and changes nothing more; the same key with another body is refused with 422.
 * The route tree runs every route declared idempotent through here; features never call it.
 */
public final class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    static final Duration KEEP = Duration.ofHours(24);
    static final int PURGE_BATCH = 1_000;
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // 0.1 and 0.10000000000000001 stay apart
            .build();
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private final Database db;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotentWrites(Database db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code handler}: it reads and checks the request here, on the request thread (a refusal changes
     * nothing and is not remembered); then the key is looked up and its change made in one write transaction.
     */
    public void respond(Context ctx, IdempotentHandler handler) {
        Change change = handler.prepare(ctx, AccessCheck.principal(ctx));
        String key = ctx.header(HEADER);
        if (key != null && !KEY.matcher(key).matches()) {
            throw ApiProblem.invalidField(HEADER, "use 1 to 128 visible ASCII characters, e.g. a UUID.");
        }
        String fingerprint = key == null ? null : fingerprint(ctx);
        boolean[] replayed = {false};
        StoredReply reply = db.write(tx -> {
            if (key != null) {
                var earlier = IdempotencyWriteDao.find(tx, key);
                if (earlier.isPresent()) {
                    if (!earlier.get().fingerprint().equals(fingerprint)) {
                        throw ApiProblem.unprocessable("Idempotency-Key '" + key
                                + "' was already used for a different request; use a new key for a new request.");
                    }
                    replayed[0] = true;
                    return earlier.get();
                }
            }
            Reply fresh = change.apply(tx);
            String body = serialise(fresh.body());
            // a concurrent request with the same key (another transaction, or instance) stored its answer first:
            // this run is undone and run again, and then replays that answer instead of changing anything twice
            if (key != null && IdempotencyWriteDao.insert(tx, key, fingerprint, fresh.status(), body, clock.instant()) == 0) {
                throw new WriteCollision("Idempotency-Key '" + key + "' was stored by a concurrent request");
            }
            return new StoredReply(fingerprint, fresh.status(), body);
        });
        if (replayed[0]) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(reply.status()).contentType("application/json").result(reply.response());
    }

    /**
     * Forgets answers older than a day; called periodically. In write transactions of {@value #PURGE_BATCH}
     * keys, each queued behind the writes already waiting: a start after a long stop, with a backlog of a
     * week's keys, then holds Next for one batch at a time instead of for one DELETE of them all.
     */
    public int purgeExpired() {
        return purgeExpired(PURGE_BATCH, () -> { });
    }

    /** The purge in batches of {@code batch} keys, running {@code betweenBatches} after each (tests). */
    int purgeExpired(int batch, Runnable betweenBatches) {
        var cutoff = clock.instant().minus(KEEP);
        int purged = 0;
        while (true) {
            int deleted = db.write(tx -> tx.attach(IdempotencyDao.class).deleteBatchOlderThan(cutoff, batch));
            purged += deleted;
            if (deleted < batch) {
                return purged;
            }
            betweenBatches.run();
        }
    }

    private String serialise(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Same caller, method, path and request → same fingerprint. The body is compared as parsed JSON (keys
     * sorted, whitespace gone): a client that re-serialises its retry differently still gets the replay.
     */
    private static String fingerprint(Context ctx) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var principal = ctx.<org.queuedesk.server.ground.Principal>attribute(AccessCheck.PRINCIPAL);
            digest.update((principal == null ? "-" : principal.name()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(ctx.method().toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(ctx.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(canonicalBody(ctx.bodyAsBytes()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as canonical JSON; a body that is not JSON (refused later anyway) is taken byte for byte. */
    static byte[] canonicalBody(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try {
            Object parsed = CANONICAL.readValue(body, Object.class);
            return CANONICAL.writeValueAsBytes(parsed);
        } catch (IOException e) {
            return body;
        }
    }
}
