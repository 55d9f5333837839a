package org.qiluvalley.planner.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.rules.LandUseCode;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The small JSON endpoints the web map needs beside OGC API Features: its configuration and the code list. */
@RestController
class MapApiController {

    private final ValleyProperties properties;
    private final ZoningRuleBook rules;

    MapApiController(ValleyProperties properties, ZoningRuleBook rules) {
        this.properties = properties;
        this.rules = rules;
    }

    /** The optional basemap (null members mean "no basemap", the offline default) and the parcel zoom threshold. */
    @GetMapping(value = "/api/map-config", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> mapConfig() {
        Map<String, Object> body = new LinkedHashMap<>();
        String url = properties.map().basemapUrl();
        String attribution = properties.map().basemapAttribution();
        body.put("basemapUrl", url.isBlank() ? null : url);
        body.put("basemapAttribution", attribution.isBlank() ? null : attribution);
        // From this zoom up the map draws parcels of the view; below it, zones and the density grid.
        body.put("parcelMinZoom", properties.map().parcelMinZoom());
        return body;
    }

    /** The land-use codes of the rule book with their English and Chinese names, in rule book order. */
    @GetMapping(value = "/api/land-use-codes", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, String>> landUseCodes() {
        List<Map<String, String>> codes = new ArrayList<>();
        for (LandUseCode code : rules.landUseCodes().values()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("code", code.code());
            entry.put("nameEn", code.nameEn());
            entry.put("nameZh", code.nameZh());
            codes.add(entry);
        }
        return codes;
    }
}
