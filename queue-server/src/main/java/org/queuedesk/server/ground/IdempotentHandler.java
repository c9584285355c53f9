package org.queuedesk.server.ground;

import io.javalin.http.Context;

/**
 * The handler of a route declared idempotent. It reads and checks the request on the request thread, as any
 * handler does, and returns the change to make; the route tree looks the {@code Idempotency-Key} up, makes the
 * change and stores its answer in one write transaction. The request is not read inside the transaction: the
 * one writer thread must not parse bodies or wait on a client, and a refusal must not take it down.
 * Taking two arguments, it can never be passed where a plain {@link io.javalin.http.Handler} goes, nor a plain
 * handler here, so a route honours the key exactly when it is declared (and documented) idempotent.
 */
@FunctionalInterface
public interface IdempotentHandler {

    /** {@code caller} is who is signed in (an idempotent write is never public); the key is kept per caller. */
    Change prepare(Context ctx, Principal caller);

    /** The change itself, made in the write transaction that also keeps its answer for the key. */
    @FunctionalInterface
    interface Change {
        Reply apply(WriteTransaction tx);
    }
}
