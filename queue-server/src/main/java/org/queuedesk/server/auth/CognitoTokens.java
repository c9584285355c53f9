package org.queuedesk.server.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.queuedesk.common.Role;
import org.queuedesk.server.app.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Amazon Cognito user-pool tokens (nimbus-jose-jwt): RS256 signature against the pool's JWKS,
 * issuer, expiry, {@code token_use}, and the app client ({@code aud} for ID tokens, {@code client_id} for
 * access tokens). The pool's {@code cognito:groups} become roles through the configured mapping.
 */
final class CognitoTokens {

    private static final Logger log = LoggerFactory.getLogger(CognitoTokens.class);
    private final AuthSettings.Cognito settings;
    private final DefaultJWTProcessor<SecurityContext> processor;

    CognitoTokens(AuthSettings.Cognito settings) {
        this.settings = settings;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(URI.create(settings.jwksUrl()).toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cognito JWKS URL is not a URL: " + settings.jwksUrl(), e);
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                new HashSet<>(List.of("sub", "exp", "iat", "token_use"))));
    }

    Optional<Principal> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            String use = claims.getStringClaim("token_use");
            boolean rightClient = switch (use == null ? "" : use) {
                case "id" -> claims.getAudience().contains(settings.clientId());
                case "access" -> settings.clientId().equals(claims.getStringClaim("client_id"));
                default -> false;
            };
            if (!rightClient) {
                return Optional.empty();
            }
            String name = firstNonNull(claims.getStringClaim("cognito:username"), claims.getStringClaim("username"),
                    claims.getSubject());
            return Optional.of(new Principal(name, rolesOf(claims.getStringListClaim("cognito:groups"))));
        } catch (Exception e) {
            log.debug("Cognito token refused: {}", e.getMessage());
            return Optional.empty();
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
