package org.qiluvalley.planner.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives Debian's headless Chromium through chromedriver. Without them it is reported as skipped, test
 * by test, with the reason, before any of its set-up runs; with {@code CI=true} a missing browser fails it instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("browser")
@ExtendWith(ExternalTools.Chromium.class)
public @interface RequiresChromium {
}
