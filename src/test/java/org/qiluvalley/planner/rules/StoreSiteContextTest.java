package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.store.h2gis.H2gisDatabase;
import org.qiluvalley.planner.testsupport.ParkData;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The look-ups of one validation through the store: what the read-ahead answers from memory is what the store
 * answers, and one validation reads each layer's neighbourhood once.
 */
class StoreSiteContextTest {

    @TempDir
    static Path dataDir;

    private static HikariDataSource dataSource;
    private static ParcelStore store;
    private static ParkDataset park;

    @BeforeAll
    static void load() {
        dataSource = H2gisDatabase.dataSource(dataDir);
        H2gisDatabase.migrate(dataSource);
        store = H2gisDatabase.store(dataSource);
        park = ParkData.dataset();
        store.loadDataset(park);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    /** The envelopes the rules ask about, in their order: the site's, then grown by 5 m, 40 m and 1 km. */
    private static List<Envelope> askedAbout(Parcel parcel) {
        List<Envelope> envelopes = new ArrayList<>();
        for (double metres : new double[] {0, 5, 40, 0, 1_000, 40}) {
            Envelope envelope = new Envelope(parcel.planar().getEnvelopeInternal());
            envelope.expandBy(metres);
            envelopes.add(envelope);
        }
        return envelopes;
    }

    @Test
    void nearLookUpsAnswerWhatTheStoreAnswers() {
        for (Parcel parcel : park.parcels()) {
            StoreSiteContext context = new StoreSiteContext(store);
            for (Envelope envelope : askedAbout(parcel)) {
                assertThat(ids(context.parcelsNear(envelope), Parcel::id)).as("parcels near %s", parcel.id())
                        .isEqualTo(ids(store.find(Layer.PARCELS, FeatureQuery.intersectingPlanar(envelope)).items()
                                .stream().filter(p -> p.status().isLive()).toList(), Parcel::id));
                assertThat(ids(context.roadReservesNear(envelope), r -> r.id())).as("roads near %s", parcel.id())
                        .isEqualTo(ids(store.find(Layer.ROADS, new FeatureQuery(null, envelope,
                                java.util.Map.of("kind", "reserve"), 0, Integer.MAX_VALUE)).items(), r -> r.id()));
                assertThat(ids(context.constraintsNear(envelope), c -> c.id())).as("constraints near %s", parcel.id())
                        .isEqualTo(ids(store.find(Layer.CONSTRAINTS, FeatureQuery.intersectingPlanar(envelope))
                                .items(), c -> c.id()));
            }
        }
    }

    @Test
    void aValidationFindsWhatTheSnapshotFindsAndReadsEachNeighbourhoodOnce() {
        AllocationValidator validator = new AllocationValidator(ParkData.ruleBook());
        InMemorySiteContext snapshot = StoreSiteContext.snapshot(store);
        Candidate.ProposedIndicators indicators = new Candidate.ProposedIndicators(1.5, 0.5, 0.15, 30.0);
        for (Parcel parcel : park.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE).toList()) {
            Candidate candidate = new Candidate(parcel.id(), parcel.planar(), parcel.zone(), parcel.landUse(),
                    indicators, "enterprise");
            List<String> finds = new ArrayList<>();
            List<Finding> throughStore = validator.validate(candidate, new StoreSiteContext(counting(finds)));
            assertThat(describe(throughStore)).as(parcel.id())
                    .isEqualTo(describe(validator.validate(candidate, snapshot)));
            // One read of each layer's neighbourhood (roads twice when no road is within the frontage distance:
            // road.access then searches 1 km), the valley once, all constraint areas once (constraint.udb).
            assertThat(finds.stream().filter(f -> f.equals("parcels"))).as(parcel.id()).hasSize(1);
            assertThat(finds.stream().filter(f -> f.equals("constraints"))).as(parcel.id()).hasSize(2);
            assertThat(finds.stream().filter(f -> f.equals("roads")).count()).as(parcel.id()).isBetween(1L, 2L);
            assertThat(finds.stream().filter(f -> f.equals("valley"))).as(parcel.id()).hasSize(1);
        }
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + " " + f.severity() + " " + f.measured() + " " + f.related()
                + " " + (f.planar() == null ? "-" : String.format("%.3f", f.planar().getArea()))).toList();
    }

    private static <T> List<String> ids(List<T> rows, Function<T, String> id) {
        return rows.stream().map(id).toList();
    }

    /** The store, recording the layer of every {@code find}. */
    private static ParcelStore counting(List<String> finds) {
        return (ParcelStore) Proxy.newProxyInstance(ParcelStore.class.getClassLoader(),
                new Class<?>[] {ParcelStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        finds.add(((Layer<?>) args[0]).name());
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
