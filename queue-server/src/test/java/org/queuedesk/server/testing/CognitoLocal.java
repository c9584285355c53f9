package org.queuedesk.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * cognito-local (npm, installed by the build into {@code queue-server/cognito-local/node_modules}) started
 * on a free loopback port in a fresh working folder. A test that needs it fails, never skips, when it
 * cannot start: a missing emulator must not pass for a green build.
 */
public final class CognitoLocal implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;
    private final Process process;
    private final int port;
    private final Path workDir;

    private CognitoLocal(Process process, int port, Path workDir) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
    }

    public static CognitoLocal start() {
        Path start = locate();
        try {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path work = Files.createDirectories(Path.of("target", "cognito-local"))
                    .resolve("run-" + port);
            Files.createDirectories(work.resolve(".cognito"));
            // plain usernames instead of e-mail addresses
            Files.writeString(work.resolve(".cognito/config.json"), "{\"UserPoolDefaults\":{\"UsernameAttributes\":[]}}");
            var builder = new ProcessBuilder("node", start.toAbsolutePath().toString())
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("cognito-local.log").toFile());
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("HOST", "127.0.0.1");
            var process = builder.start();
            var local = new CognitoLocal(process, port, work);
            local.awaitListening(Duration.ofSeconds(30));
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("cognito-local could not start (is node on the PATH?)", e);
        }
    }

    private static Path locate() {
        for (Path base : new Path[] {Path.of("cognito-local"), Path.of("queue-server", "cognito-local"),
                Path.of("..", "queue-server", "cognito-local")}) {
            Path start = base.resolve("node_modules/cognito-local/lib/bin/start.js");
            if (Files.exists(start)) {
                return start;
            }
        }
        throw new IllegalStateException("cognito-local is not installed: run the Maven build of queue-server "
                + "(it runs 'npm ci' in queue-server/cognito-local) or 'npm ci --prefix queue-server/cognito-local'.");
    }

    private void awaitListening(Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("cognito-local exited; see " + workDir.resolve("cognito-local.log"));
            }
            try (var ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("cognito-local did not listen within " + timeout);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String jwksUrl(String userPoolId) {
        return endpoint() + "/" + userPoolId + "/.well-known/jwks.json";
    }

    /** A real SDK client pointed at the emulator; credentials are dummies, as cognito-local ignores them. */
    public CognitoIdentityProviderClient client() {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint())
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
