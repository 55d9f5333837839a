package org.qiluvalley.planner.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client library will send as written: a forged {@code Host}, a
 * path with {@code ..} or {@code ;} kept as it is, a body that never ends, headers sent and then nothing.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** An answer as it came off the wire (a chunked body is left as sent). */
    public record Answer(int status, List<String> headerLines, String body) {

        /** The first value of a header, or null. */
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : headerLines) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
            return null;
        }
    }

    /** Sends {@code request} (CRLF line ends, already complete) and reads the answer until the server closes. */
    public static Answer exchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET with {@code Connection: close}, the path sent exactly as given. */
    public static Answer get(int port, String rawPath, String... headers) {
        StringBuilder request = new StringBuilder("GET ").append(rawPath).append(" HTTP/1.1\r\n");
        boolean host = false;
        for (String header : headers) {
            host |= header.toLowerCase(Locale.ROOT).startsWith("host:");
            request.append(header).append("\r\n");
        }
        if (!host) {
            request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return exchange(port, request.toString());
    }

    /** Reads one answer: status line, headers, and the rest until the server closes the connection. */
    public static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            // what arrived is the answer
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> headerLines = new ArrayList<>(List.of(lines).subList(1, lines.length));
        return new Answer(status, headerLines, text.substring(end + 4));
    }
}
