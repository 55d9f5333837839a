package org.qiluvalley.planner.map;

import java.util.List;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The small JSON endpoints the web map needs beside OGC API Features: its configuration and the code list. */
@RestController
class MapApiController {

    private final ValleyProperties properties;
    private final ZoningRuleBook rules;

    /**
     * The optional basemap (absent members mean "no basemap", the offline default) and the zoom from which the map
     * draws parcels of the view (below it, zones and the density grid).
     */
    @JsonPropertyOrder({"basemapUrl", "basemapAttribution", "parcelMinZoom"})
    record MapConfig(String basemapUrl, String basemapAttribution, int parcelMinZoom) {
    }

    /** A land-use code with its English and Chinese names. */
    @JsonPropertyOrder({"code", "nameEn", "nameZh"})
    record LandUseCode(String code, String nameEn, String nameZh) {
    }

    MapApiController(ValleyProperties properties, ZoningRuleBook rules) {
        this.properties = properties;
        this.rules = rules;
    }

    @GetMapping(value = "/api/map-config", produces = MediaType.APPLICATION_JSON_VALUE)
    MapConfig mapConfig() {
        String url = properties.map().basemapUrl();
        String attribution = properties.map().basemapAttribution();
        return new MapConfig(url.isBlank() ? null : url, attribution.isBlank() ? null : attribution,
                properties.map().parcelMinZoom());
    }

    /** The land-use codes of the rule book with their English and Chinese names, in rule book order. */
    @GetMapping(value = "/api/land-use-codes", produces = MediaType.APPLICATION_JSON_VALUE)
    List<LandUseCode> landUseCodes() {
        return rules.landUseCodes().values().stream()
                .map(code -> new LandUseCode(code.code(), code.nameEn(), code.nameZh())).toList();
    }
}
