package org.queuedesk.desktop.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.queuedesk.common.auth.TokenResponse;

/**
 * The signed-in session's tokens, in memory only (never written to disk). Thread-safe: requests read it
 * on background threads. A token is due for refresh a minute before it expires, or at half its
 * lifetime when that is shorter, so a slow request never goes out with an expired token.
 */
public final class TokenStore {

    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final Clock clock;
    private TokenResponse tokens;
    private Instant refreshAt;
    private boolean ended;
    private final List<Runnable> endListeners = new CopyOnWriteArrayList<>();

    public TokenStore(Clock clock) {
        this.clock = clock;
    }

    public synchronized void store(TokenResponse response) {
        Instant now = clock.instant();
        Duration life = Duration.ofSeconds(Math.max(0, response.expiresInSeconds()));
        Duration margin = life.dividedBy(2).compareTo(MARGIN) < 0 ? life.dividedBy(2) : MARGIN;
        this.tokens = response;
        this.refreshAt = now.plus(life).minus(margin);
        this.ended = false;
    }

    public synchronized void clear() {
        tokens = null;
        refreshAt = null;
        ended = false;
    }

    /**
     * The identity provider refused the refresh token (expired, revoked, account disabled): only signing in
     * again helps. Listeners hear it on the calling thread, once per sign-in.
     */
    public void signInEnded() {
        synchronized (this) {
            if (tokens == null || ended) {
                return;
            }
            ended = true;
        }
        endListeners.forEach(Runnable::run);
    }

    public synchronized boolean hasEnded() {
        return ended;
    }

    /** Called (on the thread that found out) when {@link #signInEnded} is first reported for a sign-in. */
    public void whenSignInEnds(Runnable listener) {
        endListeners.add(listener);
    }

    /** The bearer token to send, if signed in. */
    public synchronized Optional<String> accessToken() {
        return tokens == null ? Optional.empty() : Optional.ofNullable(tokens.accessToken());
    }

    public synchronized Optional<TokenResponse> current() {
        return Optional.ofNullable(tokens);
    }

    /** True when signed in with a refresh token and the access token is close to expiry. */
    public synchronized boolean refreshDue() {
        return tokens != null && tokens.refreshToken() != null && !clock.instant().isBefore(refreshAt);
    }

    public synchronized Optional<String> refreshToken() {
        return tokens == null ? Optional.empty() : Optional.ofNullable(tokens.refreshToken());
    }
}
