package org.qiluvalley.planner.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.parcel.ParcelGridStore;
import org.qiluvalley.planner.parcel.RegisterChangeLog;
import org.qiluvalley.planner.register.RegisterWatch;
import org.springframework.beans.factory.annotation.Autowired;
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
 * The density endpoint as a slice: the controller, the grid it keeps and the error mapper, over a grid store that
 * answers two fixed cells (no database, no security chain): the fast loop for what the controller writes and
 * refuses. The end-to-end behaviour on both databases is {@code DensityApiContract}'s.
 */
@WebMvcTest(controllers = DensityController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ParcelDensity.class, DensityControllerTest.TwoCells.class})
class DensityControllerTest {

    /** The park's centre in EPSG:4548, metres, and its 250 m cell. */
    static final Point CENTRE = (Point) CrsTransform.toPlanar(CrsTransform.CRS84.createPoint(new Coordinate(117.22, 36.75)));
    static final long COLUMN = (long) Math.floor(CENTRE.getX() / 250);
    static final long ROW = (long) Math.floor(CENTRE.getY() / 250);

    @TestConfiguration
    static class TwoCells {
        @Bean
        ParcelGridStore parcelGridStore() {
            return new ParcelGridStore() {
                @Override
                public RevisionCounts countsAtRevision(double cellSizeMetres) {
                    return new RevisionCounts(7, countsByCell(cellSizeMetres));
                }

                @Override
                public List<GridCellCounts> countsByCell(double cellSizeMetres) {
                    return List.of(new GridCellCounts(COLUMN, ROW, 3, 30_000, 1),
                            new GridCellCounts(COLUMN + 1, ROW, 0, 0, 2));
                }
            };
        }

        /** A register that stays at revision 7. */
        @Bean
        RegisterChangeLog registerChangeLog() {
            return new RegisterChangeLog() {
                @Override
                public long revision() {
                    return 7;
                }

                @Override
                public Replay changes(long after, long upTo) {
                    return new Replay(true, List.of());
                }

                @Override
                public void prune(int keepRows) {
                }
            };
        }

        @Bean
        RegisterWatch registerWatch(RegisterChangeLog changeLog) {
            return new RegisterWatch(changeLog, 1000);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Test
    void answersTheCellsOfTheBboxWithPublicCounts() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/parcels/density")
                .param("bbox", "117.20,36.74,117.24,36.76").param("zoom", "14")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/geo+json");
        JsonNode body = JSON.readTree(response.getContentAsByteArray());
        assertThat(body.get("cellSizeMetres").intValue()).isEqualTo(250);
        assertThat(body.get("numberReturned").intValue()).isEqualTo(2);
        JsonNode first = body.get("features").get(0);
        assertThat(first.get("id").stringValue()).isEqualTo("250:" + COLUMN + ":" + ROW);
        assertThat(first.at("/properties/available").intValue()).isEqualTo(3);
        assertThat(first.at("/properties/availableAreaHa").doubleValue()).isEqualTo(3.0);
        assertThat(first.at("/properties/unavailable").intValue()).isEqualTo(1);
        assertThat(body.at("/totals/available").intValue()).isEqualTo(3);
        assertThat(body.at("/totals/unavailable").intValue()).isEqualTo(3);
    }

    @Test
    void refusesMalformedMissingRepeatedOrTooLargeQueriesWithProblemDetails() throws Exception {
        for (String query : List.of("zoom=14", "bbox=117.2,36.7,117.3,36.8", "bbox=a,b,c,d&zoom=14",
                "bbox=117.2,36.7,117.3,36.8&zoom=30", "bbox=117.2,36.7,117.3,36.8&zoom=14&zoom=15",
                "bbox=117.2,36.7,117.3,36.8&zoom=14&colour=red", "bbox=115.6,30,118.4,42&zoom=14")) {
            MockHttpServletResponse response = mvc.perform(get("/api/parcels/density?" + query)).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(query).isEqualTo(400);
            assertThat(response.getContentType()).as(query).startsWith("application/problem+json");
            assertThat(JSON.readTree(response.getContentAsByteArray()).get("detail").stringValue()).as(query)
                    .isNotBlank();
        }
    }
}
