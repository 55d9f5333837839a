package org.qiluvalley.planner.tiles;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.register.RegisterWatch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public parcel tiles' cache, sized by {@code valley.tiles.cache-mb} and told of every register change. */
@Configuration(proxyBeanMethods = false)
class TileCacheConfiguration {

    @Bean
    TileCache tileCache(ValleyProperties properties, RegisterWatch watch) {
        TileCache cache = new TileCache(properties.tiles().cacheMb() * 1024L * 1024L, TilesController.PARCELS_MIN_ZOOM,
                TilesController.MAX_ZOOM);
        if (cache.enabled()) {
            watch.subscribe(cache);
        }
        return cache;
    }
}
