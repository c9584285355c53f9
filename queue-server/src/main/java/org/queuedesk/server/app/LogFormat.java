package org.queuedesk.server.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format}: {@code text} is {@code logback.xml}'s pattern, as before, without access lines;
 * {@code json} writes one JSON object per line (logback's own {@link JsonEncoder}: no extra dependency) with the
 * request's MDC ({@code requestId}) and, for access lines, their fields under {@code kvpList}.
 */
public enum LogFormat {
    TEXT, JSON;

    /** Applied once at start-up, before the server is built: the logging configuration is the process's. */
    public void install() {
        if (this == JSON) {
            installJson(System.out, "STDOUT");
        }
    }

    /**
     * Replaces the root logger's appenders with one writing JSON lines to {@code out}, and turns access lines on.
     * Returns the appender (tests capture into memory with it and restore the configuration afterwards).
     */
    static OutputStreamAppender<ILoggingEvent> installJson(OutputStream out, String name) {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        OutputStreamAppender<ILoggingEvent> appender;
        if (out == System.out) {
            appender = new ConsoleAppender<>(); // never closes System.out when logging stops
        } else {
            appender = new OutputStreamAppender<>();
            appender.setOutputStream(out);
        }
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(jsonEncoder(context));
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        context.getLogger(AccessLog.LOGGER).setLevel(Level.INFO);
        return appender;
    }

    private static JsonEncoder jsonEncoder(LoggerContext context) {
        var encoder = new JsonEncoder();
        encoder.setContext(context);
        // the formatted message only: raw arguments and the context's start-up properties say nothing more
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
