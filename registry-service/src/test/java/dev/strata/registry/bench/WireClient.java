package dev.strata.registry.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An HTTP/1.1 client on one kept-alive connection that writes a request and reads its answer, and nothing else: the
 * load's own CPU time stays small beside the registry's on a machine the two share (java.net.http spends several
 * times more per request, in threads of its own, and the figure would measure it instead of the registry).
 */
final class WireClient implements AutoCloseable {

    /** An answer: status and body. */
    record Answer(int status, String body) {
    }

    private final String host;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] drop = new byte[64 << 10];

    WireClient(URI base) throws IOException {
        this.host = base.getHost() + ":" + base.getPort();
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(60_000);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    /** Sends head and body in one write, as curl does with a small body: two would cost the server a second read. */
    Answer post(String path, String token, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        out.write(request);
        out.flush();
        return answer();
    }

    Answer get(String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return answer();
    }

    /**
     * The status of a GET whose body is read to its end and dropped, as {@code curl -o /dev/null} does: a latency
     * measured in the server's process should not include decoding the body, nor the garbage of a copy of it.
     */
    int getAndDrop(String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int[] status = new int[1];
        int length = head(status);
        for (int left = length; left > 0; ) {
            int n = in.read(drop, 0, Math.min(drop.length, left));
            if (n < 0) {
                throw new IOException("the connection closed " + (length - left) + " bytes into a body of " + length);
            }
            left -= n;
        }
        return status[0];
    }

    /** Reads an answer's head; returns its Content-Length and puts its status in {@code status[0]}. */
    private int head(int[] status) throws IOException {
        String line = line();
        if (!line.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + line);
        }
        status[0] = Integer.parseInt(line.substring(9, 12));
        int length = -1;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(h.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new IOException("an answer without Content-Length: " + line);
        }
        return length;
    }

    private Answer answer() throws IOException {
        int[] status = new int[1];
        int length = head(status);
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("the connection closed " + body.length + " bytes into a body of " + length);
        }
        return new Answer(status[0], new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed in the middle of an answer's head");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
