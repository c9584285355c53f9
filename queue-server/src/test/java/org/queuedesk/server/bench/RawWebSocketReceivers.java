package org.queuedesk.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many WebSocket clients on one NIO selector thread: the RFC 6455 client handshake, then unmasked server
 * frames read straight from the socket buffers, pings answered, every complete text message handed to a
 * {@link Sink} as bytes. The JDK's WebSocket client costs several executor hops and futures per message, and
 * in the benchmark it shares the server's cores, so a thousand of them measured the client more than the
 * server; this costs one thread and no allocation per message.
 */
final class RawWebSocketReceivers implements AutoCloseable {

    /** Receives each complete text message; called on the selector thread. */
    interface Sink {
        void text(byte[] data, int from, int to);
    }

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int BATCH = 100;
    private static final int TIMEOUT_MILLIS = 10_000;

    private final Selector selector;
    private final List<Receiver> receivers = new ArrayList<>();
    private final Sink sink;
    private final AtomicInteger closedByServer = new AtomicInteger();
    private final Thread loop;
    private volatile boolean running = true;

    /** Connects {@code count} clients to {@code uri} (ws://host:port/path?query) and starts reading. */
    RawWebSocketReceivers(URI uri, int count, Sink sink) throws IOException {
        this.sink = sink;
        this.selector = Selector.open();
        var address = new InetSocketAddress(uri.getHost(), uri.getPort());
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        try {
            // blocking handshakes, a batch at a time (requests first, then answers), before the loop starts
            for (int batch = 0; batch < count; batch += BATCH) {
                List<Receiver> pending = new ArrayList<>();
                for (int i = batch; i < Math.min(count, batch + BATCH); i++) {
                    var channel = SocketChannel.open(address);
                    channel.socket().setTcpNoDelay(true);
                    channel.socket().setSoTimeout(TIMEOUT_MILLIS);
                    var receiver = new Receiver(channel);
                    receivers.add(receiver);
                    receiver.key = sendHandshake(channel, uri.getHost() + ":" + uri.getPort(), target);
                    pending.add(receiver);
                }
                for (var receiver : pending) {
                    receiver.awaitUpgrade();
                }
            }
            for (var receiver : receivers) {
                receiver.channel.configureBlocking(false);
                receiver.channel.register(selector, SelectionKey.OP_READ, receiver);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        loop = new Thread(this::run, "bench-ws-receivers");
        loop.setDaemon(true);
        loop.start();
    }

    /** Sockets the server closed or reset; in a healthy run none. */
    int closedByServer() {
        return closedByServer.get();
    }

    private static String sendHandshake(SocketChannel channel, String host, String target) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String request = "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        writeFully(channel, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        return key;
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void run() {
        try {
            for (var receiver : receivers) {
                try {
                    receiver.read();
                } catch (IOException e) {
                    receiver.drop();
                }
            }
            while (running) {
                selector.select(this::ready); // no selected-key set to fill and clear per wake-up
            }
        } catch (IOException | java.nio.channels.ClosedSelectorException e) {
            // closing
        }
    }

    private void ready(SelectionKey key) {
        var receiver = (Receiver) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                receiver.flush();
            }
            if (key.isValid() && key.isReadable()) {
                receiver.read();
            }
        } catch (IOException e) {
            receiver.drop();
        }
    }

    @Override
    public void close() {
        running = false;
        for (var receiver : receivers) {
            try {
                receiver.channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** One client socket: its read buffer, a partial message and frames waiting to be written. */
    private final class Receiver {
        final SocketChannel channel;
        String key;
        ByteBuffer in = ByteBuffer.allocate(8 * 1024);
        byte[] message = new byte[1024];
        int messageLength;
        boolean inText;
        final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        boolean closed;

        Receiver(SocketChannel channel) {
            this.channel = channel;
        }

        /** Reads the HTTP answer, checks 101 and Sec-WebSocket-Accept, keeps any bytes after it. */
        void awaitUpgrade() throws IOException {
            var stream = channel.socket().getInputStream();
            int end;
            while ((end = headerEnd()) < 0) {
                if (!in.hasRemaining()) {
                    throw new IOException("handshake answer too long");
                }
                int n = stream.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    throw new IOException("server closed during the handshake");
                }
                in.position(in.position() + n);
            }
            String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IOException("no upgrade: " + head.lines().findFirst().orElse(""));
            }
            String accept = accept(key);
            boolean accepted = head.lines().anyMatch(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-accept:")
                    && l.substring(l.indexOf(':') + 1).strip().equals(accept));
            if (!accepted) {
                throw new IOException("wrong Sec-WebSocket-Accept");
            }
            in.flip();
            in.position(end + 4);
            in.compact();
        }

        private int headerEnd() {
            byte[] a = in.array();
            for (int i = 0; i + 3 < in.position(); i++) {
                if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        /** Parses what is buffered (bytes after the handshake answer, too), then reads until the socket is empty. */
        void read() throws IOException {
            while (!closed) {
                in.flip();
                while (parseFrame()) {
                    // next frame
                }
                in.compact();
                if (!in.hasRemaining()) {
                    in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
                }
                int n = channel.read(in);
                if (n < 0) {
                    drop();
                    return;
                }
                if (n == 0) {
                    return;
                }
            }
        }

        /** Consumes one whole frame from {@code in} (in read mode) if it is all there. */
        private boolean parseFrame() throws IOException {
            int start = in.position();
            if (in.remaining() < 2) {
                return false;
            }
            byte[] a = in.array();
            int b0 = a[start] & 0xFF;
            int b1 = a[start + 1] & 0xFF;
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            boolean masked = (b1 & 0x80) != 0;
            long length = b1 & 0x7F;
            int header = 2;
            if (length == 126) {
                if (in.remaining() < 4) {
                    return false;
                }
                length = ((a[start + 2] & 0xFF) << 8) | (a[start + 3] & 0xFF);
                header = 4;
            } else if (length == 127) {
                if (in.remaining() < 10) {
                    return false;
                }
                length = in.getLong(start + 2);
                header = 10;
            }
            if (masked || length > Integer.MAX_VALUE / 2) {
                throw new IOException("a server must not mask its frames");
            }
            if (in.remaining() < header + length) {
                return false;
            }
            int from = start + header;
            int to = from + (int) length;
            in.position(to);
            switch (opcode) {
                case 0x0 -> fragment(a, from, to, fin);
                case 0x1 -> {
                    messageLength = 0;
                    inText = true;
                    if (fin) {
                        inText = false;
                        sink.text(a, from, to);
                    } else {
                        fragment(a, from, to, false);
                    }
                }
                case 0x2 -> inText = false; // binary: nothing here sends it
                case 0x8 -> {
                    send(0x8, a, from, Math.min(to, from + 2)); // echo the status code, then the server closes
                    drop();
                    return false;
                }
                case 0x9 -> send(0xA, a, from, to);
                default -> {
                    // pong or reserved: ignore
                }
            }
            return true;
        }

        private void fragment(byte[] a, int from, int to, boolean fin) {
            if (!inText) {
                return;
            }
            int length = to - from;
            if (messageLength + length > message.length) {
                message = java.util.Arrays.copyOf(message, Math.max(message.length * 2, messageLength + length));
            }
            System.arraycopy(a, from, message, messageLength, length);
            messageLength += length;
            if (fin) {
                inText = false;
                sink.text(message, 0, messageLength);
                messageLength = 0;
            }
        }

        /** A masked control frame (pong, close) from this client. */
        private void send(int opcode, byte[] a, int from, int to) throws IOException {
            int length = to - from;
            var frame = ByteBuffer.allocate(6 + length);
            frame.put((byte) (0x80 | opcode)).put((byte) (0x80 | length));
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.put(mask);
            for (int i = 0; i < length; i++) {
                frame.put((byte) (a[from + i] ^ mask[i & 3]));
            }
            out.add(frame.flip());
            flush();
        }

        void flush() throws IOException {
            while (!out.isEmpty()) {
                var head = out.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    channel.keyFor(selector).interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                out.poll();
            }
            var selectionKey = channel.keyFor(selector);
            if (selectionKey != null && selectionKey.isValid()) {
                selectionKey.interestOps(SelectionKey.OP_READ);
            }
        }

        void drop() {
            if (!closed && running) {
                closedByServer.incrementAndGet();
            }
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                // gone either way
            }
        }
    }

    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** A byte string to look for in messages, Horspool-style: most bytes of a message are skipped, not compared. */
    static final class Needle {
        private final byte[] bytes;
        private final int[] shift = new int[256];

        Needle(String text) {
            bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.util.Arrays.fill(shift, bytes.length);
            for (int i = 0; i < bytes.length - 1; i++) {
                shift[bytes[i] & 0xFF] = bytes.length - 1 - i;
            }
        }

        /** Whether it occurs in {@code data[from, to)}. */
        boolean in(byte[] data, int from, int to) {
            int last = bytes.length - 1;
            for (int i = from; i + last < to; i += shift[data[i + last] & 0xFF]) {
                int j = last;
                while (j >= 0 && data[i + j] == bytes[j]) {
                    j--;
                }
                if (j < 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
