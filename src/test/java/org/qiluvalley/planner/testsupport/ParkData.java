package org.qiluvalley.planner.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.seed.ParkSeedReader;

/** The committed park data of {@code gis-data/}, read the way the service reads it, for tests. */
public final class ParkData {

    public static final Path DIR = Path.of("gis-data");

    private ParkData() {
    }

    public static ZoningRuleBook ruleBook() {
        try (InputStream in = Files.newInputStream(DIR.resolve("zoning-rules.yaml"))) {
            return ZoningRuleBook.load(in, "zoning-rules.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ParkDataset dataset() {
        return new ParkSeedReader(ruleBook()).read(name -> {
            try {
                return Files.newInputStream(DIR.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** The places of {@code gis-data/places.geojson}, a dataset of their own. */
    public static ParkDataset places() {
        try {
            return new ParkSeedReader(ruleBook())
                    .readPlaces(Files.newInputStream(DIR.resolve(ParkSeedReader.PLACES_FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
