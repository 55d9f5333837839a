package org.qiluvalley.planner.map;

import java.util.List;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The small JSON endpoints the web map needs beside OGC API Features: its configuration and the code list. */
@RestController
@Tag(name = "Map", description = "The web map's own endpoints beside the OGC API (/ogc, described at /ogc/api): its "
        + "configuration, the land-use code list and the density grid. Public.")
@ApiResponse(responseCode = "401", description = "Wrong credentials were sent (a request without credentials is "
        + "never refused here).",
        content = @Content(mediaType = MapApiController.PROBLEM_JSON, schema = @Schema(ref = MapApiController.PROBLEM)))
@ApiResponse(responseCode = "429", description = "Too many failed sign-ins from this client, which sent "
        + "credentials.", headers = @Header(name = "Retry-After", description = "Seconds to wait.",
                schema = @Schema(type = "integer")),
        content = @Content(mediaType = MapApiController.PROBLEM_JSON, schema = @Schema(ref = MapApiController.PROBLEM)))
class MapApiController {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "#/components/schemas/Problem";

    private final ValleyProperties properties;
    private final ZoningRuleBook rules;

    /**
     * The optional basemap (absent members mean "no basemap", the offline default) and the zoom from which the map
     * draws parcels of the view (below it, zones and the density grid).
     */
    @Schema(description = "The map's configuration. No basemap members: no basemap, the offline default.")
    @JsonPropertyOrder({"basemapUrl", "basemapAttribution", "parcelMinZoom"})
    record MapConfig(
            @Schema(description = "An XYZ URL template of background tiles (valley.map.basemap-url).",
                    example = "https://tiles.example.cn/{z}/{x}/{y}.png") String basemapUrl,
            @Schema(description = "The basemap's attribution.") String basemapAttribution,
            @Schema(description = "From this Web Mercator zoom up the map loads the parcels of the view; below it, "
                    + "the zones and the density grid (valley.map.parcel-min-zoom).",
                    requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "22", example = "14")
            int parcelMinZoom) {
    }

    /** A land-use code with its English and Chinese names. */
    @Schema(description = "A land-use code of the rule book (the 2023 national classification).")
    @JsonPropertyOrder({"code", "nameEn", "nameZh"})
    record LandUseCode(@Schema(requiredMode = RequiredMode.REQUIRED, example = "100101") String code,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Class-1 industrial land") String nameEn,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "一类工业用地") String nameZh) {
    }

    MapApiController(ValleyProperties properties, ZoningRuleBook rules) {
        this.properties = properties;
        this.rules = rules;
    }

    @Operation(operationId = "getMapConfig", summary = "The map's configuration",
            description = "The optional basemap and the zoom threshold between parcels and the density grid.")
    @ApiResponse(responseCode = "200", description = "The configuration.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = MapConfig.class)))
    @GetMapping(value = "/api/map-config", produces = MediaType.APPLICATION_JSON_VALUE)
    MapConfig mapConfig() {
        String url = properties.map().basemapUrl();
        String attribution = properties.map().basemapAttribution();
        return new MapConfig(url.isBlank() ? null : url, attribution.isBlank() ? null : attribution,
                properties.map().parcelMinZoom());
    }

    /** The land-use codes of the rule book with their English and Chinese names, in rule book order. */
    @Operation(operationId = "listLandUseCodes", summary = "The land-use codes, with English and Chinese names",
            description = "In rule book order.")
    @ApiResponse(responseCode = "200", description = "The codes.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = LandUseCode.class))))
    @GetMapping(value = "/api/land-use-codes", produces = MediaType.APPLICATION_JSON_VALUE)
    List<LandUseCode> landUseCodes() {
        return rules.landUseCodes().values().stream()
                .map(code -> new LandUseCode(code.code(), code.nameEn(), code.nameZh())).toList();
    }
}
