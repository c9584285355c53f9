package org.queuedesk.server.notify;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.queuedesk.server.testing.OpenAccessAuthenticator;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * A queue server whose text messages go through the real {@link SnsClient} to a {@link FakeSnsServer}
 * (static test credentials and a fixed region, in tests only), with short retry times.
 */
public final class SmsTestServer implements AutoCloseable {

    private final QueueServer server;
    private final Api api;
    private final Path dataDir;

    private SmsTestServer(Path dataDir, Clock clock, SmsSettings sms) {
        this.dataDir = dataDir;
        var config = ServerConfig.forTests(dataDir).withSms(sms);
        this.server = new QueueServer(config, clock, new OpenAccessAuthenticator()).start();
        this.api = new Api(server.baseUrl());
    }

    /** Retries after 50-100 ms, at most 400 ms apart; an SNS call times out after a second. */
    public static SmsSettings fastRetries(FakeSnsServer sns) {
        return fastRetries(sns, Duration.ofSeconds(1));
    }

    /**
     * Fast retries with another SNS timeout: a test that counts duplicates on a loaded machine needs a call to
     * outlast the load, or a slow answer is taken for a lost one and sent again (at least once, as designed).
     */
    public static SmsSettings fastRetries(FakeSnsServer sns, Duration timeout) {
        return SmsSettings.defaults()
                .withRetries(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(30), timeout)
                .withSender(new SnsSmsSender(snsClient(sns, timeout), "QueueDesk", null));
    }

    public static SnsClient snsClient(FakeSnsServer sns, Duration timeout) {
        return SnsClient.builder()
                .endpointOverride(sns.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")))
                .overrideConfiguration(SnsSmsSender.clientOverrides(timeout))
                .build();
    }

    public static SmsTestServer start(Clock clock, SmsSettings sms) {
        return new SmsTestServer(TestServer.freshDir(), clock, sms);
    }

    public static SmsTestServer startOn(Path dataDir, Clock clock, SmsSettings sms) {
        return new SmsTestServer(dataDir, clock, sms);
    }

    public Api api() {
        return api;
    }

    public QueueServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.close();
    }
}
