package org.qiluvalley.planner.tiles;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.register.RegisterWatch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The public parcel tiles' cache, sized by {@code valley.tiles.cache-mb} and told of every register change. */
@Configuration(proxyBeanMethods = false)
class TileCacheConfiguration {

    @Bean
    TileCache tileCache(ValleyProperties properties, RegisterWatch watch, MeterRegistry meters) {
        TileCache cache = new TileCache(properties.tiles().cacheMb() * 1024L * 1024L, TilesController.PARCELS_MIN_ZOOM,
                TilesController.MAX_ZOOM);
        if (cache.enabled()) {
            watch.subscribe(cache);
        }
        // What the cache holds and does, in the meter registry (for a metrics exporter; only health is on HTTP).
        Gauge.builder("valley.tiles.cache.tiles", cache, c -> c.statistics()[0]).register(meters);
        Gauge.builder("valley.tiles.cache.bytes", cache, c -> c.statistics()[1]).baseUnit("bytes").register(meters);
        FunctionCounter.builder("valley.tiles.cache.hits", cache, c -> c.statistics()[2]).register(meters);
        FunctionCounter.builder("valley.tiles.cache.misses", cache, c -> c.statistics()[3]).register(meters);
        FunctionCounter.builder("valley.tiles.cache.dropped", cache, c -> c.statistics()[4])
                .description("tiles dropped because a parcel write touched them or the register was reset")
                .register(meters);
        return cache;
    }
}
