package org.qiluvalley.planner.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lines of the import's rejects file (one JSON object per refused feature: index, id, reason), as the import
 * tests read them.
 */
final class RejectLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RejectLines() {
    }

    /** Each reject by the index of its feature; checks each line's members and that no index repeats. */
    static Map<Long, JsonNode> read(Path rejects) throws IOException {
        Map<Long, JsonNode> byIndex = new HashMap<>();
        for (String line : Files.readAllLines(rejects)) {
            JsonNode reject = JSON.readTree(line);
            assertThat(reject.propertyNames()).containsExactly("index", "id", "reason");
            assertThat(byIndex.put(reject.get("index").longValue(), reject)).as("one line per feature").isNull();
        }
        return byIndex;
    }

    /** The feature at {@code index} was refused, with that id and a reason containing {@code reason}. */
    static void assertReason(Map<Long, JsonNode> rejected, long index, String id, String reason) {
        JsonNode reject = rejected.get(index);
        assertThat(reject).as("reject of feature %d", index).isNotNull();
        assertThat(reject.get("id").asString(null)).as("id of reject %d", index).isEqualTo(id);
        assertThat(reject.get("reason").stringValue()).as("reason of reject %d", index).contains(reason);
    }
}
