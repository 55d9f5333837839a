package org.qiluvalley.planner.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.testsupport.PlanarGeoJson;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.qiluvalley.planner.testsupport.ServiceClient.Reply;
import org.qiluvalley.planner.testsupport.ServiceProcess;

import tools.jackson.databind.JsonNode;

/**
 * The embedded store loses no acknowledged write when the process is killed with {@code kill -9}: the packaged jar
 * runs as its own process on a fresh data directory, several threads write to it (parcel edits, new parcels and
 * their withdrawal, proposals and their rejection), the process is killed while writes are in flight, and after a
 * restart on the same directory every write whose 2xx answer had been received is there, with its audit event.
 * Two kill cycles, each checking everything acknowledged so far.
 *
 * <p>This is what {@code WRITE_DELAY=0} on the H2 URL buys (H2's default writes commits in the background every
 * 500 ms and loses them on a kill). It proves durability against a process crash: the data reaches the operating
 * system before the answer leaves; it says nothing about power loss (see docs/ARCHITECTURE.md).
 */
class KillNineDurabilityIT {

    static final String ADMIN_PASSWORD = "kill-nine-admin-password";
    /**
     * bcrypt cost 4: every write authenticates with HTTP Basic, and the production cost (10) would make the hashing,
     * not the store, the thing measured. The stored hash carries its cost, so the admin created on first start
     * stays cheap to check after each restart.
     */
    static final Map<String, String> ENVIRONMENT = Map.of("VALLEY_ADMIN_PASSWORD", ADMIN_PASSWORD,
            "VALLEY_BCRYPT_STRENGTH", "4");
    /** Available enterprise parcels of gis-data: two edited over and over, one proposed and rejected over and over. */
    static final List<String> EDITED_PARCELS = List.of("QOV-LI-117", "QOV-LI-164");
    static final String PROPOSED_PARCEL = "QOV-LI-087";
    /** A 158 m x 193 m block with roads on all sides, withdrawn first so that new parcels can be drawn on it. */
    static final String CLEARED_PARCEL = "QOV-LI-038";
    static final int CYCLES = 2;
    /**
     * The kill comes once the writers have had this many writes acknowledged in the cycle (and at least a second
     * has passed), or after 20 s: enough to mean something on a loaded machine without a fixed sleep.
     */
    static final int WRITES_BEFORE_KILL = 60;

    @TempDir
    Path workDir;

    /** A parcel write the service acknowledged: the parcel, the version its answer carried, the audit action. */
    record ParcelWrite(String parcelId, long version, String action) {
    }

    /** Everything acknowledged so far (2xx answers fully received), across cycles. */
    static final class Acknowledged {
        final Set<ParcelWrite> parcelWrites = ConcurrentHashMap.newKeySet();
        final Set<String> proposals = ConcurrentHashMap.newKeySet();
        final Set<String> rejections = ConcurrentHashMap.newKeySet();
        final AtomicInteger inCycle = new AtomicInteger();
        /** Requests sent whose answer has not been received yet. */
        final AtomicInteger inFlight = new AtomicInteger();
        final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

        /** Sends one request, keeping count of those in flight. */
        Reply send(java.util.function.Supplier<Reply> request) {
            inFlight.incrementAndGet();
            try {
                return request.get();
            } finally {
                inFlight.decrementAndGet();
            }
        }
        int total() {
            return parcelWrites.size() + proposals.size() + rejections.size();
        }
    }

    /**
     * On each store: the embedded one (what {@code WRITE_DELAY=0} is for) and PostgreSQL (the service process is
     * killed, the database server lives on: nothing acknowledged may be only in the service's memory either).
     */
    @Test
    void everyAcknowledgedWriteSurvivesKillNineOnTheEmbeddedStore() throws Exception {
        everyAcknowledgedWriteSurvivesKillNine("h2gis");
    }

    @Test
    @RequiresPostgis
    void everyAcknowledgedWriteSurvivesKillNineOnPostgis() throws Exception {
        everyAcknowledgedWriteSurvivesKillNine("postgis");
    }

    private void everyAcknowledgedWriteSurvivesKillNine(String store) throws Exception {
        ValleyProperties.Db db = store.equals("postgis") ? PostgisTestDatabase.create() : null;
        List<String> storeArguments = db == null ? List.of("--valley.data-dir=" + workDir.resolve("data"))
                : List.of("--valley.db.url=" + db.url(), "--valley.db.user=" + db.user(),
                        "--valley.db.password=" + db.password());
        Acknowledged acknowledged = new Acknowledged();
        List<String> report = new ArrayList<>();

        ServiceProcess service = start(storeArguments, 0);
        try {
            ServiceClient admin = service.client().as("admin", ADMIN_PASSWORD);
            Reply block = admin.get("/ogc/collections/parcels/items/" + CLEARED_PARCEL);
            Reply withdrawn = admin.delete("/ogc/collections/parcels/items/" + CLEARED_PARCEL, block.header("ETag"));
            assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(204);
            acknowledged.parcelWrites.add(new ParcelWrite(CLEARED_PARCEL, version(block.header("ETag")) + 1, "withdraw"));
            Envelope land = PlanarGeoJson.readPlanar(block.json().get("geometry")).getEnvelopeInternal();

            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                admin = service.client().as("admin", ADMIN_PASSWORD);
                acknowledged.inCycle.set(0);
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> writers = new ArrayList<>();
                for (String parcel : EDITED_PARCELS) {
                    writers.add(writer("edit " + parcel, editor(admin, parcel, stop, acknowledged)));
                }
                writers.add(writer("create", creator(admin, corner(land, cycle), stop, acknowledged)));
                writers.add(writer("propose", proposer(admin, stop, acknowledged)));
                writers.forEach(Thread::start);

                long writingSince = System.nanoTime();
                Thread.sleep(1000);
                while (acknowledged.inCycle.get() < WRITES_BEFORE_KILL && writers.stream().allMatch(Thread::isAlive)
                        && System.nanoTime() - writingSince < TimeUnit.SECONDS.toNanos(20)) {
                    Thread.sleep(20);
                }
                long writingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - writingSince);
                int inFlightAtKill = acknowledged.inFlight.get();
                int exitStatus = service.killNine();
                stop.set(true);
                for (Thread writer : writers) {
                    writer.join(TimeUnit.SECONDS.toMillis(90));
                    assertThat(writer.isAlive()).as(writer.getName() + " still running 90 s after the kill").isFalse();
                }
                assertThat(exitStatus).as("the service was ended by SIGKILL").isEqualTo(ServiceProcess.KILLED_BY_SIGKILL);
                assertThat(acknowledged.unexpected).as("answers other than the expected 2xx").isEmpty();
                assertThat(acknowledged.inCycle.get()).as("writes acknowledged in cycle " + cycle).isPositive();
                String cycleReport = "cycle " + cycle + ": " + acknowledged.inCycle.get() + " writes acknowledged in "
                        + writingMillis + " ms, " + inFlightAtKill + " in flight at the kill";

                service = start(storeArguments, cycle);
                // How often the embedded store's leftover-transaction rollback (LeftoverTransactions) was needed.
                report.add(cycleReport + (service.log().contains("was not closed cleanly")
                        ? ", unfinished transactions rolled back at the restart" : ""));
                assertAllThere(service.client().as("admin", ADMIN_PASSWORD), acknowledged);
            }
            assertThat(service.log()).contains("Park data already loaded").doesNotContain("Loaded park data");
        } finally {
            service.close();
            if (db != null) {
                PostgisTestDatabase.drop(db);
            }
            System.out.println("KillNineDurabilityIT (" + store + "): " + String.join("; ", report) + "; "
                    + acknowledged.total() + " acknowledged writes in all");
        }
    }

    private ServiceProcess start(List<String> storeArguments, int restart) {
        return ServiceProcess.start(workDir, "service-" + restart + ".log", ENVIRONMENT,
                storeArguments.toArray(String[]::new)).awaitUp();
    }

    /** Everything acknowledged is stored, at its acknowledged version or later, with its audit event. */
    private static void assertAllThere(ServiceClient admin, Acknowledged acknowledged) {
        Map<String, Long> latest = new java.util.TreeMap<>();
        for (ParcelWrite write : acknowledged.parcelWrites) {
            latest.merge(write.parcelId(), write.version(), Math::max);
        }
        for (Map.Entry<String, Long> parcel : latest.entrySet()) {
            Reply stored = admin.get("/ogc/collections/parcels/items/" + parcel.getKey());
            assertThat(stored.status()).as("acknowledged parcel " + parcel.getKey()).isEqualTo(200);
            assertThat(stored.json().at("/properties/version").longValue()).as("version of " + parcel.getKey())
                    .isGreaterThanOrEqualTo(parcel.getValue());
            Set<ParcelWrite> audited = new HashSet<>();
            for (JsonNode event : history(admin, parcel.getKey())) {
                JsonNode after = event.get("after");
                if (after != null && !after.isNull() && after.at("/properties/version").isNumber()) {
                    audited.add(new ParcelWrite(parcel.getKey(), after.at("/properties/version").longValue(),
                            event.get("action").stringValue()));
                }
            }
            List<ParcelWrite> missing = acknowledged.parcelWrites.stream()
                    .filter(w -> w.parcelId().equals(parcel.getKey()) && !audited.contains(w)).toList();
            assertThat(missing).as("acknowledged writes of " + parcel.getKey() + " without their audit event").isEmpty();
        }
        for (String proposal : acknowledged.proposals) {
            Reply stored = admin.get("/api/allocations/" + proposal);
            assertThat(stored.status()).as("acknowledged proposal " + proposal).isEqualTo(200);
            List<String> actions = history(admin, proposal).stream().map(e -> e.get("action").stringValue()).toList();
            assertThat(actions).as("audit of " + proposal).contains("propose");
            if (acknowledged.rejections.contains(proposal)) {
                assertThat(stored.json().get("state").stringValue()).isEqualTo("rejected");
                assertThat(actions).as("audit of " + proposal).contains("reject");
            }
        }
    }

    private static List<JsonNode> history(ServiceClient admin, String featureId) {
        Reply reply = admin.get("/api/history?feature=" + featureId);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        reply.json().get("events").forEach(events::add);
        return events;
    }

    /** Edits one parcel's height limit over and over, each time with the ETag of the last answer. */
    private static Runnable editor(ServiceClient admin, String parcel, AtomicBoolean stop, Acknowledged acknowledged) {
        return () -> {
            String path = "/ogc/collections/parcels/items/" + parcel;
            String etag = admin.get(path).header("ETag");
            for (int n = 0; !stop.get(); n++) {
                int height = 20 + n % 30;
                String tag = etag;
                Reply reply = acknowledged.send(() -> admin.patchJson(path, "{\"properties\":{\"heightMaxMetres\":"
                        + height + "}}", tag));
                if (reply.status() != 200) {
                    acknowledged.unexpected.add("PATCH " + parcel + ": " + reply.status() + " " + reply.body());
                    return;
                }
                etag = reply.header("ETag");
                acknowledged.parcelWrites.add(new ParcelWrite(parcel, version(etag), "update"));
                acknowledged.inCycle.incrementAndGet();
            }
        };
    }

    /** Creates a parcel on the cleared block, withdraws it, creates the next in the same place, and so on. */
    private static Runnable creator(ServiceClient admin, Polygon site, AtomicBoolean stop, Acknowledged acknowledged) {
        String feature = "{\"type\":\"Feature\",\"geometry\":" + PlanarGeoJson.polygonCrs84(site)
                + ",\"properties\":{\"zone\":\"laser-industry\",\"landUse\":\"100101\"}}";
        return () -> {
            while (!stop.get()) {
                Reply created = acknowledged.send(() -> admin.postJson("/ogc/collections/parcels/items", feature));
                if (created.status() != 201) {
                    acknowledged.unexpected.add("POST parcel: " + created.status() + " " + created.body());
                    return;
                }
                String id = created.json().get("id").stringValue();
                acknowledged.parcelWrites.add(new ParcelWrite(id, version(created.header("ETag")), "create"));
                acknowledged.inCycle.incrementAndGet();
                Reply withdrawn = acknowledged.send(() -> admin.delete("/ogc/collections/parcels/items/" + id,
                        created.header("ETag")));
                if (withdrawn.status() != 204) {
                    acknowledged.unexpected.add("DELETE " + id + ": " + withdrawn.status() + " " + withdrawn.body());
                    return;
                }
                acknowledged.parcelWrites.add(new ParcelWrite(id, version(created.header("ETag")) + 1, "withdraw"));
                acknowledged.inCycle.incrementAndGet();
            }
        };
    }

    /**
     * Proposes the parcel, rejects the proposal (which makes the parcel available again), and so on. A proposal
     * the last kill cut off may have been stored with its parcel reserved: it is rejected first.
     */
    private static Runnable proposer(ServiceClient admin, AtomicBoolean stop, Acknowledged acknowledged) {
        return () -> {
            admin.get("/api/allocations?state=proposed&parcel=" + PROPOSED_PARCEL).json().get("allocations")
                    .forEach(live -> reject(admin, live.get("id").stringValue(), acknowledged));
            for (int n = 0; !stop.get(); n++) {
                String body = "{\"parcelId\":\"" + PROPOSED_PARCEL + "\",\"allottee\":{\"name\":\"Durable Optics " + n
                        + "\",\"type\":\"enterprise\"},\"intendedUse\":\"laser diodes\",\"pledges\":{"
                        + "\"investmentWanYuanPerMu\":320,\"taxWanYuanPerMu\":26},\"termYears\":20}";
                Reply proposed = acknowledged.send(() -> admin.postJson("/api/allocations", body));
                if (proposed.status() != 201) {
                    acknowledged.unexpected.add("POST allocation: " + proposed.status() + " " + proposed.body());
                    return;
                }
                String id = proposed.json().get("id").stringValue();
                acknowledged.proposals.add(id);
                acknowledged.inCycle.incrementAndGet();
                if (!reject(admin, id, acknowledged)) {
                    return;
                }
            }
        };
    }

    private static boolean reject(ServiceClient admin, String allocation, Acknowledged acknowledged) {
        Reply rejected = acknowledged.send(() -> admin.post("/api/allocations/" + allocation + "/reject"));
        if (rejected.status() != 200) {
            acknowledged.unexpected.add("reject " + allocation + ": " + rejected.status() + " " + rejected.body());
            return false;
        }
        acknowledged.proposals.add(allocation);
        acknowledged.rejections.add(allocation);
        acknowledged.inCycle.incrementAndGet();
        return true;
    }

    /** A writer thread; a request the kill cut off (no complete answer) ends it, unacknowledged. */
    private static Thread writer(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (UncheckedIOException cutOff) {
                // The service died: this request has no answer, so it is not counted as acknowledged.
            }
        }, "writer " + name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * A 75 m square (5,625 m²) in one corner of the cleared block, a different corner each cycle: a parcel that a
     * kill left stored but unacknowledged (and so not withdrawn) is then in no later cycle's way.
     */
    static Polygon corner(Envelope block, int cycle) {
        double side = 75;
        double inset = 0.1;
        boolean east = cycle % 2 == 0;
        boolean north = cycle >= 3;
        return PlanarGeoJson.rectangle(east ? block.getMaxX() - inset - side : block.getMinX() + inset,
                north ? block.getMaxY() - inset - side : block.getMinY() + inset, side, side);
    }

    /** The version an ETag {@code "v<n>"} names. */
    static long version(String etag) {
        assertThat(etag).matches("\"v\\d+\"");
        return Long.parseLong(etag.substring(2, etag.length() - 1));
    }
}
