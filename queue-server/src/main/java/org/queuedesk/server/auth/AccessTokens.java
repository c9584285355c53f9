package org.queuedesk.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.queuedesk.common.Role;
import org.queuedesk.server.ground.KeyFiles;
import org.queuedesk.server.ground.Principal;

/**
 * The built-in provider's access tokens: short-lived JWTs signed with HMAC-SHA256 (nimbus-jose-jwt). The
 * key is made on first start and kept in the data folder, readable only by the server's user; it is never
 * in the repository or the log.
 */
final class AccessTokens {

    static final String ISSUER = "queuedesk";
    private final byte[] key;
    private final Clock clock;
    private final Duration ttl;

    AccessTokens(byte[] key, Clock clock, Duration ttl) {
        this.key = key.clone();
        this.clock = clock;
        this.ttl = ttl;
    }

    static byte[] loadOrCreateKey(Path dataDir) {
        return KeyFiles.loadOrCreate(dataDir, "token-signing.key", "token signing key");
    }

    Duration ttl() {
        return ttl;
    }

    String issue(String username, java.util.Set<Role> roles) {
        var now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(username)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles.stream().map(Role::wireName).sorted().toList())
                .claim("token_use", "access")
                .build();
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A principal for a valid, unexpired token of ours; empty for anything else. */
    Optional<Principal> verify(String token) {
        try {
            var jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            var claims = jwt.getJWTClaimsSet();
            var expiry = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || !"access".equals(claims.getStringClaim("token_use"))
                    || expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            var roles = EnumSet.noneOf(Role.class);
            List<String> names = claims.getStringListClaim("roles");
            if (names != null) {
                names.forEach(n -> roles.add(Role.fromWire(n)));
            }
            roles.removeAll(EnumSet.of(Role.KIOSK, Role.DISPLAY, Role.PUBLIC));
            return Optional.of(new Principal(claims.getSubject(), roles));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
