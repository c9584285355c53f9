package org.queuedesk.desktop.api;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that builds the real one on first use. Building one initialises TLS (the default
 * SSLContext reads the cacerts key store: about a third of a second at start-up) even for plain http; the
 * first use is a request on the background seam, so that cost leaves the FX thread and the first window.
 */
public final class LazyHttpClient extends HttpClient {

    private final Supplier<HttpClient> factory;
    private volatile HttpClient delegate;

    public LazyHttpClient(Supplier<HttpClient> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    private HttpClient delegate() {
        HttpClient built = delegate;
        if (built == null) {
            synchronized (this) {
                built = delegate;
                if (built == null) {
                    built = Objects.requireNonNull(factory.get(), "factory result");
                    delegate = built;
                }
            }
        }
        return built;
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate().cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate().connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate().followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate().proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate().sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate().sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate().authenticator();
    }

    @Override
    public Version version() {
        return delegate().version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate().executor();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return delegate().send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate().sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromises) {
        return delegate().sendAsync(request, handler, pushPromises);
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return delegate().newWebSocketBuilder();
    }
}
