package org.qiluvalley.planner.web;

import java.io.IOException;
import java.time.Duration;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import jakarta.servlet.ServletException;

/**
 * Every request body passes here, in Tomcat's pipeline before the servlet filters and the security chain, so that no
 * client, signed in or not, can make the service hold more memory or threads for a body than its limits allow:
 * <ol>
 * <li><b>Size.</b> A declared {@code Content-Length} over the endpoint's limit ({@link RequestBodyLimits}) is
 * answered 413 at once, unread. Any other body is read through {@link BoundedRequestBody}, which stops one byte past
 * the limit (413), however it is sent (chunked or not). Form parameters (the sign-in form) are parsed from that same
 * bounded stream, never by Tomcat on its own.</li>
 * <li><b>Time.</b> A body must arrive within {@code valley.uploads.body-timeout} (408 after that); a client that
 * sends nothing at all is cut off by the connector's {@code server.tomcat.connection-timeout}.</li>
 * <li><b>Threads.</b> A body being received holds a request thread for as long as its client takes to send it. At
 * most {@code valley.uploads.max-in-flight} bodies are received at once, at most {@code max-in-flight-per-client}
 * from one client ({@link ClientAddress}); a body that would be one more is answered 503 with {@code Retry-After}
 * when it is first read, without waiting. A body counts from its first read to its end: a request refused before
 * its body is looked at (a 401) takes no slot for it, and a body that arrives with its headers is over in
 * microseconds. This is what keeps the other threads (the map's reads) free whatever a crowd of slow uploads
 * does.</li>
 * <li><b>Leftovers.</b> What the application did not read (a 401 before the body was looked at, a 413 at the
 * limit) is read and thrown away, in a slot, for at most {@code valley.uploads.drain-timeout}, so that an ordinary
 * client that sends its whole body before reading the answer still gets the answer; a body that has not ended by
 * then, or finds no slot, is cut off and its connection closed. Tomcat's own swallowing of unread bodies, which has
 * no deadline, never runs.</li>
 * </ol>
 * Requests without a body (every map read) pass through untouched.
 */
final class RequestBodyGate extends ValveBase {

    private final UploadSlots slots;
    private final long bodyTimeoutNanos;
    private final long drainTimeoutNanos;

    RequestBodyGate(int maxInFlight, int maxInFlightPerClient, Duration bodyTimeout, Duration drainTimeout) {
        super(true);
        this.slots = new UploadSlots(maxInFlight, maxInFlightPerClient);
        this.bodyTimeoutNanos = bodyTimeout.toNanos();
        this.drainTimeoutNanos = drainTimeout.toNanos();
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        long declared = request.getContentLengthLong();
        if (declared <= 0 && request.getHeader("Transfer-Encoding") == null) {
            getNext().invoke(request, response);
            return;
        }
        String path = request.getDecodedRequestURI();
        long maxBytes = RequestBodyLimits.maxBytes(request.getMethod(), path);
        String client = ClientAddress.key(request.getRemoteAddr());
        if (declared > maxBytes) {
            ProblemJson.write(response, 413, "Request body too large", "The request body (" + declared + " bytes) is "
                    + "over this endpoint's limit of " + maxBytes + " bytes.", path);
            drainOrClose(request, response, client, System.nanoTime() + drainTimeoutNanos);
            return;
        }
        BoundedRequestBody body = new BoundedRequestBody(request.getRequest(), maxBytes, bodyTimeoutNanos,
                () -> slots.tryAcquire(client));
        request.setRequest(body);
        try {
            getNext().invoke(request, response);
        } finally {
            body.releaseSlot();
        }
        if (!body.endOfBody()) {
            RequestBodyRefusedException refused = body.refused();
            boolean giveUp = refused != null && refused.reason() != RequestBodyRefusedException.Reason.TOO_LARGE;
            drainOrClose(request, response, client, giveUp ? 0
                    : Math.min(System.nanoTime() + drainTimeoutNanos, body.deadlineNanos()));
        }
    }

    /**
     * Before the answer goes out: reads and throws away what the client is still sending, in an upload slot, until
     * the body ends or {@code drainDeadlineNanos} passes (0: not at all), so that a client that writes its whole
     * body before reading sees the answer instead of a reset connection. If the body ended, the connection stays open
     * for the client's next request. If not (or no slot was free), the answer says {@code Connection: close} and
     * Tomcat is told not to read the rest (its own swallowing of unread bodies has no deadline), so the connection
     * closes once the answer is sent. A read blocked on a client that has stopped sending ends at the connector's
     * timeout ({@code server.tomcat.connection-timeout}).
     */
    private void drainOrClose(Request request, Response response, String client, long drainDeadlineNanos) {
        boolean ended = false;
        if (drainDeadlineNanos != 0) {
            UploadSlots.Slot slot = slots.tryAcquire(client);
            if (slot != null) {
                try {
                    ended = BoundedRequestBody.drain(request.getStream(), drainDeadlineNanos);
                } finally {
                    slot.release();
                }
            }
        }
        if (!ended) {
            closeWithoutSwallowing(request, response);
        }
    }

    /**
     * Ends the exchange once the answer is sent, without Tomcat reading the rest of the body. The answer says
     * {@code Connection: close} so that the client does not send its next request on this connection. Tomcat marks
     * such an exchange as failed and would turn a success not yet sent into a 500; a success is therefore sent first.
     */
    private static void closeWithoutSwallowing(Request request, Response response) {
        if (!response.isCommitted()) {
            response.setHeader("Connection", "close");
            if (response.getStatus() < 400) {
                try {
                    response.flushBuffer();
                } catch (IOException clientGone) {
                    // Nothing more can be said to this client; the connection is closed below anyway.
                }
            }
        }
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }

    /** Bodies being received or drained now (tests). */
    int uploadsInFlight() {
        return slots.inFlight();
    }
}
