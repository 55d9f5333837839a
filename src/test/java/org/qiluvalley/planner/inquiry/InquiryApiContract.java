package org.qiluvalley.planner.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.testsupport.ParkData;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.qiluvalley.planner.web.RequestBodyLimits;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Investors' inquiries end to end over HTTP on a fresh database seeded from gis-data: submission and its
 * validation, the per-client rate limit (also under a concurrent burst), who sees what, closing, and that the
 * contact details never reach a public response. Each store runs the same tests: {@link InquiryApiH2gisIT},
 * {@link InquiryApiPostgisIT}.
 *
 * <p>The limit is {@value #MAX_PER_CLIENT} per hour here. Anonymous visitors are all one client (the test's own
 * address), so only one test sends an accepted anonymous inquiry; the others sign in as investors of their own.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"valley.inquiries.max-per-client=" + InquiryApiContract.MAX_PER_CLIENT,
                "valley.inquiries.window=PT1H",
                // Every simulated client comes from an address of its own, sent as a reverse proxy would send it.
                "server.forward-headers-strategy=native"})
abstract class InquiryApiContract {

    static final int MAX_PER_CLIENT = 3;
    private static final ParkDataset PARK = ParkData.dataset();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger USERS = new AtomicInteger();
    /** Numbers the simulated clients' addresses: each gets an IPv6 /64 of the documentation prefix of its own. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private final java.util.Map<String, String> addressOfUser = new java.util.concurrent.ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    ServiceClient anonymous;

    @BeforeEach
    void client() {
        anonymous = new ServiceClient("http://localhost:" + port).from(newAddress());
    }

    // ------------------------------------------------------------------------------------------------
    // Submitting
    // ------------------------------------------------------------------------------------------------

    @Test
    void anAnonymousVisitorSendsAnInquiryAndGetsAReceiptWithoutTheirDetails() {
        String parcel = available(0);
        String contact = secret("anon");
        ServiceClient.Reply reply = anonymous.postJson("/api/inquiries",
                body(parcel, "  Jinan Photonics Co.  ", contact, "We need 3 ha.\nPlease call."));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode receipt = reply.json();
        String id = receipt.get("id").stringValue();
        assertThat(reply.header("Location")).isEqualTo("/api/inquiries/" + id);
        assertThat(receipt.get("parcelId").stringValue()).isEqualTo(parcel);
        assertThat(receipt.get("state").stringValue()).isEqualTo("open");
        assertThat(java.time.Instant.parse(receipt.get("createdAt").stringValue())).isNotNull();
        assertThat(receipt.propertyNames()).containsOnly("id", "parcelId", "state", "createdAt");
        assertThat(reply.body()).doesNotContain(contact).doesNotContain("Photonics");

        // As stored, seen by a planner: trimmed, the line break kept, nobody signed in.
        JsonNode stored = planner().get("/api/inquiries/" + id).json();
        assertThat(stored.get("company").stringValue()).isEqualTo("Jinan Photonics Co.");
        assertThat(stored.get("contact").stringValue()).isEqualTo(contact);
        assertThat(stored.get("message").stringValue()).isEqualTo("We need 3 ha.\nPlease call.");
        assertThat(stored.get("submittedBy").isNull()).isTrue();
        assertThat(stored.has("closedBy")).isFalse();

        // The public sees nothing of it: not in any collection's items, not in the parcel, not as an error.
        assertNoPublicResponseContains(contact, parcel);
        assertThat(anonymous.get("/api/inquiries").body()).doesNotContain(contact);
        assertThat(anonymous.get("/api/inquiries/" + id).body()).doesNotContain(contact);
        assertThat(anonymous.get("/api/history?feature=" + id).body()).doesNotContain(contact);

        // The audit history (planners only) has the submission.
        JsonNode events = planner().get("/api/history?feature=" + id).json().get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("action").stringValue()).isEqualTo("inquire");
        assertThat(events.get(0).get("actor").stringValue()).isEqualTo("anonymous");
        assertThat(events.get(0).at("/after/contact").stringValue()).isEqualTo(contact);
    }

    @Test
    void aSignedInInvestorIsTheSubmitterAndFieldsAtTheirLimitsAreAccepted() {
        String investor = newUser("investor");
        String company = "C".repeat(InquiryParser.MAX_COMPANY);
        String contact = "x".repeat(InquiryParser.MAX_CONTACT - 12) + "@example.cn";
        String message = "长".repeat(InquiryParser.MAX_MESSAGE);
        ServiceClient.Reply reply = as(investor).postJson("/api/inquiries", body(available(1), company, contact, message));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        JsonNode stored = as(investor).get(reply.header("Location")).json();
        assertThat(stored.get("submittedBy").stringValue()).isEqualTo(investor);
        assertThat(stored.get("company").stringValue()).isEqualTo(company);
        assertThat(stored.get("contact").stringValue()).isEqualTo(contact);
        assertThat(stored.get("message").stringValue()).isEqualTo(message);

        // Without a message, and with an explicit null one, is fine too.
        assertThat(as(investor).postJson("/api/inquiries", "{\"parcelId\":\"" + available(1)
                + "\",\"company\":\"ACME\",\"contact\":\"0531-1234567\"}").status()).isEqualTo(201);
        JsonNode bare = as(investor).postJson("/api/inquiries", "{\"parcelId\":\"" + available(1)
                + "\",\"company\":\"ACME\",\"contact\":\"0531-1234567\",\"message\":null}").json();
        assertThat(as(investor).get("/api/inquiries/" + bare.get("id").stringValue()).json().get("message")
                .stringValue()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[]",
        "\"a string\"",
        "{}",
        "{\"company\":\"ACME\",\"contact\":\"c@example.cn\"}",
        "{\"parcelId\":\"@P\",\"contact\":\"c@example.cn\"}",
        "{\"parcelId\":\"@P\",\"company\":\"ACME\"}",
        "{\"parcelId\":\"@P\",\"company\":\"   \",\"contact\":\"c@example.cn\"}",
        "{\"parcelId\":\"@P\",\"company\":\"ACME\",\"contact\":\"\"}",
        "{\"parcelId\":\"@P\",\"company\":\"@201\",\"contact\":\"c@example.cn\"}",
        "{\"parcelId\":\"@P\",\"company\":\"ACME\",\"contact\":\"@201\"}",
        "{\"parcelId\":\"@P\",\"company\":\"ACME\",\"contact\":\"c@example.cn\",\"message\":\"@2001\"}",
        "{\"parcelId\":\"@P\",\"company\":42,\"contact\":\"c@example.cn\"}",
        "{\"parcelId\":\"@P\",\"company\":[\"ACME\"],\"contact\":\"c@example.cn\"}",
        "{\"parcelId\":\"@P\",\"company\":\"AC\\nME\",\"contact\":\"c@example.cn\"}",
        "{\"parcelId\":\"@P\",\"company\":\"ACME\",\"contact\":\"c@exa\\u0000mple.cn\"}",
        "{\"parcelId\":\"@P\",\"company\":\"ACME\",\"contact\":\"c@example.cn\",\"message\":\"bell \\u0007\"}",
        "{\"parcelId\":\"@P\",\"company\":\"ACME\",\"contact\":\"c@example.cn\",\"message\":\"esc \\u001b[2J\"}",
        "{\"parcelId\":\"@P\",\"company\":\"AC\\ud800ME\",\"contact\":\"c@example.cn\"}",
        "{\"parcelId\":\"@P\",\"company\":\"ACME\",\"contact\":\"c@example.cn\",\"phone\":\"123\"}",
        "{\"parcelId\":\"@P\",\"company\":\"ACME\",\"company\":\"EVIL\",\"contact\":\"c@example.cn\"}",
        "{\"parcelId\":[\"@P\"],\"company\":\"ACME\",\"contact\":\"c@example.cn\"}",
        "{\"parcelId\":\"@P\",\"company\":\"ACME\",\"contact\":\"c@example.cn\"} trailing",
    })
    void aMalformedInquiryIsA400ProblemAndNothingIsStored(String template) {
        String bodyText = template.replace("@P", available(2)).replace("\"@2001\"", "\"" + "m".repeat(2001) + "\"")
                .replace("\"@201\"", "\"" + "n".repeat(201) + "\"");
        ServiceClient.Reply reply = anonymous.postJson("/api/inquiries", bodyText);
        assertThat(reply.status()).as(bodyText + " -> " + reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").stringValue()).isNotBlank();
        assertThat(planner().get("/api/inquiries?parcel=" + available(2)).json().get("inquiries")).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsA413AndAnotherMediaTypeA415() {
        String huge = body(available(2), "ACME", "c@example.cn", "m".repeat(100)).replace("}",
                ",\"pad\":\"" + "p".repeat(RequestBodyLimits.INQUIRY_BYTES) + "\"}");
        ServiceClient.Reply tooLarge = anonymous.postJson("/api/inquiries", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        ServiceClient.Reply text = anonymous.send(anonymous.request("/api/inquiries")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void aParcelThatIsNotAvailableIsA409ThatDoesNotSayWhy() {
        Parcel reserved = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.RESERVED).findFirst()
                .orElseThrow();
        Parcel allocated = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.ALLOCATED).findFirst()
                .orElseThrow();
        String withdrawn = available(3);
        ServiceClient.Reply item = planner().get("/ogc/collections/parcels/items/" + withdrawn);
        assertThat(planner().delete("/ogc/collections/parcels/items/" + withdrawn, item.header("ETag")).status())
                .isIn(200, 204);

        List<String> details = new ArrayList<>();
        for (String parcel : List.of(reserved.id(), allocated.id(), withdrawn, "QOV-NO-SUCH-PARCEL")) {
            String contact = secret("conflict");
            ServiceClient.Reply reply = anonymous.postJson("/api/inquiries", body(parcel, "ACME", contact, "hello"));
            assertThat(reply.status()).as(parcel + ": " + reply.body()).isEqualTo(409);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).doesNotContain(contact);
            String detail = reply.json().get("detail").stringValue();
            assertThat(detail).contains("not available").doesNotContainIgnoringCase("reserved")
                    .doesNotContainIgnoringCase("allocated").doesNotContainIgnoringCase("withdrawn");
            details.add(detail.replace(parcel, "ID"));
            assertThat(reply.json().get("title").stringValue()).isEqualTo("Not available");
        }
        assertThat(details).as("the same answer for every reason").containsOnly(details.get(0));
    }

    // ------------------------------------------------------------------------------------------------
    // The rate limit
    // ------------------------------------------------------------------------------------------------

    @Test
    void overTheLimitAClientGets429WithRetryAfterAndOtherClientsAreNotAffected() {
        String investor = newUser("investor");
        String limitedContact = secret("over");
        for (int i = 0; i < MAX_PER_CLIENT; i++) {
            assertThat(as(investor).postJson("/api/inquiries", body(available(4), "ACME", limitedContact, "#" + i))
                    .status()).isEqualTo(201);
        }
        String contact = secret("limited");
        ServiceClient.Reply refused = as(investor).postJson("/api/inquiries", body(available(4), "ACME", contact, ""));
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain(contact);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(refused.json().get("detail").stringValue()).contains("at most " + MAX_PER_CLIENT);

        // Refused attempts are not stored; another investor still may send, but not for the same contact.
        assertThat(as(investor).get("/api/inquiries").json().get("inquiries")).hasSize(MAX_PER_CLIENT);
        assertThat(as(newUser("investor")).postJson("/api/inquiries", body(available(4), "ACME", secret("other"), ""))
                .status()).isEqualTo(201);
        ServiceClient.Reply sameContact = as(newUser("investor")).postJson("/api/inquiries",
                body(available(4), "ACME", limitedContact.toUpperCase(java.util.Locale.ROOT), ""));
        assertThat(sameContact.status()).as("the same contact from another client and account").isEqualTo(429);
    }

    @Test
    void aConcurrentBurstFromOneClientGetsExactlyTheLimitAccepted() throws Exception {
        String investor = newUser("investor");
        ServiceClient client = as(investor);
        String contact = secret("burst");
        int burst = 16;
        ExecutorService pool = Executors.newFixedThreadPool(burst);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ServiceClient.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < burst; i++) {
                String message = "burst " + i;
                Callable<ServiceClient.Reply> send = () -> {
                    start.await();
                    return client.postJson("/api/inquiries", body(available(5), "ACME", contact, message));
                };
                replies.add(pool.submit(send));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ServiceClient.Reply> reply : replies) {
                statuses.add(reply.get().status());
            }
            assertThat(statuses).as(statuses.toString()).containsOnly(201, 429);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(MAX_PER_CLIENT);
        } finally {
            pool.shutdownNow();
        }
        JsonNode stored = planner().get("/api/inquiries?parcel=" + available(5)).json().get("inquiries");
        assertThat(stored).hasSize(MAX_PER_CLIENT);
        stored.forEach(q -> assertThat(q.get("submittedBy").stringValue()).isEqualTo(investor));
    }

    @Test
    void everyLoopbackSpellingIsOneClient() {
        ServiceClient ipv4 = anonymous.from("127.0.0.1");
        for (int i = 0; i < MAX_PER_CLIENT; i++) {
            assertThat(ipv4.postJson("/api/inquiries", body(available(9), "ACME", secret("v4"), "")).status())
                    .isEqualTo(201);
        }
        ServiceClient.Reply ipv6 = anonymous.from("::1").postJson("/api/inquiries",
                body(available(9), "ACME", secret("v6"), ""));
        assertThat(ipv6.status()).as("::1 after 127.0.0.1: " + ipv6.body()).isEqualTo(429);
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        String n = Integer.toHexString(ADDRESSES.incrementAndGet());
        for (int i = 0; i < MAX_PER_CLIENT; i++) {
            assertThat(anonymous.from("2001:db8:f" + n + ":1::" + (i + 1)).postJson("/api/inquiries",
                    body(available(9), "ACME", secret("v6-" + i), "")).status()).isEqualTo(201);
        }
        assertThat(anonymous.from("2001:db8:f" + n + ":1:ffff:ffff:ffff:ffff").postJson("/api/inquiries",
                body(available(9), "ACME", secret("same-64"), "")).status()).as("another address of the same /64")
                .isEqualTo(429);
        assertThat(anonymous.from("2001:db8:f" + n + ":2::1").postJson("/api/inquiries",
                body(available(9), "ACME", secret("next-64"), "")).status()).as("the next /64").isEqualTo(201);
    }

    @Test
    void signingInOpensNoNewAllowanceForAnAddress() {
        String address = newAddress();
        for (int i = 0; i < MAX_PER_CLIENT; i++) {
            assertThat(anonymous.from(address).postJson("/api/inquiries",
                    body(available(10), "ACME", secret("anon"), "")).status()).isEqualTo(201);
        }
        String investor = newUser("investor");
        ServiceClient.Reply signedIn = anonymous.from(address).as(investor, ServiceClient.USER_PASSWORD)
                .postJson("/api/inquiries", body(available(10), "ACME", secret("signed-in"), ""));
        assertThat(signedIn.status()).as("an account from an address that used its allowance").isEqualTo(429);
        assertThat(as(investor).postJson("/api/inquiries", body(available(10), "ACME", secret("elsewhere"), ""))
                .status()).as("the same account from its own address").isEqualTo(201);
    }

    // ------------------------------------------------------------------------------------------------
    // Reading and closing
    // ------------------------------------------------------------------------------------------------

    @Test
    void anInvestorSeesOnlyTheirOwnInquiriesAndAnonymousVisitorsNone() {
        String alice = newUser("investor");
        String bob = newUser("investor");
        String aliceContact = secret("alice");
        String bobContact = secret("bob");
        String aliceId = as(alice).postJson("/api/inquiries", body(available(6), "Alice Lasers", aliceContact, "a"))
                .json().get("id").stringValue();
        String bobId = as(bob).postJson("/api/inquiries", body(available(6), "Bob Optics", bobContact, "b"))
                .json().get("id").stringValue();

        ServiceClient.Reply list = as(alice).get("/api/inquiries");
        assertThat(list.status()).isEqualTo(200);
        JsonNode items = list.json().get("inquiries");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("id").stringValue()).isEqualTo(aliceId);
        assertThat(items.get(0).get("contact").stringValue()).isEqualTo(aliceContact);
        assertThat(list.body()).doesNotContain(bobContact).doesNotContain(bobId);
        assertThat(as(alice).get("/api/inquiries?parcel=" + available(6)).json().get("inquiries")).hasSize(1);

        assertThat(as(alice).get("/api/inquiries/" + aliceId).status()).isEqualTo(200);
        ServiceClient.Reply others = as(alice).get("/api/inquiries/" + bobId);
        assertThat(others.status()).isEqualTo(404);
        assertThat(others.body()).doesNotContain(bobContact);
        // An investor may not close, not even their own.
        assertThat(as(alice).post("/api/inquiries/" + aliceId + "/close").status()).isEqualTo(403);

        for (String path : List.of("/api/inquiries", "/api/inquiries?state=open", "/api/inquiries/" + aliceId)) {
            ServiceClient.Reply reply = anonymous.get(path);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).doesNotContain(aliceContact);
        }
        assertThat(anonymous.post("/api/inquiries/" + aliceId + "/close").status()).isEqualTo(401);
    }

    @Test
    void aPlannerSeesAllNewestFirstAndClosesOnceWithANote() {
        String investor = newUser("investor");
        String parcel = available(7);
        String first = as(investor).postJson("/api/inquiries", body(parcel, "First Co", "first@example.cn", "1"))
                .json().get("id").stringValue();
        String second = as(newUser("investor")).postJson("/api/inquiries",
                body(parcel, "Second Co", "second@example.cn", "2")).json().get("id").stringValue();

        JsonNode all = planner().get("/api/inquiries?parcel=" + parcel).json();
        assertThat(ids(all)).containsExactly(second, first);
        assertThat(all.get("limit").intValue()).isEqualTo(100);
        assertThat(all.get("offset").intValue()).isZero();
        assertThat(ids(planner().get("/api/inquiries?parcel=" + parcel + "&limit=1&offset=1").json()))
                .containsExactly(first);

        ServiceClient.Reply closed = planner().postJson("/api/inquiries/" + first + "/close",
                "{\"note\":\"  Called back; site visit on Monday.\\nSent the brochure.  \"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        JsonNode view = closed.json();
        assertThat(view.get("state").stringValue()).isEqualTo("closed");
        assertThat(view.get("closedBy").stringValue()).isEqualTo("planner-" + port);
        assertThat(view.get("closingNote").stringValue()).isEqualTo("Called back; site visit on Monday.\nSent the brochure.");
        assertThat(java.time.Instant.parse(view.get("closedAt").stringValue())).isNotNull();

        ServiceClient.Reply again = planner().post("/api/inquiries/" + first + "/close");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(planner().post("/api/inquiries/IQ-unknown/close").status()).isEqualTo(404);
        assertThat(planner().get("/api/inquiries/IQ-unknown").status()).isEqualTo(404);

        // Without a body, and with an empty object.
        assertThat(planner().post("/api/inquiries/" + second + "/close").status()).isEqualTo(200);
        assertThat(planner().get("/api/inquiries/" + second).json().has("closingNote")).isFalse();

        assertThat(ids(planner().get("/api/inquiries?state=closed&parcel=" + parcel).json()))
                .containsExactly(second, first);
        assertThat(ids(planner().get("/api/inquiries?state=open&parcel=" + parcel).json())).isEmpty();
        // The investor sees their inquiry closed, with the note.
        assertThat(as(investor).get("/api/inquiries/" + first).json().get("state").stringValue()).isEqualTo("closed");

        JsonNode events = planner().get("/api/history?feature=" + first).json().get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(1).get("action").stringValue()).isEqualTo("close");
        assertThat(events.get(1).at("/before/state").stringValue()).isEqualTo("open");
        assertThat(events.get(1).at("/after/state").stringValue()).isEqualTo("closed");
    }

    @Test
    void badQueriesAndBadClosingNotesAre400s() {
        for (String query : List.of("?state=pending", "?limit=0", "?limit=abc", "?offset=-1", "?sort=id",
                "?state=open&state=closed")) {
            assertThat(planner().get("/api/inquiries" + query).status()).as(query).isEqualTo(400);
        }
        String id = as(newUser("investor")).postJson("/api/inquiries", body(available(8), "ACME", secret("notes"), ""))
                .json().get("id").stringValue();
        for (String note : List.of("[]", "{\"note\":42}", "{\"remark\":\"x\"}", "{\"note\":\"" + "n".repeat(2001) + "\"}",
                "{\"note\":\"bell \\u0007\"}", "not json")) {
            ServiceClient.Reply reply = planner().postJson("/api/inquiries/" + id + "/close", note);
            assertThat(reply.status()).as(note).isEqualTo(400);
        }
        assertThat(planner().get("/api/inquiries/" + id).json().get("state").stringValue()).isEqualTo("open");
    }

    // ------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------

    /** The n-th available parcel of the seed data; each test uses its own so that they do not meet. */
    private static String available(int n) {
        return PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE).map(Parcel::id).sorted()
                .skip(n).findFirst().orElseThrow();
    }

    private static String body(String parcelId, String company, String contact, String message) {
        java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("parcelId", parcelId);
        body.put("company", company);
        body.put("contact", contact);
        body.put("message", message);
        return JSON.writeValueAsString(body);
    }

    /** A contact string that appears nowhere else, to search responses for. */
    private static String secret(String who) {
        return who + "-" + java.util.UUID.randomUUID() + "@contact.example.cn";
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("inquiries").forEach(q -> ids.add(q.get("id").stringValue()));
        return ids;
    }

    private String newUser(String role) {
        String name = role + "-" + USERS.incrementAndGet() + "-" + port;
        anonymous.ensureUser(role, name);
        return name;
    }

    /** The user, signed in with HTTP Basic, from an address of its own (the same for every call of the test). */
    private ServiceClient as(String username) {
        return anonymous.from(addressOfUser.computeIfAbsent(username, u -> newAddress()))
                .as(username, ServiceClient.USER_PASSWORD);
    }

    /** An address no other simulated client has: an IPv6 /64 of the documentation prefix 2001:db8::/32. */
    private static String newAddress() {
        return "2001:db8:" + Integer.toHexString(ADDRESSES.incrementAndGet()) + "::7";
    }

    /** A planner (not the admin) so the tests also show that the role, not the admin account, is what counts. */
    private ServiceClient planner() {
        anonymous.ensureUser("planner", "planner-" + port);
        return as("planner-" + port);
    }

    /** Every collection's items (and the parcel itself), fetched anonymously, never contain {@code text}. */
    private void assertNoPublicResponseContains(String text, String parcelId) {
        JsonNode collections = anonymous.get("/ogc/collections").json().get("collections");
        assertThat(collections).isNotEmpty();
        for (JsonNode collection : collections) {
            String id = collection.get("id").stringValue();
            ServiceClient.Reply items = anonymous.get("/ogc/collections/" + id + "/items?limit=1000");
            assertThat(items.status()).as(id).isEqualTo(200);
            assertThat(items.body()).as(id).doesNotContain(text);
        }
        assertThat(anonymous.get("/ogc/collections/parcels/items/" + parcelId).body()).doesNotContain(text);
    }
}
