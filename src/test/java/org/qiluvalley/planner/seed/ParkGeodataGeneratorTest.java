package org.qiluvalley.planner.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qiluvalley.planner.rules.ZoningRuleBook;

/**
 * The committed {@code gis-data/*.geojson} files are exactly what {@link ParkGeodataGenerator} produces from the
 * committed {@code gis-data/zoning-rules.yaml}: nobody hand-edits the data, and the generator is deterministic. The one
 * exception is {@code places.geojson} ({@link ParkSeedReader#PLACES_FILE}): real places around the park, curated by
 * hand from the sources its features name, not part of the generated plan.
 *
 * <p>Maven runs tests with the project root as the working directory, so {@code gis-data/} is a relative path.
 */
class ParkGeodataGeneratorTest {

    private static final Path GIS_DATA = Path.of("gis-data");
    private static final String HOW_TO_FIX = "run scripts/generate-gis-data.sh and commit the result";

    private static ZoningRuleBook rules;
    private static Map<String, byte[]> generated;

    @BeforeAll
    static void generateOnce() throws IOException {
        try (InputStream in = Files.newInputStream(GIS_DATA.resolve("zoning-rules.yaml"))) {
            rules = ZoningRuleBook.load(in, "zoning-rules.yaml");
        }
        generated = ParkGeodataGenerator.generate(rules);
    }

    static Stream<String> seedFiles() {
        return ParkSeedReader.FILES.stream();
    }

    @Test
    void generatorProducesExactlyTheSeedFilesTheReaderLoads() {
        assertThat(generated.keySet()).containsExactlyInAnyOrderElementsOf(ParkSeedReader.FILES);
    }

    @Test
    void everyCommittedGeojsonFileComesFromTheGenerator() throws IOException {
        TreeSet<String> committed = new TreeSet<>();
        try (Stream<Path> files = Files.list(GIS_DATA)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".geojson"))
                    .filter(n -> !n.equals(ParkSeedReader.PLACES_FILE)).forEach(committed::add);
        }
        assertThat(committed)
                .as("gis-data/*.geojson files; a file the generator does not write is stale or hand-made")
                .containsExactlyInAnyOrderElementsOf(generated.keySet());
    }

    @ParameterizedTest(name = "gis-data/{0} equals the generator output byte for byte")
    @MethodSource("seedFiles")
    void committedFileEqualsGeneratorOutput(String name) throws IOException {
        Path committedPath = GIS_DATA.resolve(name);
        assertThat(committedPath).as("gis-data/%s must exist (%s)", name, HOW_TO_FIX).exists();
        byte[] committed = Files.readAllBytes(committedPath);
        byte[] expected = generated.get(name);
        if (!Arrays.equals(expected, committed)) {
            fail(describeFirstDifference(name, expected, committed));
        }
    }

    @Test
    void generatingTwiceGivesIdenticalBytes() {
        Map<String, byte[]> again = ParkGeodataGenerator.generate(rules);
        assertThat(again.keySet()).containsExactlyElementsOf(generated.keySet());
        for (String name : generated.keySet()) {
            if (!Arrays.equals(generated.get(name), again.get(name))) {
                fail("the generator is not deterministic: two runs differ for " + name + "; "
                        + describeFirstDifference(name, generated.get(name), again.get(name)));
            }
        }
    }

    /** Names the first differing line (1-based) and shows both versions of it, shortened around the difference. */
    private static String describeFirstDifference(String name, byte[] expected, byte[] actual) {
        List<String> expectedLines = new String(expected, StandardCharsets.UTF_8).lines().toList();
        List<String> actualLines = new String(actual, StandardCharsets.UTF_8).lines().toList();
        int lines = Math.min(expectedLines.size(), actualLines.size());
        for (int i = 0; i < lines; i++) {
            String e = expectedLines.get(i);
            String a = actualLines.get(i);
            if (!e.equals(a)) {
                int column = 0;
                while (column < Math.min(e.length(), a.length()) && e.charAt(column) == a.charAt(column)) {
                    column++;
                }
                return "gis-data/" + name + " is out of date: first difference at line " + (i + 1) + ", column "
                        + (column + 1) + " (" + HOW_TO_FIX + ")\n  generated: " + excerpt(e, column)
                        + "\n  committed: " + excerpt(a, column);
            }
        }
        if (expectedLines.size() != actualLines.size()) {
            return "gis-data/" + name + " is out of date: the generator writes " + expectedLines.size()
                    + " lines, the committed file has " + actualLines.size() + "; first differing line is "
                    + (lines + 1) + " (" + HOW_TO_FIX + ")";
        }
        // Same lines, different bytes: line endings or a missing/extra final newline.
        return "gis-data/" + name + " is out of date: same text lines but different bytes (" + expected.length
                + " generated vs " + actual.length + " committed; line endings or final newline?) (" + HOW_TO_FIX + ")";
    }

    private static String excerpt(String line, int column) {
        int from = Math.max(0, column - 60);
        int to = Math.min(line.length(), column + 60);
        return (from > 0 ? "..." : "") + line.substring(from, to) + (to < line.length() ? "..." : "");
    }
}
