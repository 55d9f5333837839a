package org.qiluvalley.planner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.filter.Audience;
import org.qiluvalley.planner.filter.Cql2Text;
import org.qiluvalley.planner.filter.FilterCrs;
import org.qiluvalley.planner.filter.Queryables;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Offer;
import org.qiluvalley.planner.parcel.Page;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.parcel.Place;
import org.qiluvalley.planner.parcel.Readiness;
import org.qiluvalley.planner.testsupport.ParkData;

/**
 * The store contract: every implementation of {@link ParcelStore} runs these tests against a fresh, empty database
 * loaded with the park's seed data.
 */
public abstract class ParcelStoreContract {

    protected static final ParkDataset PARK = ParkData.dataset();

    protected ParcelStore store;

    /** A store on a fresh, migrated, empty database. */
    protected abstract ParcelStore freshStore() throws Exception;

    @BeforeEach
    void loadPark() throws Exception {
        store = freshStore();
        assertThat(store.hasDataset(PARK.name())).isFalse();
        assertThat(store.loadDataset(PARK)).isTrue();
    }

    @Test
    void loadingTheSameDatasetAgainChangesNothing() {
        assertThat(store.hasDataset(PARK.name())).isTrue();
        assertThat(store.loadDataset(PARK)).isFalse();
        assertThat(store.find(Layer.PARCELS, FeatureQuery.all()).numberMatched()).isEqualTo(PARK.parcels().size());
        assertThat(store.find(Layer.ZONES, FeatureQuery.all()).numberMatched()).isEqualTo(PARK.zones().size());
    }

    @Test
    void everyLayerHoldsWhatWasLoaded() {
        assertThat(store.find(Layer.VALLEY, FeatureQuery.all()).numberMatched()).isEqualTo(PARK.valley().size());
        assertThat(store.find(Layer.ZONES, FeatureQuery.all()).numberMatched()).isEqualTo(6);
        assertThat(store.find(Layer.ROADS, FeatureQuery.all()).numberMatched()).isEqualTo(PARK.roads().size());
        assertThat(store.find(Layer.CONSTRAINTS, FeatureQuery.all()).numberMatched()).isEqualTo(5);
        assertThat(store.find(Layer.PARCELS, FeatureQuery.all()).numberMatched()).isEqualTo(PARK.parcels().size());
    }

    @Test
    void placesAreADatasetOfTheirOwnAndComeBackInTheirOrderWithBothPositions() {
        ParkDataset places = ParkData.places();
        assertThat(store.find(Layer.PLACES, FeatureQuery.all()).numberMatched()).isZero();
        assertThat(store.hasDataset(places.name())).isFalse();
        assertThat(store.loadDataset(places)).isTrue();
        assertThat(store.loadDataset(places)).isFalse();
        List<Place> stored = store.find(Layer.PLACES, FeatureQuery.all()).items();
        assertThat(stored).extracting(Place::id).containsExactlyElementsOf(places.places().stream().map(Place::id)
                .toList());
        for (Place expected : places.places()) {
            Place place = store.findById(Layer.PLACES, expected.id()).orElseThrow();
            assertThat(place.kind()).isEqualTo(expected.kind());
            assertThat(place.nameZh()).isEqualTo(expected.nameZh());
            assertThat(place.source()).isEqualTo(expected.source());
            assertThat(place.planar().getSRID()).isEqualTo(4548);
            assertThat(place.crs84().getSRID()).isEqualTo(4326);
            assertThat(place.planar().equalsExact(expected.planar(), 1e-6)).isTrue();
            assertThat(place.crs84().equalsExact(expected.crs84(), 1e-12)).isTrue();
        }
        assertThat(store.find(Layer.PLACES, new FeatureQuery(null, Map.of("kind", "airport"), 0, 10)).items())
                .extracting(Place::id).containsExactly("jinan-yaoqiang-airport");
    }

    @Test
    void parcelsComeBackByIdWithTheirAreaAndGeometry() {
        for (Parcel expected : PARK.parcels().subList(0, 20)) {
            Parcel stored = store.findById(Layer.PARCELS, expected.id()).orElseThrow();
            assertThat(stored.zone()).isEqualTo(expected.zone());
            assertThat(stored.landUse()).isEqualTo(expected.landUse());
            assertThat(stored.status()).isEqualTo(expected.status());
            assertThat(stored.indicators()).isEqualTo(expected.indicators());
            assertThat(stored.areaSquareMetres()).isCloseTo(expected.areaSquareMetres(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(stored.planar().getSRID()).isEqualTo(4548);
            assertThat(stored.crs84().getSRID()).isEqualTo(4326);
            assertThat(stored.crs84().equalsExact(expected.crs84(), 1e-12)).as("CRS84 geometry of %s", expected.id()).isTrue();
            assertThat(stored.planar().equalsExact(expected.planar(), 1e-6)).as("planar geometry of %s", expected.id()).isTrue();
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.offer()).as("price and readiness of %s", expected.id()).isEqualTo(expected.offer());
        }
        assertThat(store.findById(Layer.PARCELS, "QOV-XX-999")).isEmpty();
        assertThat(store.findById(Layer.ZONES, "exhibition")).isPresent();
    }

    @Test
    void pagesTileTheWholeLayerInIdOrder() {
        List<String> expected = PARK.parcels().stream().map(Parcel::id).sorted().toList();
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < expected.size(); offset += 7) {
            Page<Parcel> page = store.find(Layer.PARCELS, new FeatureQuery(null, Map.of(), offset, 7));
            assertThat(page.numberMatched()).isEqualTo(expected.size());
            page.items().forEach(p -> paged.add(p.id()));
        }
        assertThat(paged).isEqualTo(expected);
        Page<Parcel> beyond = store.find(Layer.PARCELS, new FeatureQuery(null, Map.of(), expected.size() + 5, 10));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.numberMatched()).isEqualTo(expected.size());
    }

    @Test
    void bboxQueriesMatchADirectJtsComputation() {
        Envelope park = new Envelope();
        PARK.parcels().forEach(p -> park.expandToInclude(p.crs84().getEnvelopeInternal()));
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            double w = park.getWidth() * (0.02 + random.nextDouble() * 0.4);
            double h = park.getHeight() * (0.02 + random.nextDouble() * 0.4);
            double x = park.getMinX() - w / 2 + random.nextDouble() * park.getWidth();
            double y = park.getMinY() - h / 2 + random.nextDouble() * park.getHeight();
            Envelope box = new Envelope(x, x + w, y, y + h);
            Geometry boxGeometry = CrsTransform.CRS84.toGeometry(box);
            List<String> expected = PARK.parcels().stream().filter(p -> p.crs84().intersects(boxGeometry))
                    .map(Parcel::id).sorted().toList();
            Page<Parcel> page = store.find(Layer.PARCELS, new FeatureQuery(box, Map.of(), 0, 1000));
            assertThat(page.items().stream().map(Parcel::id).toList()).as("parcels in %s", box).isEqualTo(expected);
            assertThat(page.numberMatched()).isEqualTo(expected.size());
        }
    }

    @Test
    void filtersOnAllowedPropertiesOnly() {
        long available = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE).count();
        assertThat(store.find(Layer.PARCELS, new FeatureQuery(null, Map.of("status", "available"), 0, 1000))
                .numberMatched()).isEqualTo(available);
        long incubator = PARK.parcels().stream().filter(p -> p.zone().equals("incubator")).count();
        Page<Parcel> page = store.find(Layer.PARCELS, new FeatureQuery(null, Map.of("zone", "incubator"), 0, 1000));
        assertThat(page.numberMatched()).isEqualTo(incubator).isPositive();
        assertThat(page.items()).allMatch(p -> p.zone().equals("incubator"));
        assertThat(store.find(Layer.PARCELS, new FeatureQuery(null, Map.of("zone", "x' OR '1'='1"), 0, 10))
                .numberMatched()).as("a literal is a bound parameter, never SQL").isZero();
        assertThatThrownBy(() -> store.find(Layer.PARCELS, new FeatureQuery(null, Map.of("area_m2", "1"), 0, 10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extentCoversEveryFeature() {
        Envelope extent = store.extentCrs84(Layer.PARCELS).orElseThrow();
        PARK.parcels().forEach(p -> assertThat(extent.covers(p.crs84().getEnvelopeInternal())).isTrue());
        Envelope valley = store.extentCrs84(Layer.VALLEY).orElseThrow();
        assertThat(valley.getMinX()).isBetween(117.18, 117.22);
        assertThat(valley.getMaxY()).isBetween(36.75, 36.78);
    }

    @Test
    void layersOtherThanParcelsKeepTheirLoadOrder() {
        List<String> zones = store.find(Layer.ZONES, FeatureQuery.all()).items().stream()
                .map(org.qiluvalley.planner.parcel.Zone::id).toList();
        assertThat(zones).isEqualTo(PARK.zones().stream().map(org.qiluvalley.planner.parcel.Zone::id).toList());
        assertThat(PARK.parcels().stream().map(Parcel::id).sorted(Comparator.naturalOrder()).toList())
                .isEqualTo(store.find(Layer.PARCELS, FeatureQuery.all()).items().stream().map(Parcel::id).toList());
    }

    @Test
    void anOfferIsStoredReadBackAndClearedWithTheColumnsFiltersRead() {
        Parcel current = store.find(Layer.PARCELS, FeatureQuery.all()).items().stream()
                .filter(p -> p.status() == ParcelStatus.AVAILABLE).skip(7).findFirst().orElseThrow();
        java.util.Map<Readiness.Item, Readiness.Status> items = new java.util.HashMap<>();
        Readiness.ITEMS.forEach(item -> items.put(item, new Readiness.Status(true, null)));
        items.put(Readiness.POWER, new Readiness.Status(false, "10 kV \"双回路\", 2 x 630 kVA \\ 待建"));
        Offer offer = new Offer(1234.56, 0.0, new Readiness(items));
        Parcel priced = new Parcel(current.id(), current.zone(), current.landUse(), current.status(),
                current.indicators(), current.areaSquareMetres(), current.version() + 1, current.updatedAt(),
                current.planar(), current.crs84(), offer);
        assertThat(store.updateParcel(priced, current.version())).isTrue();
        Parcel read = store.findById(Layer.PARCELS, current.id()).orElseThrow();
        assertThat(read.offer()).isEqualTo(offer);
        assertThat(read.fullyReady()).isFalse();
        Queryables sites = Queryables.forCollection("available-sites").orElseThrow();
        java.util.function.Function<String, List<String>> find = cql2 -> store.find(Layer.PARCELS, FeatureQuery.all()
                .withFilter(sites.bind(Cql2Text.parse(cql2, FilterCrs.CRS84), Audience.PUBLIC))).items().stream()
                .map(Parcel::id).toList();
        assertThat(find.apply("pricePerMuWanYuan = " + read.pricePerMuWanYuan() + " AND depositWanYuan = 0"
                + " AND fullyReady = FALSE")).containsExactly(current.id());

        Parcel cleared = new Parcel(priced.id(), priced.zone(), priced.landUse(), priced.status(),
                priced.indicators(), priced.areaSquareMetres(), priced.version() + 1, priced.updatedAt(),
                priced.planar(), priced.crs84(), null);
        assertThat(store.updateParcel(cleared, priced.version())).isTrue();
        assertThat(store.findById(Layer.PARCELS, current.id()).orElseThrow().offer()).isNull();
        assertThat(find.apply("pricePerMuWanYuan IS NULL AND fullyReady IS NULL AND reservePriceWanYuan IS NULL"))
                .contains(current.id());
    }

    @Test
    void insertingParcelsIfAbsentAddsNewOnesAndLeavesExistingOnesAlone() {
        Parcel existing = PARK.parcels().get(0);
        Parcel changedCopy = new Parcel(existing.id(), existing.zone(), existing.landUse(), ParcelStatus.ALLOCATED,
                existing.indicators(), existing.areaSquareMetres(), 9, existing.updatedAt(), existing.planar(),
                existing.crs84());
        List<Parcel> fresh = List.of(renamed(PARK.parcels().get(1), "IMP-0001"), renamed(PARK.parcels().get(2), "IMP-0002"));
        List<Parcel> batch = new ArrayList<>(fresh);
        batch.add(changedCopy);

        assertThat(store.insertParcelsIfAbsent(batch)).isEqualTo(2);
        assertThat(store.insertParcelsIfAbsent(batch)).as("a re-run inserts nothing").isZero();
        assertThat(store.find(Layer.PARCELS, FeatureQuery.all()).numberMatched()).isEqualTo(PARK.parcels().size() + 2);
        Parcel stillThere = store.findById(Layer.PARCELS, existing.id()).orElseThrow();
        assertThat(stillThere.status()).isEqualTo(existing.status());
        assertThat(stillThere.version()).isEqualTo(1);
        assertThat(store.findById(Layer.PARCELS, "IMP-0002").orElseThrow().areaSquareMetres())
                .isCloseTo(PARK.parcels().get(2).areaSquareMetres(), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void dataTheDatabaseRefusesIsToldApartFromAFailingStoreAndLeavesNothingBehind() {
        // 33 characters: one more than the id column holds (SQLSTATE 22001, a data exception, on both databases).
        List<Parcel> batch = List.of(renamed(PARK.parcels().get(3), "IMP-OK-0001"),
                renamed(PARK.parcels().get(4), "IMP-" + "X".repeat(29)));
        assertThatThrownBy(() -> store.insertParcelsIfAbsent(batch))
                .isInstanceOf(org.qiluvalley.planner.parcel.ParcelRefusedByStoreException.class);
        assertThat(store.findById(Layer.PARCELS, "IMP-OK-0001")).as("the batch was rolled back whole").isEmpty();
    }

    private static Parcel renamed(Parcel parcel, String id) {
        return new Parcel(id, parcel.zone(), parcel.landUse(), parcel.status(), parcel.indicators(),
                parcel.areaSquareMetres(), 1, parcel.updatedAt(), parcel.planar(), parcel.crs84());
    }

    @Test
    void aZoneLockMakesASecondTransactionOnTheSameZoneWait() throws Exception {
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch firstHoldsTheLock = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread first = new Thread(() -> store.inTransaction(() -> {
            store.lockZone("incubator");
            events.add("first locked");
            firstHoldsTheLock.countDown();
            await(release);
            events.add("first commits");
            return null;
        }));
        first.start();
        firstHoldsTheLock.await();
        Thread second = new Thread(() -> store.inTransaction(() -> {
            store.lockZone("incubator");
            events.add("second locked");
            return null;
        }));
        second.start();
        // Another zone is not blocked by the first transaction's lock.
        store.inTransaction(() -> {
            store.lockZone("exhibition");
            events.add("other zone locked");
            return null;
        });
        second.join(300); // the second transaction is still waiting for the lock now
        events.add("releasing");
        release.countDown();
        first.join();
        second.join();
        assertThat(events).containsExactly("first locked", "other zone locked", "releasing", "first commits",
                "second locked");
    }

    @Test
    void aZoneLockNeedsATransactionAndAnExistingZone() {
        assertThatThrownBy(() -> store.lockZone("incubator")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.lockZone("no-such-zone");
            return null;
        })).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void aTransactionThatThrowsLeavesNothingBehind() {
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.insertParcelsIfAbsent(List.of(renamed(PARK.parcels().get(3), "ROLLBACK-1")));
            throw new IllegalStateException("abandon");
        })).hasMessage("abandon");
        assertThat(store.findById(Layer.PARCELS, "ROLLBACK-1")).isEmpty();
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void parcelTotalsAreSummedByTheDatabaseInEpsg4548() {
        var byZone = store.parcelTotalsByZone();
        for (org.qiluvalley.planner.parcel.Zone zone : PARK.zones()) {
            for (ParcelStatus status : List.of(ParcelStatus.AVAILABLE, ParcelStatus.RESERVED, ParcelStatus.ALLOCATED)) {
                List<Parcel> expected = PARK.parcels().stream()
                        .filter(p -> p.zone().equals(zone.id()) && p.status() == status).toList();
                double area = expected.stream().mapToDouble(Parcel::areaSquareMetres).sum();
                double floor = expected.stream().mapToDouble(p -> p.areaSquareMetres() * p.indicators().farMax()).sum();
                var all = byZone.getOrDefault(zone.id(), java.util.Map.of()).get(status);
                var committed = store.committedTotals(zone.id()).get(status);
                if (expected.isEmpty()) {
                    assertThat(all).isNull();
                    assertThat(committed).isNull();
                    continue;
                }
                assertThat(all.parcels()).isEqualTo(expected.size());
                assertThat(all.areaSquareMetres()).isCloseTo(area, org.assertj.core.data.Offset.offset(0.01));
                assertThat(all.floorAreaCapacitySquareMetres()).isCloseTo(floor, org.assertj.core.data.Offset.offset(0.01));
                if (status == ParcelStatus.AVAILABLE) {
                    assertThat(committed).as("available parcels are not committed").isNull();
                } else {
                    assertThat(committed).isEqualTo(all);
                }
            }
        }
    }
}
