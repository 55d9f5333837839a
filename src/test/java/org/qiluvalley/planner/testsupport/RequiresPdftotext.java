package org.qiluvalley.planner.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that needs poppler's {@code pdftotext} (Debian {@code poppler-utils}). Without it the test is reported as
 * skipped, with the reason; with {@code CI=true} a missing one fails it instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("pdftotext")
@ExtendWith(ExternalTools.Pdftotext.class)
public @interface RequiresPdftotext {
}
