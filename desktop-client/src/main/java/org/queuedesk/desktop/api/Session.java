package org.queuedesk.desktop.api;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.json.Problem;

/**
 * The one holder of a signed-in desk's tokens that both the HTTP client and the live stream ask for their bearer
 * token, so there is one place that decides to refresh and one refresh at a time.
 *
 * <p>Refresh tokens are single-use at the built-in provider: a request refused with 401 and a stream reconnecting
 * after its own 401 at the same moment must not both refresh, or the second refresh would end the sign-in. So a
 * refresh under way is shared by everyone who asks meanwhile, and the decision to start one is taken under the
 * same lock that records it. A refused refresh token ends the sign-in once ({@link TokenStore#signInEnded}).
 *
 * <p>The refresh itself (blocking I/O at this server or at the identity provider) runs on the session's own
 * executor, never on the caller's thread: the stream asks from the scheduler thread that also runs every reconnect
 * timer, and sometimes from the FX thread. Nothing here logs a token.
 */
public final class Session {

    private static final Logger LOG = Logger.getLogger(Session.class.getName());
    static final String SIGN_IN_ENDED = "Your sign-in has ended; sign in again.";

    /** How a refresh token becomes fresh tokens where it was issued, and how it is revoked there. Blocking. */
    public interface Renewal {
        TokenResponse renew(String refreshToken) throws IOException, InterruptedException, ApiException;

        default void revoke(String refreshToken) throws IOException, InterruptedException, ApiException {
        }
    }

    private final TokenStore tokens;
    private final Renewal home;
    private final Executor refresher;

    // guarded by this
    private Renewal elsewhere;
    private CompletableFuture<Void> inFlight;

    /**
     * @param home      renews tokens this server issued; null for a token that never changes (a device's)
     * @param refresher where refreshes run; never a thread that must stay free (FX, the reconnect scheduler)
     */
    public Session(TokenStore tokens, Renewal home, Executor refresher) {
        this.tokens = tokens;
        this.home = home;
        this.refresher = refresher;
    }

    /** A token that is never refreshed here: a kiosk's or display's device token, revoked on the server instead. */
    public static Session fixed(TokenStore tokens) {
        return new Session(tokens, null, REFRESHES);
    }

    /** Daemon threads for refreshes, started only when one is needed. */
    static final ExecutorService REFRESHES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "token-refresh");
        thread.setDaemon(true);
        return thread;
    });

    public TokenStore tokens() {
        return tokens;
    }

    /** Keeps the tokens of a sign-in; {@code elsewhere} renews them when another provider issued them (Cognito). */
    public synchronized void signedIn(TokenResponse response, Renewal elsewhere) {
        this.elsewhere = elsewhere;
        inFlight = null; // a refresh of the previous sign-in finds its refresh token gone and keeps nothing
        tokens.store(response);
    }

    /** Forgets the tokens at once (no I/O); returns the refresh token so {@link #revoke} can end it off this thread. */
    public synchronized Optional<String> signOut() {
        Optional<String> refreshToken = tokens.refreshToken();
        tokens.clear();
        inFlight = null;
        return refreshToken;
    }

    /** Revokes a refresh token where it was issued; blocking, best effort. */
    public void revoke(String refreshToken) throws IOException, InterruptedException, ApiException {
        Renewal renewal;
        synchronized (this) {
            renewal = elsewhere != null ? elsewhere : home;
            elsewhere = null;
        }
        if (renewal != null) {
            renewal.revoke(refreshToken);
        }
    }

    /** The token as it is now: no I/O and no waiting for a refresh under way. */
    public Optional<String> current() {
        return tokens.accessToken();
    }

    /** True once the refresh token was refused: refreshing cannot help, only signing in again. */
    public boolean ended() {
        return tokens.hasEnded();
    }

    /**
     * True when asking for a bearer token would refresh first: the token is due, or the server just refused
     * {@code refused} and it is still the current one (a refusal of a token already replaced needs no refresh).
     */
    public synchronized boolean mustRenew(String refused) {
        if ((home == null && elsewhere == null) || tokens.refreshToken().isEmpty() || tokens.hasEnded()) {
            return false;
        }
        return tokens.refreshDue() || (refused != null && tokens.accessToken().filter(refused::equals).isPresent());
    }

    /**
     * The bearer token to send (empty when not signed in), once any refresh it needs is done. Never blocks: a
     * refresh runs on the session's executor, and the answer completes there. Fails with a 401 whose detail asks
     * to sign in again when the refresh token was refused, with an IOException when no one answered (try later).
     */
    public CompletableFuture<Optional<String>> bearerAsync(String refused) {
        CompletableFuture<Void> refresh;
        synchronized (this) {
            if (inFlight == null) {
                if (!mustRenew(refused)) {
                    return CompletableFuture.completedFuture(tokens.accessToken());
                }
                inFlight = startRefresh();
            }
            refresh = inFlight;
        }
        return refresh.thenApply(done -> tokens.accessToken());
    }

    /** {@link #bearerAsync}, waiting: for requests, which run on the background seam. */
    public Optional<String> bearer(String refused) throws IOException, InterruptedException, ApiException {
        try {
            return bearerAsync(refused).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof ApiException api) {
                throw api;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    // with the lock held
    private CompletableFuture<Void> startRefresh() {
        String refreshToken = tokens.refreshToken().orElseThrow();
        Renewal renewal = elsewhere != null ? elsewhere : home;
        CompletableFuture<Void> done = new CompletableFuture<>();
        refresher.execute(() -> refresh(renewal, refreshToken, done));
        return done;
    }

    private void refresh(Renewal renewal, String refreshToken, CompletableFuture<Void> done) {
        TokenResponse fresh;
        try {
            fresh = renewal.renew(refreshToken);
        } catch (ApiException e) {
            if (e.status() == 400 || e.status() == 401 || e.status() == 403) {
                LOG.info("The identity provider refused the refresh token (" + e.status() + "): the sign-in has ended");
                // ended before the refresh stops being "under way": no one starts another with the same token
                tokens.signInEnded();
                finished(done);
                done.completeExceptionally(signInEnded("Sign in again"));
            } else {
                finished(done);
                done.completeExceptionally(e);
            }
            return;
        } catch (Exception | Error e) {
            // no answer (IOException), interrupted, or a bug: this refresh failed, a later one may succeed
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            finished(done);
            done.completeExceptionally(e);
            return;
        }
        boolean kept;
        synchronized (this) {
            if (inFlight == done) {
                inFlight = null;
            }
            // signed out (or in as someone else) while this was on its way: keep nothing
            kept = tokens.refreshToken().filter(refreshToken::equals).isPresent();
            if (kept) {
                tokens.store(fresh);
            }
        }
        if (kept) {
            done.complete(null);
        } else {
            done.completeExceptionally(signInEnded("Signed out"));
        }
    }

    private synchronized void finished(CompletableFuture<Void> refresh) {
        if (inFlight == refresh) {
            inFlight = null;
        }
    }

    private static ApiException signInEnded(String title) {
        return new ApiException(401, new Problem(null, title, 401, SIGN_IN_ENDED, null, null, null));
    }
}
