package org.queuedesk.desktop.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A receipt printer on loopback for tests: answers the paper-sensor request (DLE EOT 4) with "paper present"
 * or, when told, "paper end", and keeps every job it received as bytes.
 */
public final class CapturingEscPosPrinter implements AutoCloseable {

    private static final int PAPER_OK = 0x12;
    private static final int PAPER_END = 0x72;

    private final ServerSocket server;
    private final List<byte[]> jobs = new CopyOnWriteArrayList<>();
    private volatile boolean paperOut;

    public CapturingEscPosPrinter() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "capturing-escpos");
        accept.setDaemon(true);
        accept.start();
    }

    public String spec() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    public void paperOut(boolean out) {
        this.paperOut = out;
    }

    public List<byte[]> jobs() {
        return List.copyOf(jobs);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                byte[] request = in.readNBytes(3);
                if (request.length == 3 && request[0] == 0x10 && request[1] == 0x04) {
                    socket.getOutputStream().write(paperOut ? PAPER_END : PAPER_OK);
                    socket.getOutputStream().flush();
                }
                ByteArrayOutputStream job = new ByteArrayOutputStream();
                in.transferTo(job);
                if (job.size() > 0) {
                    jobs.add(job.toByteArray());
                }
            } catch (IOException closed) {
                // the test is over, or the kiosk hung up after hearing "paper end"
            }
        }
    }

    /** True when {@code needle} occurs in {@code haystack}. */
    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
