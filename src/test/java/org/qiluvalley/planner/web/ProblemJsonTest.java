package org.qiluvalley.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-written problem document: the members in the order the error mapper writes them, and any text escaped so
 * that a JSON parser reads back exactly what was said. (That the mapper's own 4xx answers have the same shape is
 * checked end to end by the hardening tests.)
 */
class ProblemJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void membersInTheMappersOrder() {
        assertThat(new String(ProblemJson.bytes(413, "Request body too large", "Over the limit.", "/api/users"),
                StandardCharsets.UTF_8)).isEqualTo("{\"detail\":\"Over the limit.\",\"instance\":\"/api/users\","
                        + "\"status\":413,\"title\":\"Request body too large\"}");
        assertThat(new String(ProblemJson.bytes(400, "Bad request", "x", null), StandardCharsets.UTF_8))
                .isEqualTo("{\"detail\":\"x\",\"status\":400,\"title\":\"Bad request\"}");
    }

    @Test
    void anyTextIsReadBackExactly() {
        String hostile = "quote \" backslash \\ newline \n tab \t nul \u0000 bell \u0007 line separator \u2028 "
                + "\u6d4b\u8bd5 </script>";
        JsonNode read = JSON.readTree(ProblemJson.bytes(400, hostile, hostile, "/p?x=\"" + hostile));
        assertThat(read.get("title").stringValue()).isEqualTo(hostile);
        assertThat(read.get("detail").stringValue()).isEqualTo(hostile);
        assertThat(read.get("instance").stringValue()).isEqualTo("/p?x=\"" + hostile);
        assertThat(read.get("status").intValue()).isEqualTo(400);
    }
}
