package org.qiluvalley.planner.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body can be read only up to its endpoint's limit, only until its deadline, and only in an upload
 * slot: one byte past the limit, a read that returns after the deadline, or a first read that finds no slot free
 * throws {@link RequestBodyRefusedException} (413, 408, 503), so no reader ever buffers more than the limit, waits on
 * a slow client past the deadline, or adds to a crowd of slow uploads. Every body the application reads goes through
 * here ({@link RequestBodyGate} installs it), form parameters included: they are parsed from this stream, not by the
 * container.
 */
final class BoundedRequestBody extends HttpServletRequestWrapper {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final long maxBytes;
    private final long deadlineNanos;
    private final long timeoutSeconds;
    private final Supplier<UploadSlots.Slot> slots;
    private BoundedStream stream;
    private UploadSlots.Slot slot;
    private volatile RequestBodyRefusedException refused;
    private volatile boolean endOfBody;
    private long bytesRead;
    private Map<String, String[]> parameters;

    /**
     * @param slots gives this body its upload slot at its first read, or null when none is free
     */
    BoundedRequestBody(HttpServletRequest request, long maxBytes, long timeoutNanos, Supplier<UploadSlots.Slot> slots) {
        super(request);
        this.maxBytes = maxBytes;
        this.deadlineNanos = System.nanoTime() + timeoutNanos;
        this.timeoutSeconds = TimeUnit.NANOSECONDS.toSeconds(timeoutNanos);
        this.slots = slots;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new BoundedStream(super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    // Form parameters: parsed from the bounded stream, merged after the query string's (as the Servlet spec orders).

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(parameters());
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    private Map<String, String[]> parameters() {
        if (parameters != null) {
            return parameters;
        }
        String contentType = getContentType();
        boolean form = "POST".equals(getMethod()) && contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(FORM);
        if (!form) {
            parameters = super.getParameterMap();
            return parameters;
        }
        byte[] body;
        try {
            // Reading the stream first keeps the container from parsing the body itself (it parses only the query).
            body = getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String[]> merged = new LinkedHashMap<>(super.getParameterMap());
        Charset charset = charset();
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
                String[] before = merged.get(name);
                String[] after = before == null ? new String[1] : java.util.Arrays.copyOf(before, before.length + 1);
                after[after.length - 1] = value;
                merged.put(name, after);
            } catch (IllegalArgumentException malformed) {
                // A malformed %-escape: the pair is dropped, as the container drops it.
            }
        }
        parameters = merged;
        return parameters;
    }

    private static String decode(String latin1, Charset charset) {
        // The body was read as bytes; re-encode as ISO-8859-1 to get them back, then decode escapes in the charset.
        return URLDecoder.decode(new String(latin1.getBytes(StandardCharsets.ISO_8859_1), charset), charset);
    }

    private Charset charset() {
        String encoding = getCharacterEncoding();
        if (encoding == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Why reading stopped early, or null when it did not. */
    RequestBodyRefusedException refused() {
        return refused;
    }

    /** True once a read has reached the end of the body. */
    boolean endOfBody() {
        return endOfBody;
    }

    /** When the body must have arrived, {@link System#nanoTime()} units. */
    long deadlineNanos() {
        return deadlineNanos;
    }

    /** Gives back the upload slot, if the body holds one (idempotent). */
    synchronized void releaseSlot() {
        if (slot != null) {
            slot.release();
        }
    }

    private RequestBodyRefusedException refuse(RequestBodyRefusedException.Reason reason, String detail) {
        RequestBodyRefusedException e = new RequestBodyRefusedException(reason, detail);
        refused = e;
        return e;
    }

    private synchronized void beforeRead() {
        if (refused != null) {
            throw refused;
        }
        checkDeadline();
        if (slot == null && !endOfBody) {
            slot = slots.get();
            if (slot == null) {
                throw refuse(RequestBodyRefusedException.Reason.BUSY, "Too many request bodies are being received at "
                        + "once (from you, or in all); send it again in a few seconds.");
            }
        }
    }

    /**
     * A read that waited the connector's whole timeout for the next byte is a body too slow in arriving (408), not
     * a malformed one; any other I/O failure (the client went away) stays what it is.
     */
    private IOException timedOut(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                throw refuse(RequestBodyRefusedException.Reason.TOO_SLOW, "The request body stopped arriving; send it "
                        + "again on a faster connection.");
            }
        }
        return e;
    }

    private void checkDeadline() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw refuse(RequestBodyRefusedException.Reason.TOO_SLOW, "The request body did not arrive within "
                    + timeoutSeconds + " s; send it again on a faster connection.");
        }
    }

    private void afterRead(int n) {
        checkDeadline();
        if (n < 0) {
            ended();
            return;
        }
        bytesRead += n;
        if (bytesRead > maxBytes) {
            throw refuse(RequestBodyRefusedException.Reason.TOO_LARGE, "The request body is over this endpoint's limit"
                    + " of " + maxBytes + " bytes.");
        }
        // A reader that takes exactly the declared length (Spring's byte[] reader does) never asks for the end.
        if (bytesRead == getContentLengthLong()) {
            ended();
        }
    }

    private void ended() {
        endOfBody = true;
        releaseSlot();
    }

    /** The container's stream, cut at the limit, the deadline and the slots. Never reads past limit + 1 bytes. */
    private final class BoundedStream extends ServletInputStream {
        private final ServletInputStream in;

        BoundedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (endOfBody) {
                return -1;
            }
            beforeRead();
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                throw timedOut(e);
            }
            afterRead(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (endOfBody) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            beforeRead();
            // Never ask the container for more than one byte past the limit.
            long allowed = maxBytes + 1 - bytesRead;
            int n;
            try {
                n = in.read(buffer, offset, (int) Math.min(length, Math.max(1, allowed)));
            } catch (IOException e) {
                throw timedOut(e);
            }
            afterRead(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return endOfBody || in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            // The service reads bodies with blocking I/O only; asynchronous reads would bypass the deadline.
            throw new IllegalStateException("asynchronous reading of request bodies is not supported");
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Reads and discards what is left of {@code in} until its end or {@code deadlineNanos}; true at its end. */
    static boolean drain(InputStream in, long deadlineNanos) {
        byte[] discard = new byte[8192];
        try {
            while (System.nanoTime() - deadlineNanos < 0) {
                if (in.read(discard) < 0) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException clientGoneOrTimedOut) {
            return false;
        }
        return false;
    }
}
