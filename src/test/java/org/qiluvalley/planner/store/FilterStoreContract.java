package org.qiluvalley.planner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.filter.Audience;
import org.qiluvalley.planner.filter.BoundFilter;
import org.qiluvalley.planner.filter.Cql2Json;
import org.qiluvalley.planner.filter.Cql2Text;
import org.qiluvalley.planner.filter.Filter;
import org.qiluvalley.planner.filter.FilterCrs;
import org.qiluvalley.planner.filter.FilterOracle;
import org.qiluvalley.planner.filter.FilterWriter;
import org.qiluvalley.planner.filter.ParkViews;
import org.qiluvalley.planner.filter.Queryables;
import org.qiluvalley.planner.filter.RandomFilters;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Offer;
import org.qiluvalley.planner.parcel.Page;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.parcel.Place;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;
import org.qiluvalley.planner.testsupport.ParkData;

/**
 * The CQL2 filter contract of the store: every implementation of {@link ParcelStore} answers a filter exactly as the
 * test evaluates the same filter itself ({@link FilterOracle}) over every feature of the collection as the audience
 * sees it (the public view, or the planners'). Thousands of generated filters over every collection, for both
 * audiences, in both encodings and both filter CRSs; hand-written cases of what the public must not learn; hostile
 * filters refused before any SQL.
 *
 * <p>One database per class, loaded with the park and then changed so that every case exists: withdrawn parcels,
 * changed planning conditions and update times, and a land-use code full of characters that SQL and LIKE treat
 * specially.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FilterStoreContract {

    protected static final ParkDataset PARK = ParkData.dataset();

    /** A land-use code made of a quote and LIKE's special characters (the column holds 6 characters). */
    static final String ODD_LAND_USE = "O'%_\\";
    static final Instant CHANGED_AT = Instant.parse("2026-02-01T10:00:00Z");

    protected ParcelStore store;

    private List<Parcel> parcels;
    private Map<String, List<FilterOracle.Feature>> views;

    /** A store on a fresh, migrated, empty database. */
    protected abstract ParcelStore freshStore() throws Exception;

    /** Closes and drops what {@link #freshStore} made. */
    protected abstract void closeStore() throws Exception;

    @BeforeAll
    void loadAndVaryThePark() throws Exception {
        store = freshStore();
        assertThat(store.loadDataset(PARK)).isTrue();
        assertThat(store.loadDataset(ParkData.places())).isTrue();
        List<Parcel> loaded = store.find(Layer.PARCELS, FeatureQuery.all()).items();
        List<Parcel> available = loaded.stream().filter(p -> p.status() == ParcelStatus.AVAILABLE).toList();
        List<Parcel> reserved = loaded.stream().filter(p -> p.status() == ParcelStatus.RESERVED).toList();
        List<Parcel> allocated = loaded.stream().filter(p -> p.status() == ParcelStatus.ALLOCATED).toList();
        change(available.get(3), ParcelStatus.WITHDRAWN, available.get(3).landUse(), null);
        change(available.get(17), ParcelStatus.WITHDRAWN, available.get(17).landUse(), null);
        change(reserved.get(1), ParcelStatus.WITHDRAWN, reserved.get(1).landUse(), null);
        change(allocated.get(2), ParcelStatus.WITHDRAWN, allocated.get(2).landUse(), null);
        change(available.get(5), ParcelStatus.AVAILABLE, ODD_LAND_USE, null);
        // A reserved and an allocated parcel with an offer (the seed gives offers to available parcels only): the
        // public must not find them by price or readiness.
        Offer someOffer = available.get(0).offer();
        change(reserved.get(2), ParcelStatus.RESERVED, ODD_LAND_USE, null, someOffer);
        for (int i = 30; i < 60; i += 4) {
            PlanningIndicators ind = available.get(i).indicators();
            Offer offer = available.get(i).offer();
            // Some available parcels with a price only, with readiness only, with neither.
            offer = switch (i) {
                case 34 -> new Offer(null, null, offer.readiness());
                case 38 -> new Offer(offer.reservePriceWanYuan(), null, null);
                case 42 -> null;
                default -> offer;
            };
            change(available.get(i), ParcelStatus.AVAILABLE, available.get(i).landUse(), new PlanningIndicators(
                    ind.farMin() + 0.25, ind.farMax() + i / 8.0, ind.coverageMin(), ind.coverageMax() - 0.05,
                    ind.greenRatioMin(), ind.greenRatioMax(), ind.heightMaxMetres() + i, ind.setbackMetres() / 2),
                    offer);
        }
        for (int i = 0; i < 6; i++) {
            PlanningIndicators ind = allocated.get(i + 5).indicators();
            change(allocated.get(i + 5), ParcelStatus.ALLOCATED, allocated.get(i + 5).landUse(), new PlanningIndicators(
                    ind.farMin(), ind.farMax() + 1, ind.coverageMin(), ind.coverageMax(), ind.greenRatioMin(),
                    ind.greenRatioMax(), 99.25, ind.setbackMetres()), i == 0 ? available.get(1).offer() : null);
        }
        parcels = store.find(Layer.PARCELS, FeatureQuery.all()).items();
        views = ParkViews.of(parcels, store.find(Layer.ZONES, FeatureQuery.all()).items(),
                store.find(Layer.VALLEY, FeatureQuery.all()).items(),
                store.find(Layer.CONSTRAINTS, FeatureQuery.all()).items(),
                store.find(Layer.ROADS, FeatureQuery.all()).items(),
                store.find(Layer.PLACES, FeatureQuery.all()).items());
    }

    @AfterAll
    void close() throws Exception {
        closeStore();
    }

    /** Changes a parcel, keeping its offer. */
    private void change(Parcel p, ParcelStatus status, String landUse, PlanningIndicators indicators) {
        change(p, status, landUse, indicators, p.offer());
    }

    private void change(Parcel p, ParcelStatus status, String landUse, PlanningIndicators indicators, Offer offer) {
        Parcel changed = new Parcel(p.id(), p.zone(), landUse, status, indicators == null ? p.indicators() : indicators,
                p.areaSquareMetres(), p.version() + 1, CHANGED_AT, p.planar(), p.crs84(), offer);
        assertThat(store.updateParcel(changed, p.version())).isTrue();
    }

    // ---- Generated filters. ----

    Stream<Arguments> collectionsAndAudiences() {
        List<Arguments> all = new ArrayList<>();
        for (Queryables queryables : Queryables.all()) {
            for (Audience audience : Audience.values()) {
                all.add(Arguments.of(queryables.collectionId(), audience));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("collectionsAndAudiences")
    void generatedFiltersSelectWhatTheTestSelects(String collectionId, Audience audience) {
        Queryables queryables = Queryables.forCollection(collectionId).orElseThrow();
        Layer<?> layer = layer(queryables);
        List<FilterOracle.Feature> features = views.get(ParkViews.key(collectionId, audience));
        assertThat(features).isNotEmpty();
        Random random = new Random(collectionId.hashCode() * 31L + audience.ordinal());
        int count = queryables.layer().equals("parcels") ? 250 : 80;
        int selective = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FilterCrs crs = random.nextInt(3) == 0 ? FilterCrs.EPSG_4548 : FilterCrs.CRS84;
            RandomFilters generator = new RandomFilters(queryables, audience, features, crs.target(), random);
            Filter filter = generator.next(1 + random.nextInt(4));
            List<String> expected = FilterOracle.select(filter, features);
            if (!expected.isEmpty() && expected.size() < features.size()) {
                selective++;
            }
            String text = FilterWriter.text(filter, random);
            Filter fromText = Cql2Text.parse(text, crs);
            assertThat(fromText).as("CQL2-Text read back: %s", text).isEqualTo(filter);
            String json = FilterWriter.json(filter);
            Filter fromJson = Cql2Json.parse(json, crs);
            assertThat(FilterOracle.select(fromJson, features)).as("CQL2-JSON read back: %s", json)
                    .isEqualTo(expected);

            List<String> byText = ids(store.find(layer, FeatureQuery.all().withFilter(queryables.bind(fromText, audience))));
            if (!byText.equals(expected)) {
                failures.add(text + "\n    expected " + expected + "\n    but got  " + byText);
            }
            // The JSON filter through a page: numberMatched counts (COUNT(*)), and the page is the right slice.
            Page<?> page = store.find(layer, new FeatureQuery(null, null, Map.of(), 1, 3, Map.of(),
                    queryables.bind(fromJson, audience)));
            List<String> slice = expected.subList(Math.min(1, expected.size()), Math.min(4, expected.size()));
            if (page.numberMatched() != expected.size() || !ids(page).equals(slice)) {
                failures.add(json + "\n    expected " + expected.size() + " " + slice + "\n    but got  "
                        + page.numberMatched() + " " + ids(page));
            }
        }
        assertThat(failures).as("answers that differ from the test's own evaluation (%d, of %d filters, each "
                + "asked in full and for a page)", failures.size(), count).isEmpty();
        assertThat(selective).as("filters that select some features and not others").isGreaterThan(count / 5);
    }

    private static Layer<?> layer(Queryables queryables) {
        return Layer.ALL.stream().filter(l -> l.name().equals(queryables.layer())).findFirst().orElseThrow();
    }

    private static List<String> ids(Page<?> page) {
        List<String> ids = new ArrayList<>();
        for (Object item : page.items()) {
            if (item instanceof Parcel p) {
                ids.add(p.id());
            } else if (item instanceof Zone z) {
                ids.add(z.id());
            } else if (item instanceof ValleyPart v) {
                ids.add(v.id());
            } else if (item instanceof ConstraintArea c) {
                ids.add(c.id());
            } else if (item instanceof Road r) {
                ids.add(r.id());
            } else if (item instanceof Place place) {
                ids.add(place.id());
            }
        }
        return ids;
    }

    // ---- What the public sees, and nothing more. ----

    private List<String> find(String collection, Audience audience, String cql2Text) {
        return find(collection, audience, cql2Text, FilterCrs.CRS84);
    }

    private List<String> find(String collection, Audience audience, String cql2Text, FilterCrs crs) {
        Queryables queryables = Queryables.forCollection(collection).orElseThrow();
        BoundFilter filter = queryables.bind(Cql2Text.parse(cql2Text, crs), audience);
        return ids(store.find(layer(queryables), FeatureQuery.all().withFilter(filter)));
    }

    private List<String> parcelIds(java.util.function.Predicate<Parcel> which) {
        return parcels.stream().filter(which).map(Parcel::id).toList();
    }

    @Test
    void thePublicSeesReservedAndAllocatedAlikeAsUnavailableAndNeverAWithdrawnParcel() {
        List<String> unavailable = parcelIds(p -> p.status() == ParcelStatus.RESERVED
                || p.status() == ParcelStatus.ALLOCATED);
        assertThat(find("parcels", Audience.PUBLIC, "status = 'unavailable'")).isEqualTo(unavailable).isNotEmpty();
        assertThat(find("parcels", Audience.PUBLIC, "status <> 'available'")).isEqualTo(unavailable);
        assertThat(find("parcels", Audience.PUBLIC, "status LIKE 'un%'")).isEqualTo(unavailable);
        assertThat(find("parcels", Audience.PUBLIC, "status > 'available'")).isEqualTo(unavailable);
        assertThat(find("parcels", Audience.PUBLIC, "TRUE"))
                .isEqualTo(parcelIds(p -> p.status() != ParcelStatus.WITHDRAWN));
        assertThat(find("parcels", Audience.PUBLIC, "status IS NULL OR NOT (status IN ('available', 'unavailable'))"))
                .isEmpty();
        for (String hidden : List.of("'reserved'", "'allocated'", "'withdrawn'", "'Reserved'", "'x'")) {
            assertThatThrownBy(() -> find("parcels", Audience.PUBLIC, "status = " + hidden))
                    .isInstanceOf(InvalidInputException.class).hasMessage("status must be available or unavailable");
            assertThatThrownBy(() -> find("parcels", Audience.PUBLIC, "status IN ('available', " + hidden + ")"))
                    .isInstanceOf(InvalidInputException.class).hasMessage("status must be available or unavailable");
        }
        assertThat(find("parcels", Audience.PLANNER, "status = 'withdrawn'"))
                .isEqualTo(parcelIds(p -> p.status() == ParcelStatus.WITHDRAWN)).hasSize(4);
        assertThat(find("parcels", Audience.PLANNER, "status = 'reserved'"))
                .isEqualTo(parcelIds(p -> p.status() == ParcelStatus.RESERVED));
    }

    @Test
    void thePublicFiltersLandUseAndIndicatorsAmongAvailableParcelsOnly() {
        List<String> availableOffices = parcelIds(p -> p.status() == ParcelStatus.AVAILABLE
                && p.landUse().equals("100101"));
        assertThat(find("parcels", Audience.PUBLIC, "landUse = '100101'")).isEqualTo(availableOffices).isNotEmpty();
        assertThat(find("parcels", Audience.PLANNER, "landUse = '100101'"))
                .isEqualTo(parcelIds(p -> p.landUse().equals("100101"))).hasSizeGreaterThan(availableOffices.size());
        assertThat(find("parcels", Audience.PUBLIC, "landUse IS NULL")).isEqualTo(parcelIds(
                p -> p.status() == ParcelStatus.RESERVED || p.status() == ParcelStatus.ALLOCATED));
        // A hidden value is null: neither a comparison nor its negation selects the parcel.
        assertThat(find("parcels", Audience.PUBLIC, "NOT (farMax >= 0)")).isEmpty();
        assertThat(find("parcels", Audience.PUBLIC, "heightMaxMetres = 99.25")).isEmpty();
        assertThat(find("parcels", Audience.PLANNER, "heightMaxMetres = 99.25")).hasSize(6);
        assertThat(find("parcels", Audience.PUBLIC, "NOT (landUse LIKE '%')")).isEmpty();
        assertThat(find("parcels", Audience.PUBLIC, "landUse = zone OR landUse <> zone"))
                .isEqualTo(parcelIds(p -> p.status() == ParcelStatus.AVAILABLE));
    }

    @Test
    void priceAndReadinessFiltersSelectExactlyTheMatchingAvailableSites() {
        // The expected sets from the parcels themselves, not from the store's derived columns.
        java.util.function.Function<Parcel, Double> perMu = p -> p.offer() == null
                || p.offer().reservePriceWanYuan() == null ? null
                : GeoJson.round(p.offer().reservePriceWanYuan() / (p.areaSquareMetres() / (10_000.0 / 15)), 2);
        java.util.function.Function<Parcel, Boolean> fullyReady = p -> p.offer() == null
                || p.offer().readiness() == null ? null
                : p.offer().readiness().items().values().stream().allMatch(r -> r.ready());
        java.util.function.Predicate<Parcel> available = p -> p.status() == ParcelStatus.AVAILABLE;
        List<Double> prices = parcels.stream().filter(available).map(perMu).filter(java.util.Objects::nonNull)
                .sorted().toList();
        double median = prices.get(prices.size() / 2);
        List<String> cheap = parcelIds(available.and(p -> perMu.apply(p) != null && perMu.apply(p) <= median));
        assertThat(cheap).hasSizeGreaterThan(10).hasSizeLessThan(prices.size());
        for (Audience audience : Audience.values()) {
            assertThat(find("available-sites", audience, "pricePerMuWanYuan <= " + median)).isEqualTo(cheap);
            // On the parcels collection planners also find the reserved, allocated and withdrawn parcels by price.
            assertThat(find("parcels", audience, "pricePerMuWanYuan <= " + median)).isEqualTo(audience == Audience.PUBLIC
                    ? cheap : parcelIds(p -> perMu.apply(p) != null && perMu.apply(p) <= median));
            assertThat(find("available-sites", audience, "fullyReady = TRUE"))
                    .isEqualTo(parcelIds(available.and(p -> Boolean.TRUE.equals(fullyReady.apply(p))))).isNotEmpty();
            assertThat(find("available-sites", audience, "fullyReady = FALSE"))
                    .isEqualTo(parcelIds(available.and(p -> Boolean.FALSE.equals(fullyReady.apply(p))))).isNotEmpty();
            assertThat(find("available-sites", audience, "pricePerMuWanYuan IS NULL"))
                    .isEqualTo(parcelIds(available.and(p -> perMu.apply(p) == null))).hasSize(2);
            assertThat(find("available-sites", audience, "depositWanYuan > 0 AND reservePriceWanYuan >= depositWanYuan"))
                    .isEqualTo(parcelIds(available.and(p -> p.offer() != null && p.offer().depositWanYuan() != null)));
        }
        // The reserved and the allocated parcel with an offer: planners find them by it, the public does not.
        List<String> committedWithOffer = parcelIds(p -> (p.status() == ParcelStatus.RESERVED
                || p.status() == ParcelStatus.ALLOCATED) && p.offer() != null);
        assertThat(committedWithOffer).hasSize(2);
        assertThat(find("parcels", Audience.PLANNER, "reservePriceWanYuan > 0")).containsAll(committedWithOffer);
        assertThat(find("parcels", Audience.PUBLIC, "reservePriceWanYuan > 0 OR fullyReady IS NOT NULL"))
                .doesNotContainAnyElementsOf(committedWithOffer)
                .isEqualTo(parcelIds(available.and(p -> p.offer() != null)));
        assertThat(find("parcels", Audience.PUBLIC, "NOT (pricePerMuWanYuan > 0)")).isEmpty();
    }

    @Test
    void aPropertyTheCallerMayNotSeeIsRefusedExactlyAsAnUnknownOne() {
        for (String filter : List.of("%s = 1", "%s > 1", "%s IS NULL", "%s IS NOT NULL", "%s IN (1, 2)",
                "%s BETWEEN 1 AND 2", "%s LIKE 'x'", "%s = TIMESTAMP('2026-01-01T00:00:00Z')", "zone = %s",
                "NOT (%s = 'a') OR TRUE", "S_INTERSECTS(%s, POINT(117.2 36.7))")) {
            String hidden = message(() -> find("parcels", Audience.PUBLIC, filter.formatted("version")));
            assertThat(message(() -> find("parcels", Audience.PUBLIC, filter.formatted("updatedAt"))))
                    .isEqualTo(hidden.replace("version", "updatedAt"));
            assertThat(message(() -> find("parcels", Audience.PUBLIC, filter.formatted("allottee"))))
                    .isEqualTo(hidden.replace("version", "allottee"));
            assertThat(message(() -> find("available-sites", Audience.PUBLIC, filter.formatted("version"))))
                    .isEqualTo(hidden);
        }
        assertThat(message(() -> find("parcels", Audience.PUBLIC, "version = 1")))
                .isEqualTo("the filter names \"version\", which is not a queryable of this collection");
        assertThat(find("parcels", Audience.PLANNER, "version = 2")).hasSize(4 + 2 + 8 + 6);
        assertThat(find("parcels", Audience.PLANNER, "updatedAt >= TIMESTAMP('2026-02-01T10:00:00Z')"))
                .hasSize(4 + 2 + 8 + 6);
    }

    private static String message(Runnable request) {
        try {
            request.run();
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void availableSitesHoldAvailableParcelsOnlyForEveryone() {
        List<String> available = parcelIds(p -> p.status() == ParcelStatus.AVAILABLE);
        assertThat(find("available-sites", Audience.PUBLIC, "TRUE")).isEqualTo(available);
        assertThat(find("available-sites", Audience.PLANNER, "TRUE")).isEqualTo(available);
        assertThat(find("available-sites", Audience.PLANNER, "status = 'reserved'")).isEmpty();
    }

    @Test
    void literalsAreValuesNeverSql() {
        for (String filter : List.of("zone = 'x'' OR 1=1 --'", "zone = 'laser-industry'' OR ''1''=''1'",
                "zone = 'x\\' OR 1=1 --'", "zone IN ('a'') OR (''1''=''1')", "zone LIKE '%'' OR ''%''='''",
                "landUse = '\\'; DROP TABLE parcels; --'")) {
            assertThat(find("parcels", Audience.PLANNER, filter)).as(filter).isEmpty();
        }
        Queryables parcelsQueryables = Queryables.forCollection("parcels").orElseThrow();
        assertThat(ids(store.find(Layer.PARCELS, FeatureQuery.all().withFilter(parcelsQueryables.bind(Cql2Json.parse(
                "{\"op\": \"=\", \"args\": [{\"property\": \"zone\"}, \"x' OR 1=1 --\"]}", FilterCrs.CRS84),
                Audience.PLANNER))))).isEmpty();
        assertThat(store.find(Layer.PARCELS, FeatureQuery.all()).numberMatched()).isEqualTo(parcels.size());
        // Quotes, % and _ in a value are matched as themselves, with = and with an escaped LIKE pattern.
        List<String> odd = parcelIds(p -> p.landUse().equals(ODD_LAND_USE));
        assertThat(find("parcels", Audience.PLANNER, "landUse = 'O''%_\\\\'")).isEqualTo(odd).hasSize(2);
        assertThat(find("parcels", Audience.PLANNER, "landUse LIKE 'O''\\\\%\\\\_\\\\\\\\'")).isEqualTo(odd);
        assertThat(find("parcels", Audience.PLANNER, "landUse LIKE 'O\\'\\%\\_%'")).isEqualTo(odd);
        assertThat(find("parcels", Audience.PLANNER, "landUse LIKE '_''%'")).isEqualTo(odd);
        assertThat(find("parcels", Audience.PUBLIC, "landUse LIKE 'O%'")).hasSize(1);
    }

    @Test
    void literalsOfEveryTypeOnEitherSideRunOnTheDatabase() {
        List<String> zones = ids(store.find(Layer.ZONES, FeatureQuery.all()));
        for (String always : List.of("'a' < 'b'", "'B' < 'a'", "1 = 1.0", "TRUE = TRUE", "FALSE <> TRUE",
                "DATE('2026-01-01') < DATE('2026-01-02')",
                "TIMESTAMP('2026-01-01T00:00:00Z') = TIMESTAMP('2026-01-01T00:00:00.000Z')", "'a' IS NOT NULL",
                "'a_b' LIKE 'a\\_%'", "2 BETWEEN 1 AND 3", "'b' IN ('a', 'b')", "S_INTERSECTS(POINT(1 2), BBOX(0, 0, 3, 3))",
                "S_INTERSECTS(geometry, geometry)", "nameEn = nameEn", "allocatable = allocatable OR TRUE",
                "areaM2 IN (areaM2)", "nameZh > 'A'", "NOT (nameEn IS NULL)")) {
            assertThat(find("zones", Audience.PUBLIC, always)).as(always).isEqualTo(zones);
        }
        for (String never : List.of("'a' > 'b'", "'a' IS NULL", "3 BETWEEN 1 AND 2", "'a' LIKE 'A'",
                "S_WITHIN(BBOX(0, 0, 3, 3), POINT(1 2))", "NOT (nameEn = nameEn)")) {
            assertThat(find("zones", Audience.PUBLIC, never)).as(never).isEmpty();
        }
        assertThat(find("valley", Audience.PUBLIC, "phase IS NULL")).containsExactly("valley");
        assertThat(find("valley", Audience.PUBLIC, "phase >= 1")).containsExactly("phase-1", "phase-2");
    }

    @Test
    void areaIsComparedAsServed() {
        Parcel some = parcels.stream().filter(p -> p.status() == ParcelStatus.AVAILABLE).skip(11).findFirst()
                .orElseThrow();
        double served = GeoJson.round(some.areaSquareMetres(), 2);
        assertThat(find("parcels", Audience.PLANNER, "areaM2 = " + served)).contains(some.id());
        assertThat(find("parcels", Audience.PUBLIC, "areaM2 BETWEEN " + served + " AND " + served)).contains(some.id());
    }

    @Test
    void spatialPredicatesInEitherFilterCrs() {
        Parcel target = parcels.get(40);
        Envelope planar = target.planar().getEnvelopeInternal();
        Envelope crs84 = target.crs84().getEnvelopeInternal();
        String planarBox = "BBOX(" + (planar.getMinX() - 0.5) + ", " + (planar.getMinY() - 0.5) + ", "
                + (planar.getMaxX() + 0.5) + ", " + (planar.getMaxY() + 0.5) + ")";
        String crs84Box = "BBOX(" + (crs84.getMinX() - 1e-6) + ", " + (crs84.getMinY() - 1e-6) + ", "
                + (crs84.getMaxX() + 1e-6) + ", " + (crs84.getMaxY() + 1e-6) + ")";
        assertThat(find("parcels", Audience.PLANNER, "S_WITHIN(geometry, " + planarBox + ")", FilterCrs.EPSG_4548))
                .contains(target.id());
        assertThat(find("parcels", Audience.PLANNER, "S_WITHIN(geometry, " + crs84Box + ")")).contains(target.id());
        assertThat(find("parcels", Audience.PLANNER, "S_WITHIN(geometry, " + crs84Box + ")", FilterCrs.EPSG_4548))
                .as("CRS84 numbers read as metres lie far from the park").isEmpty();
        org.locationtech.jts.geom.Point inside = target.planar().getInteriorPoint();
        assertThat(find("parcels", Audience.PLANNER, "S_INTERSECTS(geometry, POINT(" + inside.getX() + " "
                + inside.getY() + "))", FilterCrs.EPSG_4548)).containsExactly(target.id());
        assertThat(find("parcels", Audience.PLANNER, "S_WITHIN(POINT(" + inside.getX() + " " + inside.getY()
                + "), geometry)", FilterCrs.EPSG_4548)).containsExactly(target.id());
    }

    @Test
    void aFilterReadsOnlyTheLayerOfItsQueryables() {
        BoundFilter onZones = Queryables.forCollection("zones").orElseThrow()
                .bind(Cql2Text.parse("category = 'facility'", FilterCrs.CRS84), Audience.PUBLIC);
        assertThatThrownBy(() -> store.find(Layer.PARCELS, FeatureQuery.all().withFilter(onZones)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostileFiltersAreRefusedBeforeAnySqlAndQuickly() {
        List<String> hostile = new ArrayList<>(List.of(
                "NOT (".repeat(40) + "zone = 'a'" + ")".repeat(40),
                "(".repeat(5000) + "zone = 'a'" + ")".repeat(5000),
                "zone IN (" + "'a', ".repeat(150) + "'b')",
                "zone = 'a'" + " OR zone = 'a'".repeat(300),
                "zone = '" + "x".repeat(300) + "'",
                "zone LIKE '%a%b%c%d'",
                "zone LIKE '" + "_".repeat(200) + "'",
                "zone = 'a' AND " + "x".repeat(9000),
                "foo = 1",
                "version = 1",
                "zone = 'a'; DROP TABLE parcels",
                "zone = 'a' --",
                "zone = 'a' /* comment */",
                "\"zone\"\" OR 1=1\" = 'a'",
                "zone = \"a\"",
                "zone == 'a'",
                "zone = 'a",
                "S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))",
                "S_INTERSECTS(geometry, POINT(200 100))",
                "S_INTERSECTS(geometry, LINESTRING(" + "117.2 36.7, ".repeat(1200) + "117.3 36.8))",
                "S_TOUCHES(geometry, POINT(117.2 36.7))",
                "areaM2 = 1e999",
                "zone = 1",
                "T_AFTER(updatedAt, TIMESTAMP('2026-01-01T00:00:00Z'))"));
        Queryables parcelsQueryables = Queryables.forCollection("parcels").orElseThrow();
        for (String filter : hostile) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> parcelsQueryables.bind(Cql2Text.parse(filter, FilterCrs.CRS84), Audience.PUBLIC))
                    .as(filter.length() > 120 ? filter.substring(0, 120) + "..." : filter)
                    .isInstanceOf(InvalidInputException.class);
            assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds to refuse").isLessThan(1_000);
        }
        assertThat(store.find(Layer.PARCELS, FeatureQuery.all()).numberMatched()).isEqualTo(parcels.size());
    }
}
