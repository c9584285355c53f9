package org.queuedesk.desktop.testing;

import java.time.Clock;
import org.queuedesk.server.notify.SmsFailure;
import org.queuedesk.server.notify.SmsSender;
import org.queuedesk.server.testing.TestServer;

/** A text message provider that refuses one number for good, has another on its opt-out list and sends the rest. */
public final class ScriptedSms implements SmsSender {

    public static final String SENT_TO = "+34 600 123 456";
    public static final String REFUSED = "+34 600 123 111";
    public static final String OPTED_OUT = "+34 600 123 222";
    public static final String REFUSAL = "The carrier refused the number";

    /** The demo clinic with real sign-in, its messages going to this provider. */
    public static TestServer demoServer(Clock clock) {
        return TestServer.startWith(clock, config -> config.withDemo(true)
                .withSms(config.sms().withSender(new ScriptedSms())));
    }

    @Override
    public String send(String phone, String body) throws SmsFailure {
        if (phone.endsWith("111")) {
            throw new SmsFailure(false, REFUSAL, null);
        }
        return "msg-" + Math.abs(phone.hashCode());
    }

    @Override
    public boolean isOptedOut(String phone) {
        return phone.endsWith("222");
    }
}
