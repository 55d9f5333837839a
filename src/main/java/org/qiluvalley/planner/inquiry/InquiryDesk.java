package org.qiluvalley.planner.inquiry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.errors.ConflictException;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.RateLimitedException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.history.HistoryStore;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.web.ClientAddress;
import org.springframework.stereotype.Component;

/**
 * Receives inquiries and closes them.
 *
 * <p><b>Who is a client.</b> An inquiry counts against three keys, and each key gets {@code max-per-client}
 * inquiries per window: the client's address ({@link ClientAddress}: IPv4, IPv6 by /64, every loopback spelling
 * as one), the account when signed in, and the contact written in the form ({@link ContactKey}). So neither a second
 * spelling of one address, nor signing in, nor a fresh address for the same contact opens a new allowance.
 *
 * <p><b>The rate limit and what it guarantees.</b> A submission is one transaction that first locks its keys'
 * rows in {@code inquiry_client_locks} ({@code SELECT ... FOR UPDATE}; a row is a key's hash modulo
 * {@value InquiryStore#LOCK_SLOTS}, locked in ascending order), then counts each key's inquiries created within the
 * window, then inserts
 * and records the audit event, then commits, releasing the lock. A concurrent submission of the same client, in
 * this process or in another instance on the same database, waits at the lock until the first commits; its count
 * is a new statement, which at READ COMMITTED (the default of both H2 and PostgreSQL, which the store keeps) sees
 * the committed insert. So the accepted inquiries of one client in any window never exceed
 * {@code max-per-client}, however many arrive at once: a burst gets exactly the remaining allowance accepted and
 * 429 for the rest. (The argument needs READ COMMITTED: at REPEATABLE READ the count would read a snapshot taken
 * before the wait.) Only accepted inquiries count; refused ones (400, 409, 429) leave nothing behind. Times come
 * from the clock of the instance serving the request, so with several instances the window's edges move by their
 * clock skew (keep them on NTP).
 */
@Component
class InquiryDesk {

    /** Who appears in the audit history for an inquiry from a visitor who is not signed in. */
    static final String ANONYMOUS_ACTOR = "anonymous";
    /** Width of the client_key column (usernames are at most 64 characters anyway). */
    static final int MAX_CLIENT_KEY = 64;

    private static final java.security.SecureRandom IDS = new java.security.SecureRandom();

    private final ParcelStore store;
    private final InquiryStore inquiries;
    private final HistoryStore history;
    private final int maxPerClient;
    private final Duration window;

    InquiryDesk(ParcelStore store, InquiryStore inquiries, HistoryStore history, ValleyProperties properties) {
        this.store = store;
        this.inquiries = inquiries;
        this.history = history;
        this.maxPerClient = properties.inquiries().maxPerClient();
        this.window = properties.inquiries().window();
    }

    /**
     * Stores an inquiry about an available parcel.
     *
     * @param username the signed-in user, or null for an anonymous visitor
     * @param clientAddress the client's IP address as the container reports it
     * @throws RefusedException 429 over the rate limit, 409 when the parcel is not available
     */
    Inquiry submit(InquiryParser.Submission submission, String username, String clientAddress) {
        String addressKey = ClientAddress.key(clientAddress);
        String contactKey = ContactKey.of(submission.contact());
        // Shown to planners as who sent it: the account when signed in, else the address.
        String clientKey = username != null ? clip(username) : addressKey;
        Map<InquiryStore.CountedBy, String> countedBy = new EnumMap<>(InquiryStore.CountedBy.class);
        countedBy.put(InquiryStore.CountedBy.ADDRESS, addressKey);
        countedBy.put(InquiryStore.CountedBy.CONTACT, contactKey);
        if (username != null) {
            countedBy.put(InquiryStore.CountedBy.ACCOUNT, username);
        }
        return store.inTransaction(() -> {
            inquiries.lockKeys(countedBy.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList());
            Instant now = now();
            for (Map.Entry<InquiryStore.CountedBy, String> key : countedBy.entrySet()) {
                List<Instant> recent = inquiries.createdSince(key.getKey(), key.getValue(), now.minus(window),
                        maxPerClient);
                if (recent.size() >= maxPerClient) {
                    // Allowed again once the oldest of the last max-per-client inquiries leaves the window.
                    Instant again = recent.get(maxPerClient - 1).plus(window);
                    long seconds = (Duration.between(now, again).toMillis() + 999) / 1000;
                    throw new RateLimitedException("at most " + maxPerClient + " inquir"
                            + (maxPerClient == 1 ? "y" : "ies") + " per " + describe(window) + " from one client ("
                            + "one address, one account, one contact); try again in " + Math.max(1, seconds) + " s",
                            seconds);
                }
            }
            // Unknown, withdrawn, reserved and allocated parcels get the same answer, so that it tells the public
            // nothing they may not see (whether a site is reserved or allocated, or exists but is withdrawn).
            Parcel parcel = store.findById(Layer.PARCELS, submission.parcelId()).orElse(null);
            if (parcel == null || parcel.status() != ParcelStatus.AVAILABLE) {
                throw new ConflictException("Not available", "parcel \""
                        + RefusedException.clip(submission.parcelId()) + "\" is not available; inquiries can be sent "
                        + "about available sites only (/ogc/collections/available-sites/items)");
            }
            Inquiry inquiry = new Inquiry(newId(), parcel.id(), submission.company(), submission.contact(),
                    submission.message(), username, clientKey, InquiryState.OPEN, now, null, null, null);
            inquiries.insert(inquiry, addressKey, contactKey);
            history.record(username != null ? username : ANONYMOUS_ACTOR, "inquire", "inquiry", inquiry.id(), null,
                    InquiryJson.audit(inquiry));
            return inquiry;
        });
    }

    /**
     * Closes an open inquiry.
     *
     * @throws RefusedException 404 for an unknown id, 409 when it is closed already
     */
    Inquiry close(String id, String note, String actor) {
        return store.inTransaction(() -> {
            Inquiry before = find(id);
            if (before.state() != InquiryState.OPEN) {
                throw new ConflictException("inquiry " + id + " is "
                        + before.state().wireName() + " already");
            }
            Inquiry after = before.closed(actor, now(), note);
            // Compare-and-set on the state: of two planners closing at once, one wins and the other gets 409.
            if (!inquiries.close(after)) {
                throw new ConflictException("inquiry " + id + " was closed meanwhile");
            }
            history.record(actor, "close", "inquiry", id, InquiryJson.audit(before), InquiryJson.audit(after));
            return after;
        });
    }

    Inquiry find(String id) {
        return inquiries.find(id)
                .orElseThrow(() -> new NotFoundException("no inquiry \"" + RefusedException.clip(id) + "\""));
    }

    List<Inquiry> list(InquiryState state, String parcelId, String submittedBy, int offset, int limit) {
        return inquiries.list(state, parcelId, submittedBy, offset, limit);
    }

    private static String describe(Duration window) {
        if (window.toSeconds() % 3600 == 0) {
            long hours = window.toHours();
            return hours == 1 ? "hour" : hours + " hours";
        }
        if (window.toSeconds() % 60 == 0) {
            long minutes = window.toMinutes();
            return minutes == 1 ? "minute" : minutes + " minutes";
        }
        return window.toSeconds() + " s";
    }

    private static String clip(String key) {
        return key.length() <= MAX_CLIENT_KEY ? key : key.substring(0, MAX_CLIENT_KEY);
    }

    private static String newId() {
        byte[] bytes = new byte[10];
        IDS.nextBytes(bytes);
        return "IQ-" + HexFormat.of().formatHex(bytes);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
