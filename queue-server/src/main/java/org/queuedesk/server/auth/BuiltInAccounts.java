package org.queuedesk.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.RefreshRequest;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.auth.UserDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in user store: sign-in with bcrypt-hashed passwords, short-lived access tokens with rotating
 * refresh tokens, lockout after repeated failures (growing each time), and an admin's user management.
 * Password checks run outside the write lock: they are slow on purpose and must not hold up Next.
 */
public final class BuiltInAccounts {

    private static final Logger log = LoggerFactory.getLogger(BuiltInAccounts.class);
    private static final Duration MAX_LOCK = Duration.ofHours(1);
    static final Set<Role> USER_ROLES = EnumSet.of(Role.ADMIN, Role.RECEPTIONIST, Role.DOCTOR);

    private final Database db;
    private final AccessTokens tokens;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final AuthSettings settings;
    private final Clock clock;
    private final AccessEnded accessEnded;
    /**
     * SQLite (one instance): kept in memory so every request can check it, a disabled user's access tokens stop
     * working at once. Where several instances share the database (PostgreSQL) a set in one instance's memory
     * would let the user's tokens keep working on the others: there each request reads the flag instead.
     */
    private final Set<String> disabled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final boolean shared;

    BuiltInAccounts(Database db, AccessTokens tokens, PasswordHasher hasher, AuditLog audit, AuthSettings settings,
                    Clock clock, AccessEnded accessEnded) {
        this.db = db;
        this.tokens = tokens;
        this.hasher = hasher;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.accessEnded = accessEnded;
        this.shared = db.dialect() == Dialect.POSTGRESQL;
        if (!shared) {
            db.read(h -> h.attach(AuthDao.class).users()).stream().filter(UserRow::disabled)
                    .forEach(u -> disabled.add(u.username()));
        }
    }

    /** Why a disabled user's streams close. */
    static final String DISABLED = "Your account was disabled; ask an administrator.";

    /** The callers signed in as this user (not devices). */
    static java.util.function.Predicate<org.queuedesk.server.ground.Principal> user(String username) {
        return p -> !p.device() && username.equals(p.name());
    }

    /**
     * Whether a user's access tokens are refused because the account is disabled (a name the store does not know is
     * not disabled, on both stores alike: only this server's key signs tokens, and only for its users). On
     * PostgreSQL an indexed read on a read connection, before any write the request makes (not on the writer's path).
     */
    boolean disabled(String username) {
        if (shared) {
            return db.read(h -> h.attach(AuthDao.class).disabled(username)).orElse(false);
        }
        return disabled.contains(username);
    }

    public TokenResponse login(String username, String password, String from) {
        LoginValidator.validate(new LoginRequest(username, password));
        var found = db.read(h -> h.attach(AuthDao.class).user(username.strip()));
        if (found.isEmpty()) {
            hasher.burnTimeForUnknownUser(password);
            db.write(tx -> {
                audit.record(tx, username.strip(), "sign-in.failed", username.strip(), "unknown user, from " + from);
                return null;
            });
            throw ApiProblem.unauthorized("Wrong username or password.");
        }
        var user = found.get();
        var now = clock.instant();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            throw ApiProblem.tooManyRequests("Too many failed sign-ins for '" + user.username() + "'. Try again in "
                    + minutesUntil(user.lockedUntil(), now) + ", or ask an administrator to reset the password.");
        }
        if (!hasher.matches(password, user.passwordHash())) {
            recordFailure(user, from);
            throw ApiProblem.unauthorized("Wrong username or password.");
        }
        if (user.disabled()) {
            db.write(tx -> {
                audit.record(tx, user.username(), "sign-in.refused", user.username(), "account disabled, from " + from);
                return null;
            });
            throw ApiProblem.forbidden("This account is disabled; ask an administrator.");
        }
        return db.write(tx -> {
            var dao = tx.attach(AuthDao.class);
            dao.recordFailures(user.id(), 0, null, clock.instant());
            audit.record(tx, user.username(), "sign-in", user.username(), "from " + from);
            return issueTokens(dao, user);
        });
    }

    public TokenResponse refresh(String refreshToken) {
        RefreshValidator.validate(new RefreshRequest(refreshToken));
        String hash = Hashes.sha256(refreshToken);
        return db.write(tx -> {
            var dao = tx.attach(AuthDao.class);
            var owner = dao.refreshTokenOwner(hash, clock.instant())
                    .flatMap(dao::user)
                    .orElseThrow(() -> ApiProblem.unauthorized("This sign-in has expired or ended; sign in again."));
            dao.revokeRefreshToken(hash);
            if (owner.disabled()) {
                throw ApiProblem.unauthorized("This account is disabled; ask an administrator.");
            }
            return issueTokens(dao, owner);
        });
    }

    public void logout(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return;
        }
        db.write(tx -> tx.attach(AuthDao.class).revokeRefreshToken(Hashes.sha256(refreshToken)));
    }

    public List<UserDto> users() {
        var now = clock.instant();
        return db.read(h -> h.attach(AuthDao.class).users()).stream().map(u -> u.toDto(now)).toList();
    }

    public UserDto create(CreateUserRequest request, String actor) {
        CreateUserValidator.validate(request);
        String username = request.username().strip();
        Set<Role> roles = EnumSet.copyOf(request.roles());
        String hash = hasher.hash(request.password());
        return db.write(tx -> {
            var dao = tx.attach(AuthDao.class);
            if (dao.user(username).isPresent()) {
                throw ApiProblem.conflict("A user named '" + username + "' already exists.");
            }
            dao.insertUser(username, hash, UserRow.rolesText(roles), clock.instant());
            audit.record(tx, actor, "user.created", username, "roles " + UserRow.rolesText(roles));
            return dao.user(username).orElseThrow().toDto(clock.instant());
        });
    }

    public UserDto setDisabled(String username, boolean disabled, String actor) {
        return db.write(tx -> {
            var dao = tx.attach(AuthDao.class);
            var user = existing(dao, username);
            if (disabled && user.username().equalsIgnoreCase(actor)) {
                throw ApiProblem.conflict("You cannot disable your own account.");
            }
            dao.setDisabled(user.id(), disabled, clock.instant());
            if (disabled) {
                dao.revokeRefreshTokensOf(user.id());
                if (shared) {
                    dao.announceAccessEnded(Auth.userEnded(user.username())); // the other instances close their streams
                }
            }
            tx.afterCommit(() -> {
                if (disabled) {
                    this.disabled.add(user.username());
                    accessEnded.ended(user(user.username()), DISABLED);
                } else {
                    this.disabled.remove(user.username());
                }
            });
            audit.record(tx, actor, disabled ? "user.disabled" : "user.enabled", user.username(), null);
            return dao.user(user.id()).orElseThrow().toDto(clock.instant());
        });
    }

    public UserDto resetPassword(String username, String password, String actor) {
        ResetPasswordValidator.validatePassword(password);
        String hash = hasher.hash(password);
        return db.write(tx -> {
            var dao = tx.attach(AuthDao.class);
            var user = existing(dao, username);
            dao.setPassword(user.id(), hash, clock.instant());
            dao.revokeRefreshTokensOf(user.id());
            audit.record(tx, actor, "user.password-reset", user.username(), null);
            return dao.user(user.id()).orElseThrow().toDto(clock.instant());
        });
    }

    /**
     * On a server with no users yet: the demo users in demo mode, otherwise one admin whose random password
     * is printed once on standard output.
     */
    public void ensureFirstUsers(boolean demo) {
        if (db.read(h -> h.attach(AuthDao.class).userCount()) > 0) {
            return;
        }
        if (demo) {
            createDirect("admin", "admin", EnumSet.of(Role.ADMIN, Role.RECEPTIONIST, Role.DOCTOR));
            createDirect("reception", "reception", EnumSet.of(Role.RECEPTIONIST));
            createDirect("doctor", "doctor", EnumSet.of(Role.DOCTOR));
            createDirect("nurse", "nurse", EnumSet.of(Role.DOCTOR));
            log.info("Demo users created: admin/admin, reception/reception, doctor/doctor, nurse/nurse");
            return;
        }
        String password = Hashes.randomPassword();
        createDirect("admin", password, EnumSet.of(Role.ADMIN));
        System.out.println();
        System.out.println("  QueueDesk first start: created the user 'admin' with password  " + password);
        System.out.println("  Sign in and create your staff accounts. This password is shown only once.");
        System.out.println();
    }

    private void createDirect(String username, String password, Set<Role> roles) {
        String hash = hasher.hash(password);
        db.write(tx -> {
            tx.attach(AuthDao.class).insertUser(username, hash, UserRow.rolesText(roles), clock.instant());
            audit.record(tx, "system", "user.created", username, "roles " + UserRow.rolesText(roles));
            return null;
        });
    }

    private TokenResponse issueTokens(AuthDao dao, UserRow user) {
        String refresh = Hashes.randomToken("qdr_");
        dao.insertRefreshToken(Hashes.sha256(refresh), user.id(), clock.instant().plus(settings.refreshTokenTtl()));
        var roles = user.roleSet();
        return new TokenResponse(tokens.issue(user.username(), roles), refresh, tokens.ttl().toSeconds(),
                user.username(), roles.stream().sorted().toList());
    }

    private void recordFailure(UserRow user, String from) {
        db.write(tx -> {
            var dao = tx.attach(AuthDao.class);
            var current = dao.user(user.id()).orElseThrow();
            int failures = current.failedAttempts() + 1;
            Instant lockedUntil = null;
            if (failures >= settings.failuresBeforeLock()) {
                int doublings = Math.min(failures - settings.failuresBeforeLock(), 10);
                var lock = settings.firstLock().multipliedBy(1L << doublings);
                lockedUntil = clock.instant().plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
            }
            dao.recordFailures(user.id(), failures, lockedUntil, clock.instant());
            audit.record(tx, user.username(), lockedUntil == null ? "sign-in.failed" : "sign-in.locked", user.username(),
                    "failure " + failures + ", from " + from);
            return null;
        });
    }

    private static UserRow existing(AuthDao dao, String username) {
        return dao.user(username).orElseThrow(() -> ApiProblem.notFound("There is no user '" + username + "'."));
    }

    private static String minutesUntil(Instant until, Instant now) {
        long minutes = Math.max(1, Duration.between(now, until).plusSeconds(59).toMinutes());
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }

}
