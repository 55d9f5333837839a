package org.qiluvalley.planner.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The planner's workflow through the real HTTP API, for tests that need parcels in a given state: pick an available
 * site nobody else has taken, propose, approve, read a parcel as planners see it with its ETag, withdraw.
 *
 * <p>Tests of one application context share its database, and every test must stay independent of the others
 * whatever their order: each takes its own parcels through {@link #takeAvailableParcel}, which asks the API for the
 * available sites and hands each one out once per service.
 */
public final class Planning {

    /** The zone with enough available parcels for every test (about 130 in the seed data). */
    public static final String ENTERPRISE_ZONE = "laser-industry";
    /** Pledges that satisfy the laser-industry minimums of the rule book (300 and 25 万元/亩). */
    public static final double GOOD_INVESTMENT_WAN_YUAN_PER_MU = 400;
    public static final double GOOD_TAX_WAN_YUAN_PER_MU = 30;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Parcels already handed out, as "service base URL + id": one service's tests never share a parcel. */
    private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    private final ServiceClient anonymous;
    private final ServiceClient planner;
    private ServiceClient approver;

    /** The workflow on the service of {@code anonymous}, driven by the test-wide admin (a planner). */
    public Planning(ServiceClient anonymous) {
        this.anonymous = anonymous;
        this.planner = anonymous.asAdmin();
    }

    public ServiceClient planner() {
        return planner;
    }

    /** The anonymous client this helper was made with. */
    public ServiceClient client() {
        return anonymous;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** A GeoJSON Polygon of a JTS polygon, coordinates as they are (CRS84 or EPSG:4548). */
    public static ObjectNode polygon(Geometry geometry) {
        Polygon polygon = (Polygon) geometry;
        ObjectNode json = object().put("type", "Polygon");
        ArrayNode rings = json.putArray("coordinates");
        List<LineString> all = new ArrayList<>();
        all.add(polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            all.add(polygon.getInteriorRingN(i));
        }
        for (LineString ring : all) {
            ArrayNode positions = rings.addArray();
            for (Coordinate c : ring.getCoordinates()) {
                positions.addArray().add(c.x).add(c.y);
            }
        }
        return json;
    }

    /** An available laser-industry parcel that no other caller has been given, found through the public API. */
    public String takeAvailableParcel() {
        return takeAvailableParcel(null);
    }

    /**
     * Takes these parcels of {@code service} (its base URL) for one test, all or none: false when another caller
     * already has one of them. For tests that choose their parcels themselves (a fixture by id, a pair of
     * neighbours), so that {@link #takeAvailableParcel} never hands them to another test of the same service.
     */
    public static boolean take(ServiceClient service, String... ids) {
        List<String> added = new ArrayList<>();
        for (String id : ids) {
            if (!TAKEN.add(service.base() + " " + id)) {
                added.forEach(TAKEN::remove);
                return false;
            }
            added.add(service.base() + " " + id);
        }
        return true;
    }

    /** Whether a test of {@code service} has taken this parcel. */
    public static boolean taken(ServiceClient service, String id) {
        return TAKEN.contains(service.base() + " " + id);
    }

    /** As {@link #takeAvailableParcel()}, of at least this area (m², EPSG:4548): one that can be split in two. */
    public String takeAvailableParcelOfAtLeast(double areaM2) {
        JsonNode sites = anonymous.get("/ogc/collections/available-sites/items?limit=1000&zone=" + ENTERPRISE_ZONE)
                .json();
        for (JsonNode site : sites.get("features")) {
            String id = site.get("id").stringValue();
            if (site.at("/properties/areaM2").doubleValue() >= areaM2 && TAKEN.add(anonymous.base() + " " + id)) {
                return id;
            }
        }
        throw new IllegalStateException("no available " + ENTERPRISE_ZONE + " parcel of " + areaM2 + " m² left");
    }

    /** As {@link #takeAvailableParcel()}, with this land-use code (null for any). */
    public String takeAvailableParcel(String landUse) {
        JsonNode sites = anonymous.get("/ogc/collections/available-sites/items?limit=1000&zone=" + ENTERPRISE_ZONE
                + (landUse == null ? "" : "&landUse=" + landUse)).json();
        for (JsonNode site : sites.get("features")) {
            String id = site.get("id").stringValue();
            if (TAKEN.add(anonymous.base() + " " + id)) {
                return id;
            }
        }
        throw new IllegalStateException("no available " + ENTERPRISE_ZONE + " parcel left"
                + (landUse == null ? "" : " with land use " + landUse));
    }

    /**
     * The ids of the available parcels of a zone with this land use, not yet claimed; claim one with
     * {@link #take} before using it.
     */
    public List<String> parcelsOf(String zone, String landUse) {
        JsonNode sites = anonymous.get("/ogc/collections/available-sites/items?limit=1000&zone=" + zone + "&landUse="
                + landUse).json();
        List<String> ids = new ArrayList<>();
        for (JsonNode site : sites.get("features")) {
            ids.add(site.get("id").stringValue());
        }
        return ids;
    }

    /** A proposal body for an enterprise with good pledges and a 30-year term. */
    public static ObjectNode proposal(String parcelId, String allottee) {
        ObjectNode body = object();
        body.put("parcelId", parcelId);
        body.putObject("allottee").put("name", allottee).put("type", "enterprise");
        body.put("intendedUse", "laser cutting equipment plant");
        body.putObject("pledges").put("investmentWanYuanPerMu", GOOD_INVESTMENT_WAN_YUAN_PER_MU)
                .put("taxWanYuanPerMu", GOOD_TAX_WAN_YUAN_PER_MU);
        body.put("termYears", 30);
        return body;
    }

    /** Proposes a valid allocation of the parcel; returns the allocation id. */
    public String propose(String parcelId, String allottee) {
        return created(planner.postJson("/api/allocations", proposal(parcelId, allottee).toString()));
    }

    /** The id of the allocation a 201 answer created (after checking it is one). */
    public static String created(ServiceClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().get("id").stringValue();
        assertThat(reply.header("Location")).isEqualTo("/api/allocations/" + id);
        return id;
    }

    /** A second planner, who approves what {@link #planner()} proposed (four eyes: nobody approves their own). */
    public static final String APPROVER = "planning-approver";

    /** The second planner ({@value #APPROVER}), created on first use. */
    public ServiceClient approver() {
        if (approver == null) {
            approver = anonymous.asNew("planner", APPROVER);
        }
        return approver;
    }

    /**
     * Moves an allocation one step ({@code approve}, {@code reject}, {@code release}), expecting success. Approvals
     * are made by {@link #approver()}, the other steps by {@link #planner()}.
     */
    public JsonNode step(String allocationId, String transition) {
        ServiceClient by = transition.equals("approve") ? approver() : planner;
        ServiceClient.Reply reply = by.post("/api/allocations/" + allocationId + "/" + transition);
        assertThat(reply.status()).as(transition + " " + allocationId + ": " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** A fresh allocation in this state: proposed, approved, rejected or released. */
    public String allocationIn(String state, String allottee) {
        String id = propose(takeAvailableParcel(), allottee);
        switch (state) {
            case "proposed" -> {
            }
            case "approved" -> step(id, "approve");
            case "rejected" -> step(id, "reject");
            case "released" -> {
                step(id, "approve");
                step(id, "release");
            }
            default -> throw new IllegalArgumentException(state);
        }
        return id;
    }

    /** A parcel as planners see it, with its ETag. */
    public record Feature(JsonNode json, String eTag) {
        public String status() {
            return json.at("/properties/status").stringValue();
        }

        public long version() {
            return json.at("/properties/version").longValue();
        }

        /** The feature as a write body: a copy without links and read-only members. */
        public ObjectNode writable() {
            ObjectNode copy = (ObjectNode) json.deepCopy();
            copy.remove("links");
            ObjectNode properties = (ObjectNode) copy.get("properties");
            for (String readOnly : List.of("areaM2", "version", "updatedAt", "allocationId", "allocationState",
                    "allottee", "allotteeType", "derivedFrom", "supersededBy")) {
                properties.remove(readOnly);
            }
            return copy;
        }
    }

    public Feature parcel(String id) {
        ServiceClient.Reply reply = planner.get("/ogc/collections/parcels/items/" + id);
        assertThat(reply.status()).as("planner GET " + id + ": " + reply.body()).isEqualTo(200);
        return new Feature(reply.json(), reply.header("ETag"));
    }

    /** Withdraws a parcel (DELETE with its current ETag), expecting 204. */
    public void withdraw(String id) {
        ServiceClient.Reply reply = planner.delete("/ogc/collections/parcels/items/" + id, parcel(id).eTag());
        assertThat(reply.status()).as("DELETE " + id + ": " + reply.body()).isEqualTo(204);
    }

    /**
     * A parcel body the rule book accepts and whose outline is free: an available parcel is withdrawn (withdrawn
     * parcels are history and overlap nothing) and its outline and conditions are offered as a new parcel, without
     * an id.
     */
    public ObjectNode freeParcelBody() {
        String id = takeAvailableParcel();
        ObjectNode body = parcel(id).writable();
        withdraw(id);
        body.remove("id");
        return body;
    }

    /** Every feature of a collection as this client sees it, following the next links. */
    public static List<JsonNode> allItems(ServiceClient client, String collection) {
        return allItems(client, collection, "");
    }

    /** As {@link #allItems(ServiceClient, String)}, with query parameters ({@code status=withdrawn}). */
    public static List<JsonNode> allItems(ServiceClient client, String collection, String query) {
        List<JsonNode> features = new ArrayList<>();
        JsonNode page = client.get("/ogc/collections/" + collection + "/items?limit=1000"
                + (query.isEmpty() ? "" : "&" + query)).json();
        while (true) {
            page.get("features").forEach(features::add);
            String next = null;
            for (JsonNode link : page.get("links")) {
                if (link.get("rel").stringValue().equals("next")) {
                    next = link.get("href").stringValue();
                }
            }
            if (next == null) {
                return features;
            }
            page = client.getAbsolute(next).json();
        }
    }

    /** The history events of a feature (planners only). */
    public List<JsonNode> history(String featureId) {
        ServiceClient.Reply reply = planner.get("/api/history?feature=" + featureId);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        reply.json().get("events").forEach(events::add);
        return events;
    }
}
