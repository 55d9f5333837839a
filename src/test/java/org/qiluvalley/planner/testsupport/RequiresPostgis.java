package org.qiluvalley.planner.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (class or method) that needs a PostgreSQL + PostGIS server. Without one it is reported as skipped, test by
 * test, with the reason, before any of its set-up runs (no Spring context, no {@code @BeforeAll}), whatever its
 * lifecycle; with {@code VALLEY_PG_REQUIRED=true} (CI) a missing server fails it instead. Tagged {@code postgis}, so
 * {@code -Dgroups=postgis} selects these tests alone.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("postgis")
@ExtendWith(ExternalTools.Postgis.class)
public @interface RequiresPostgis {
}
