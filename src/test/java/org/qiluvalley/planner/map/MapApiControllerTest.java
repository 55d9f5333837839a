package org.qiluvalley.planner.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map's configuration and code list as a slice: the controller with the real rule book and configuration
 * binding, written by Spring's own JSON converter (null members left out, as {@code application.yml} says).
 */
@WebMvcTest(controllers = MapApiController.class, properties = {"valley.map.parcel-min-zoom=15",
        "valley.map.basemap-url=https://tiles.example.cn/{z}/{x}/{y}.png"})
@AutoConfigureMockMvc(addFilters = false)
@Import(MapApiControllerTest.RuleBook.class)
class MapApiControllerTest {

    @TestConfiguration
    @EnableConfigurationProperties(ValleyProperties.class)
    static class RuleBook {
        @Bean
        ZoningRuleBook zoningRuleBook() throws IOException {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("gis-data/zoning-rules.yaml")) {
                return ZoningRuleBook.load(in, "zoning-rules.yaml");
            }
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ZoningRuleBook rules;

    @Test
    void theConfigurationSaysTheBasemapAndTheZoomThresholdAndLeavesOutWhatIsNotSet() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/map-config")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo(
                "{\"basemapUrl\":\"https://tiles.example.cn/{z}/{x}/{y}.png\",\"parcelMinZoom\":15}");
    }

    @Test
    void theCodeListIsTheRuleBooksInItsOrderWithBothNames() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/land-use-codes")).andReturn().getResponse();
        JsonNode codes = JSON.readTree(response.getContentAsByteArray());
        assertThat(codes.size()).isEqualTo(rules.landUseCodes().size());
        int i = 0;
        for (var code : rules.landUseCodes().values()) {
            assertThat(codes.get(i).get("code").stringValue()).isEqualTo(code.code());
            assertThat(codes.get(i).get("nameEn").stringValue()).isEqualTo(code.nameEn());
            assertThat(codes.get(i).get("nameZh").stringValue()).isEqualTo(code.nameZh());
            i++;
        }
    }
}
