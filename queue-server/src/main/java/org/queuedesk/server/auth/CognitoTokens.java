package org.queuedesk.server.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.queuedesk.common.Role;
import org.queuedesk.server.ground.HealthCheck;
import org.queuedesk.server.ground.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Amazon Cognito user-pool tokens (nimbus-jose-jwt): RS256 signature against the pool's JWKS,
 * issuer, expiry (with {@value #CLOCK_SKEW_SECONDS} s of clock tolerance), {@code token_use}, and the app
 * client ({@code aud} for ID tokens, {@code client_id} for access tokens). The pool's {@code cognito:groups}
 * become roles through the configured mapping.
 *
 * <p>A misconfiguration (wrong JWKS URL, issuer or app client) refuses every staff token, so it must be
 * visible: the keys are checked at start-up and by {@code /health}, each refusal's reason is logged and
 * audited (never the token; at most one of each kind a minute, counting the rest), and refusals of a
 * configuration kind with no token accepted since turn {@code /health} to DEGRADED.
 */
final class CognitoTokens implements HealthCheck {

    static final int CLOCK_SKEW_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(CognitoTokens.class);
    private static final Duration REPORT_WINDOW = Duration.ofMinutes(1);
    private static final Duration KEY_CHECK_TTL = Duration.ofSeconds(30);

    /** Why a token was refused; the first four mean the configuration does not match the tokens. */
    enum Refusal {
        ISSUER(true), SIGNATURE(true), APP_CLIENT(true), KEYS_UNREACHABLE(true), EXPIRED(false), MALFORMED(false);

        final boolean configuration;

        Refusal(boolean configuration) {
            this.configuration = configuration;
        }
    }

    private record LastRefusal(Refusal kind, String reason, Instant at) {
    }

    private final AuthSettings.Cognito settings;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final AuditLog audit;
    private final Clock clock;
    private final RefusalLimiter<Refusal> limiter = new RefusalLimiter<>(REPORT_WINDOW);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Instant lastAccepted;
    private volatile LastRefusal lastConfigurationRefusal;
    private volatile Status keys;
    private volatile Instant keysCheckedAt;

    CognitoTokens(AuthSettings.Cognito settings, AuditLog audit, Clock clock) {
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        JWKSource<SecurityContext> keySource;
        try {
            keySource = JWKSourceBuilder.create(URI.create(settings.jwksUrl()).toURL()).retrying(true).build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cognito JWKS URL is not a URL: " + settings.jwksUrl(), e);
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keySource));
        var claims = new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                new HashSet<>(List.of("sub", "exp", "iat", "token_use")));
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    Optional<Principal> verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (java.text.ParseException e) {
            return refused(Refusal.MALFORMED, "not a signed JWT", token);
        } catch (BadJWTException e) {
            String message = String.valueOf(e.getMessage());
            return message.contains(" iss ")
                    ? refused(Refusal.ISSUER, "issued by " + claimedIssuer(token) + ", not by the configured issuer "
                            + settings.issuer() + " (check --cognito-issuer)", token)
                    : refused(message.startsWith("Expired") ? Refusal.EXPIRED : Refusal.MALFORMED, message, token);
        } catch (BadJOSEException e) {
            return refused(Refusal.SIGNATURE, e.getMessage() + ": no key of " + settings.jwksUrl()
                    + " verifies it (check --cognito-jwks-url)", token);
        } catch (KeySourceException e) {
            return refused(Refusal.KEYS_UNREACHABLE, "cannot read the signing keys at " + settings.jwksUrl() + ": "
                    + e.getMessage(), token);
        } catch (Exception e) {
            return refused(Refusal.MALFORMED, e.getClass().getSimpleName() + ": " + e.getMessage(), token);
        }
        try {
            String use = claims.getStringClaim("token_use");
            boolean rightClient = switch (use == null ? "" : use) {
                case "id" -> claims.getAudience().contains(settings.clientId());
                case "access" -> settings.clientId().equals(claims.getStringClaim("client_id"));
                default -> false;
            };
            if (!rightClient) {
                return refused(Refusal.APP_CLIENT, ("access".equals(use) || "id".equals(use) ? "an " + use
                        + " token of another app client" : "token_use '" + use + "' is neither 'id' nor 'access'")
                        + " (check --cognito-client-id)", token);
            }
            String name = firstNonNull(claims.getStringClaim("cognito:username"), claims.getStringClaim("username"),
                    claims.getSubject());
            lastAccepted = clock.instant();
            return Optional.of(new Principal(name, rolesOf(claims.getStringListClaim("cognito:groups"))));
        } catch (java.text.ParseException e) {
            return refused(Refusal.MALFORMED, "a claim has the wrong type: " + e.getMessage(), token);
        }
    }

    /** Logs and audits why (rate-limited), remembers configuration refusals for /health; never the token. */
    private Optional<Principal> refused(Refusal kind, String reason, String token) {
        Instant now = clock.instant();
        reason = printable(reason); // nimbus quotes the token's own claims (e.g. its issuer)
        if (kind.configuration) {
            lastConfigurationRefusal = new LastRefusal(kind, reason, now);
        }
        var admitted = limiter.admit(kind, now);
        if (admitted.isPresent()) {
            String more = admitted.getAsInt() == 0 ? "" : " (and " + admitted.getAsInt()
                    + " more refused for this reason since the last report)";
            String claimed = claimedUser(token);
            if (kind.configuration) {
                log.warn("Cognito token of '{}' refused: {}{}", claimed, reason, more);
            } else {
                log.info("Cognito token of '{}' refused: {}{}", claimed, reason, more);
            }
            try {
                audit.recordNow("cognito", "sign-in.refused", claimed + " (unverified)", reason + more);
            } catch (RuntimeException e) {
                log.warn("Could not audit a refused Cognito token", e);
            }
        }
        return Optional.empty();
    }

    /** Who the token says it is, unverified: for the log and the audit only. */
    private static String claimedUser(String token) {
        try {
            var claims = SignedJWT.parse(token).getJWTClaimsSet();
            return printable(firstNonNull(claims.getStringClaim("cognito:username"), claims.getStringClaim("username"),
                    claims.getSubject()));
        } catch (java.text.ParseException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String claimedIssuer(String token) {
        try {
            return printable(String.valueOf(SignedJWT.parse(token).getJWTClaimsSet().getIssuer()));
        } catch (java.text.ParseException | RuntimeException e) {
            return "an unknown issuer";
        }
    }

    /** Claims come from whoever sent the token: no line breaks or control characters into the log, kept short. */
    private static String printable(String text) {
        String clean = String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }

    @Override
    public String name() {
        return "cognito";
    }

    /** Down when the signing keys cannot be read, or when tokens are refused for a configuration reason. */
    @Override
    public Status check() {
        Status keyStatus = keyStatus();
        if (!keyStatus.up()) {
            return keyStatus;
        }
        var refusal = lastConfigurationRefusal;
        var accepted = lastAccepted;
        if (refusal != null && (accepted == null || refusal.at().isAfter(accepted))) {
            return Status.down("staff tokens are refused (last at " + refusal.at() + "): " + refusal.reason()
                    + (accepted == null ? "; none accepted yet" : "; last accepted at " + accepted));
        }
        return Status.ok();
    }

    /** At start-up: say where tokens are checked, or loudly why every staff sign-in will fail. */
    void logStartupCheck() {
        Status status = keyStatus();
        if (status.up()) {
            log.info("Cognito sign-in: user pool {}, app client {}, issuer {}, signing keys from {} (ID and access "
                    + "tokens, {} s clock tolerance)", settings.userPoolId(), settings.clientId(), settings.issuer(),
                    settings.jwksUrl(), CLOCK_SKEW_SECONDS);
        } else {
            log.error("Cognito sign-in will refuse every staff token: {}", status.reason());
        }
    }

    private Status keyStatus() {
        Instant now = clock.instant();
        Instant checked = keysCheckedAt;
        if (keys == null || checked == null || !now.isBefore(checked.plus(KEY_CHECK_TTL)) || now.isBefore(checked)) {
            keys = fetchKeys();
            keysCheckedAt = now;
        }
        return keys;
    }

    private Status fetchKeys() {
        String where = "cannot read the user pool's signing keys at " + settings.jwksUrl() + " (--cognito-jwks-url): ";
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(settings.jwksUrl()))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Status.down(where + "HTTP " + response.statusCode());
            }
            long rsaKeys = JWKSet.parse(response.body()).getKeys().stream()
                    .filter(k -> KeyType.RSA.equals(k.getKeyType())).count();
            return rsaKeys > 0 ? Status.ok() : Status.down(where + "it holds no RSA signing key");
        } catch (java.io.IOException e) {
            return Status.down(where + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (java.text.ParseException e) {
            return Status.down(where + "not a JSON Web Key Set (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.down(where + "interrupted");
        }
    }

    private Set<Role> rolesOf(List<String> groups) {
        var roles = EnumSet.noneOf(Role.class);
        if (groups != null) {
            groups.stream().map(settings.groupRoles()::get).filter(r -> r != null).forEach(roles::add);
        }
        return roles;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "unknown";
    }
}
