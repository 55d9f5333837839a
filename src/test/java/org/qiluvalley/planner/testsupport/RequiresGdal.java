package org.qiluvalley.planner.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that needs GDAL's command-line tools ({@code ogr2ogr}, {@code ogrinfo}: Debian {@code gdal-bin}). Without
 * them it is reported as skipped, test by test, with the reason; with {@code CI=true} missing tools fail it instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("gdal")
@ExtendWith(ExternalTools.Gdal.class)
public @interface RequiresGdal {
}
