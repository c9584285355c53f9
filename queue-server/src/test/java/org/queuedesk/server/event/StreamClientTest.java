package org.queuedesk.server.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.event.EventType;
import org.queuedesk.common.event.EventWire;
import org.queuedesk.common.event.TicketEvent;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;

/**
 * The sending side of one stream socket, without a server: a recording Jetty core session holds every frame's
 * callback until the test completes or fails it, so in-flight writes, slow sockets and failures are driven by
 * hand, on the test thread, with nothing to wait for.
 */
class StreamClientTest {

    private static final ObjectMapper JSON = JsonMapperFactory.create();
    private static final long SITE = 7;
    private static final String PATIENT = "Ada Lovelace";
    private static final String PHONE = "+4915112345678";

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final Timer handed = metrics.timer("handed");
    private final Timer written = metrics.timer("written");
    private final AtomicInteger sentCount = new AtomicInteger();

    @Test
    void sendsEveryEventOnceInSequenceOrderAcrossCatchUp() {
        var session = new RecordingSession();
        var client = new StreamClient(session, false, EventWire.V2, 2, sentCount::incrementAndGet); // the client has 1 and 2

        live(client, 4, 5); // committed while the log is being read: held back until the log is done
        assertThat(session.frames).isEmpty();
        fromLog(client, 1, 2, 3, 4); // 1 and 2 it has; 4 is in the log as well as live
        live(client, 6);
        session.completeAll();
        assertThat(session.seqs()).as("live events wait for the catch-up").containsExactly(3L, 4L);

        client.finishCatchUp();
        live(client, 5, 6); // a repeat and an older one, e.g. a commit published after the log read had it
        live(client, 7);
        session.completeAll();

        assertThat(session.seqs()).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(sentCount).hasValue(5);
        assertThat(client.lastSeq()).isEqualTo(7);
        assertThat(session.overlappingWrites).isZero();
    }

    @Test
    void eventsQueuedDuringAWriteGoOutTogetherInTheNextWriteWithOnlyTheLastFrameFlushing() {
        var session = new RecordingSession();
        var client = caughtUp(session, false);

        live(client, 1);
        assertThat(session.writes).hasSize(1);
        live(client, 2);
        live(client, 3, 4);
        live(client, 5);
        assertThat(session.frames).as("nothing more while the first write is under way").hasSize(1);

        session.completeOldestWrite();
        assertThat(session.writes).hasSize(2);
        var second = session.writes.get(1);
        assertThat(second).extracting(Sent::seq).containsExactly(2L, 3L, 4L, 5L);
        assertThat(second).extracting(Sent::batch).containsExactly(true, true, true, false);

        // the next write waits for every frame of this one, not just the first
        live(client, 6);
        second.subList(0, 3).forEach(Sent::succeed);
        assertThat(session.writes).hasSize(2);
        second.get(3).succeed();
        assertThat(session.writes).hasSize(3);
        assertThat(session.writes.get(2)).extracting(Sent::seq).containsExactly(6L);
        assertThat(session.overlappingWrites).isZero();
    }

    @Test
    void aLongBacklogDrainsInOrderInWritesThatEachEndWithOneFlush() {
        var session = new RecordingSession();
        var client = caughtUp(session, false);

        live(client, 1);
        for (long seq = 2; seq <= 300; seq++) {
            live(client, seq);
        }
        session.completeAll();

        assertThat(session.seqs()).containsExactlyElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());
        for (var write : session.writes) {
            assertThat(write.get(write.size() - 1).batch()).as("the last frame of a write flushes").isFalse();
            assertThat(write.subList(0, write.size() - 1)).allMatch(Sent::batch);
        }
        assertThat(session.writes.size()).as("batched, not a write per event").isLessThan(300 / 2);
        assertThat(session.overlappingWrites).isZero();
        assertThat(written.count()).as("every delivery timed").isEqualTo(300);
    }

    @Test
    void aClientWhoseWritesNeverCompleteIsClosedWith1008OnceMoreThanMaxQueuedWait() {
        var session = new RecordingSession();
        var client = caughtUp(session, true);

        long seq = 0;
        while (session.closeCode == null) {
            assertThat(seq - session.frames.size()).as("waiting when still open").isLessThanOrEqualTo(StreamClient.MAX_QUEUED);
            live(client, ++seq);
            assertThat(seq).as("closed at all").isLessThan(2L * StreamClient.MAX_QUEUED);
        }
        assertThat(session.closeCode).isEqualTo(1008);
        assertThat(seq - session.frames.size()).as("closed with one too many waiting").isEqualTo(StreamClient.MAX_QUEUED + 1);

        // whatever the socket does later, this client sends nothing more
        int framesAtClose = session.frames.size();
        session.completeAll();
        live(client, seq + 1, seq + 2);
        session.completeAll();
        assertThat(session.frames).hasSize(framesAtClose);
        assertThat(session.closeCount).isEqualTo(1);
        assertThat(written.count()).as("dropped events still timed").isEqualTo(seq + 2);
    }

    @Test
    void afterAFailedWriteNothingMoreIsSent() {
        var session = new RecordingSession();
        var client = caughtUp(session, false);

        live(client, 1);
        live(client, 2, 3);
        session.failOldestWrite();
        live(client, 4);
        session.completeAll();

        assertThat(session.seqs()).containsExactly(1L);
        assertThat(sentCount).hasValue(0);
        assertThat(written.count()).as("failed and dropped events still timed").isEqualTo(4);
    }

    @Test
    void aSocketThatFailsWritesAtOnceStopsTheClientWithoutAnError() {
        // Jetty fails a frame inside sendFrame when the socket is already closing
        var session = new RecordingSession();
        session.failAtOnce = true;
        var client = caughtUp(session, false);

        assertThatCode(() -> live(client, 1, 2, 3)).doesNotThrowAnyException();
        assertThatCode(() -> live(client, 4)).doesNotThrowAnyException();

        assertThat(session.seqs()).containsExactly(1L);
        assertThat(written.count()).isEqualTo(4);
    }

    @Test
    void aDisplayGetsOnlyRedactedJsonAndStaffTheFullJson() {
        var display = new RecordingSession();
        var staff = new RecordingSession();
        var displayClient = new StreamClient(display, true, EventWire.V2, 0, () -> { });
        var staffClient = new StreamClient(staff, false, EventWire.V2, 0, () -> { });
        var fromLog = event(1);
        var buffered = event(2);
        var liveOnes = List.of(event(3), event(4));

        for (var client : List.of(displayClient, staffClient)) {
            client.offerFromLog(fromLog);
            client.accept(List.of(live(buffered)));
            client.finishCatchUp();
            client.accept(liveOnes.stream().map(this::live).toList());
        }
        display.completeAll();
        staff.completeAll();

        var all = List.of(fromLog, buffered, liveOnes.get(0), liveOnes.get(1));
        assertThat(display.texts()).containsExactlyElementsOf(all.stream().map(PublishedEvent::redactedJson).toList())
                .allSatisfy(text -> assertThat(text).doesNotContain(PATIENT).doesNotContain(PHONE));
        assertThat(staff.texts()).containsExactlyElementsOf(all.stream().map(PublishedEvent::fullJson).toList())
                .allSatisfy(text -> assertThat(text).contains(PATIENT).contains(PHONE));
    }

    private StreamClient caughtUp(RecordingSession session, boolean redact) {
        var client = new StreamClient(session, redact, EventWire.V2, 0, sentCount::incrementAndGet);
        client.finishCatchUp();
        return client;
    }

    /** One commit's events, handed over as a fan-out shard does. */
    private void live(StreamClient client, long... seqs) {
        var commit = LongStream.of(seqs).mapToObj(StreamClientTest::event).map(this::live).toList();
        client.accept(commit);
        commit.forEach(live -> live.delivery().handedOver());
    }

    private EventHub.Live live(PublishedEvent event) {
        return new EventHub.Live(event, new Delivery(handed, written, 1));
    }

    /** A slow client dropped half way through a long catch-up: the log is not read on for nobody (issue 15). */
    @Test
    void aCatchUpStopsReadingTheLogOnceItsClientIsDroppedAsTooSlow() {
        var session = new RecordingSession(); // writes never complete: the client falls behind
        var client = new StreamClient(session, false, EventWire.V2, 0, sentCount::incrementAndGet);
        int logPages = 60; // 30,000 events missed, three times what a client may have waiting

        int pagesRead = EventStream.catchUp(client, 0, after -> after >= logPages * (long) EventLog.PAGE ? List.of()
                : LongStream.rangeClosed(after + 1, after + EventLog.PAGE).mapToObj(StreamClientTest::event).toList());

        assertThat(session.closeCode).as("dropped as too slow").isEqualTo(1008);
        int pagesToOverflow = StreamClient.MAX_QUEUED / EventLog.PAGE + 1;
        assertThat(pagesRead).as("pages read: up to the one that overflowed the client, not all %d", logPages)
                .isEqualTo(pagesToOverflow);
    }

    @Test
    void aCatchUpForAClientWhoseSocketClosedReadsNoFurtherPage() {
        var session = new RecordingSession();
        var client = new StreamClient(session, false, EventWire.V2, 0, sentCount::incrementAndGet);
        var pages = new AtomicInteger();

        int pagesRead = EventStream.catchUp(client, 0, after -> {
            if (pages.incrementAndGet() == 2) {
                client.close(); // the socket went while this page was read (what EventStream.disconnect does)
            }
            return LongStream.rangeClosed(after + 1, after + EventLog.PAGE).mapToObj(StreamClientTest::event).toList();
        });

        assertThat(pagesRead).isEqualTo(2);
        assertThat(pages).hasValue(2);
    }

    private static void fromLog(StreamClient client, long... seqs) {
        LongStream.of(seqs).mapToObj(StreamClientTest::event).forEach(client::offerFromLog);
    }

    private static PublishedEvent event(long seq) {
        var at = Instant.parse("2026-11-23T09:00:00Z").plusSeconds(seq);
        var ticket = new TicketDto(seq, SITE, 1, "A-%03d".formatted(seq), LocalDate.of(2026, 11, 23), TicketState.CALLED,
                Priority.NORMAL, TicketSource.RECEPTION, PATIENT, PHONE, "dr-who", 3L, 5L, null, at, at, at, null, 0);
        return PublishedEvent.of(new TicketEvent(seq, SITE, EventType.TICKET_CALLED, at, "desk", ticket), JSON);
    }

    /** A frame as handed to the session, with the callback the test completes. */
    private record Sent(String text, boolean batch, Callback callback, boolean[] completed) {

        long seq() {
            try {
                return JSON.readTree(text).get("seq").asLong();
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean pending() {
            return !completed[0];
        }

        void succeed() {
            completed[0] = true;
            callback.succeeded();
        }

        void fail() {
            completed[0] = true;
            callback.failed(new ClosedChannelException());
        }
    }

    /**
     * A socket that writes nothing by itself: frames are recorded and grouped into writes (a write ends with
     * a frame that flushes), and their callbacks run only when the test says so.
     */
    private static final class RecordingSession extends CoreSession.Empty {
        final List<Sent> frames = new ArrayList<>();
        final List<List<Sent>> writes = new ArrayList<>();
        private List<Sent> current = new ArrayList<>();
        /** Frames sent while an earlier, flushed write still had frames in flight. */
        int overlappingWrites;
        boolean failAtOnce;
        Integer closeCode;
        int closeCount;

        @Override
        public void sendFrame(OutgoingEntry entry) {
            Frame frame = entry.getFrame();
            assertThat(frame.getOpCode()).isEqualTo(OpCode.TEXT);
            assertThat(frame.isFin()).isTrue();
            if (writes.stream().flatMap(List::stream).anyMatch(Sent::pending)) {
                overlappingWrites++;
            }
            var sent = new Sent(frame.getPayloadAsUTF8(), entry.isBatch(), entry.getCallback(), new boolean[1]);
            frames.add(sent);
            current.add(sent);
            if (!sent.batch()) {
                writes.add(current);
                current = new ArrayList<>();
            }
            if (failAtOnce) {
                sent.fail();
            }
        }

        @Override
        public void close(int statusCode, String reason, Callback callback) {
            closeCount++;
            closeCode = statusCode;
            callback.succeeded();
        }

        void completeOldestWrite() {
            oldestPendingWrite().forEach(sent -> {
                if (sent.pending()) {
                    sent.succeed();
                }
            });
        }

        void failOldestWrite() {
            oldestPendingWrite().forEach(sent -> {
                if (sent.pending()) {
                    sent.fail();
                }
            });
        }

        /** Lets every write finish, including those its completions start. */
        void completeAll() {
            while (writes.stream().flatMap(List::stream).anyMatch(Sent::pending)) {
                completeOldestWrite();
            }
        }

        private List<Sent> oldestPendingWrite() {
            return writes.stream().filter(write -> write.stream().anyMatch(Sent::pending)).findFirst().orElseThrow();
        }

        List<Long> seqs() {
            return frames.stream().map(Sent::seq).toList();
        }

        List<String> texts() {
            return frames.stream().map(Sent::text).toList();
        }
    }
}
