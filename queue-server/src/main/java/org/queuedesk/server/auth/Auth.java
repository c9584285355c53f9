package org.queuedesk.server.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.queuedesk.common.Release;
import org.queuedesk.common.auth.AuthConfigDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Authenticator;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.HealthCheck;
import org.queuedesk.server.ground.Principal;

/** Sign-in, assembled from its settings: which provider verifies users, plus devices and the audit log. */
public final class Auth {

    private final AuthSettings settings;
    private final BuiltInAccounts accounts;
    private final Devices devices;
    private final AuditLog audit;
    private final Authenticator authenticator;
    private final CognitoTokens cognito;
    private final AccessEnded accessEnded;

    public Auth(Database db, Path dataDir, AuthSettings settings, Clock clock) {
        this(db, dataDir, settings, clock, AccessEnded.NOBODY);
    }

    /** @param accessEnded told after a device is revoked or a user disabled (e.g. to close their live streams) */
    public Auth(Database db, Path dataDir, AuthSettings settings, Clock clock, AccessEnded accessEnded) {
        this.settings = settings;
        this.accessEnded = accessEnded;
        this.audit = new AuditLog(db, clock);
        this.devices = new Devices(db, audit, clock, accessEnded);
        if (AuthSettings.COGNITO.equals(settings.provider())) {
            var cognito = new CognitoTokens(settings.cognito(), audit, clock);
            this.cognito = cognito;
            this.accounts = null;
            this.authenticator = new TokenAuthenticator(devices, cognito::verify);
        } else {
            var tokens = new AccessTokens(AccessTokens.loadOrCreateKey(dataDir), clock, settings.accessTokenTtl());
            var built = new BuiltInAccounts(db, tokens, new PasswordHasher(settings.bcryptCost()), audit, settings,
                    clock, accessEnded);
            this.accounts = built;
            this.cognito = null;
            this.authenticator = new TokenAuthenticator(devices,
                    token -> tokens.verify(token).filter(p -> !built.disabled(p.name())));
        }
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /**
     * Whether a caller let in a moment ago still may be: its device not revoked, its account not disabled since.
     * A live stream asks this once it is registered, so a revocation racing with its upgrade still closes it.
     */
    public boolean stillAllowed(Principal principal) {
        if (principal.device()) {
            return principal.deviceId() == null || devices.active(principal.deviceId());
        }
        return accounts == null || !accounts.disabled(principal.name());
    }

    /** The channel on which instances sharing a PostgreSQL database hear that someone's access ended. */
    public static final String ACCESS_CHANNEL = AuthDao.ACCESS_CHANNEL;

    static String userEnded(String username) {
        return "user:" + username;
    }

    static String deviceEnded(long id, String kind) {
        return "device:" + id + ":" + kind;
    }

    /**
     * Heard on {@link #ACCESS_CHANNEL} (PostgreSQL, from whichever instance made the change, this one included):
     * closes what that user or device holds open here. Their requests are refused already, each instance reading
     * the database ({@link BuiltInAccounts#disabled}, {@link Devices#verify}); this ends their live streams too.
     */
    public void accessEndedElsewhere(String payload) {
        if (payload.startsWith("user:")) {
            accessEnded.ended(BuiltInAccounts.user(payload.substring("user:".length())), BuiltInAccounts.DISABLED);
        } else if (payload.startsWith("device:")) {
            String[] parts = payload.split(":", 3);
            accessEnded.ended(Devices.revoked(Long.parseLong(parts[1])), Devices.revokedReason(parts[2]));
        }
    }

    /**
     * After the listener missed what was said meanwhile (its connection was lost): every open stream whose caller is
     * no longer allowed closes, as if it had heard.
     */
    public void accessMayHaveEndedUnheard() {
        accessEnded.ended(p -> !p.device() && !stillAllowed(p), BuiltInAccounts.DISABLED);
        accessEnded.ended(p -> p.device() && !stillAllowed(p), "This device was revoked; an administrator can "
                + "register it again.");
    }

    /** What {@code /health} checks besides the database: Cognito's signing keys and recent refusals. */
    public List<HealthCheck> healthChecks() {
        return cognito == null ? List.of() : List.of(cognito);
    }

    /** Logs where staff tokens are checked, or why every one of them will be refused (Cognito). */
    public void logProviderCheck() {
        if (cognito != null) {
            cognito.logStartupCheck();
        }
    }

    public Devices devices() {
        return devices;
    }

    public AuditLog audit() {
        return audit;
    }

    public Optional<BuiltInAccounts> builtIn() {
        return Optional.ofNullable(accounts);
    }

    /** The built-in store, or a 409 explaining that this server signs in through Cognito. */
    BuiltInAccounts requireBuiltIn() {
        if (accounts == null) {
            throw ApiProblem.conflict("This server signs staff in through Amazon Cognito; manage users in the user pool.");
        }
        return accounts;
    }

    public AuthConfigDto clientConfig() {
        var c = settings.cognito();
        return c == null
                ? new AuthConfigDto(AuthConfigDto.BUILTIN, null, null, null, null, Release.current())
                : new AuthConfigDto(AuthConfigDto.COGNITO, c.region(), c.userPoolId(), c.clientId(), c.clientEndpoint(),
                        Release.current());
    }

    /** First users (and in demo mode the documented demo devices) on a fresh server. */
    public void ensureFirstUsers(boolean demo, Long demoSiteId) {
        if (accounts != null) {
            accounts.ensureFirstUsers(demo);
        }
        if (demo && demoSiteId != null) {
            devices.registerDemo(demoSiteId, "Demo kiosk", "kiosk", DEMO_KIOSK_TOKEN);
            devices.registerDemo(demoSiteId, "Demo display", "display", DEMO_DISPLAY_TOKEN);
        }
    }

    /** Documented in the README; exist only in demo mode. */
    public static final String DEMO_KIOSK_TOKEN = "qdd_demo-kiosk";
    public static final String DEMO_DISPLAY_TOKEN = "qdd_demo-display";
}
