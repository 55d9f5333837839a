package org.qiluvalley.planner.conditions;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.font.FontMappers;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * The planning-conditions letter as an A4 PDF, laid out from {@link ConditionsHtml}'s XHTML by openhtmltopdf and
 * written by PDFBox: no browser at run time.
 *
 * <p>The Chinese text is set in Droid Sans Fallback (Apache-2.0, bundled as {@value #FONT_RESOURCE}, see
 * {@code fonts/NOTICE.md}), embedded as a subset, so it stays selectable and searchable and the file carries only the
 * glyphs used (a few hundred kB instead of the font's 4 MB). That font has no Latin glyphs: Latin letters, digits and
 * signs are set in Liberation Sans (SIL Open Font License 1.1), the font PDFBox itself ships in its jar
 * ({@value #LATIN_RESOURCE}), embedded as a subset too, so that no text depends on the reader's fonts. The CSS lists
 * it first; openhtmltopdf takes each glyph from the first family that has it.
 *
 * <p>The font's bytes are read from the classpath once per JVM (the service runs as a jar, so it is a resource, not a
 * file) and shared by every rendering; each rendering builds its own document, so renderings may run concurrently.
 */
public final class ConditionsPdf {

    /** The bundled CJK font, a classpath resource. */
    static final String FONT_RESOURCE = "/fonts/DroidSansFallbackFull.ttf";

    /** The font's family name as the CSS and the PDF builder know it. */
    static final String CJK_FAMILY = "Droid Sans Fallback";

    /** The Latin font, from PDFBox's own jar. */
    static final String LATIN_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /** Its family name as the CSS and the PDF builder know it. */
    static final String LATIN_FAMILY = "Liberation Sans";

    static {
        // openhtmltopdf logs every resource load and layout step to java.util.logging at INFO, which Spring Boot
        // routes to the service's log; the letter's input is our own well-formed XHTML, so nothing it says is news
        XRLog.setLoggingEnabled(false);
        FontMappers.set(new StandardFontMapper());
    }

    private ConditionsPdf() {
    }

    /** The letter for {@code conditions} as PDF bytes, A4 portrait. */
    public static byte[] render(PlanningConditions conditions) {
        return fromXhtml(ConditionsHtml.render(conditions, ConditionsHtml.Options.PRINT));
    }

    /** {@code xhtml} (well-formed, as {@link ConditionsHtml} writes it) as PDF bytes, A4 portrait. */
    static byte[] fromXhtml(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useDefaultPageSize(210, 297, PageSizeUnits.MM);
        // Each face is registered for normal and bold weight: there is no bold face of either, and without one the
        // bold headings would fall back to a built-in, unembedded Helvetica-Bold.
        for (int weight : new int[] {400, 700}) {
            builder.useFont(() -> new ByteArrayInputStream(BundledFont.LATIN), LATIN_FAMILY, weight, FontStyle.NORMAL,
                    true);
            builder.useFont(() -> new ByteArrayInputStream(BundledFont.BYTES), CJK_FAMILY, weight, FontStyle.NORMAL,
                    true);
        }
        builder.useSVGDrawer(new MapSvgDrawer(BundledFont.AWT, BundledFont.AWT_LATIN));
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the planning-conditions PDF could not be written", e);
        }
        return pdf.toByteArray();
    }

    /** The CJK font, loaded on first use (holder idiom: the JVM makes the loading happen once, thread-safely). */
    private static final class BundledFont {
        static final byte[] BYTES = read(FONT_RESOURCE);
        static final byte[] LATIN = read(LATIN_RESOURCE);
        static final Font AWT = awt(BYTES);
        static final Font AWT_LATIN = awt(LATIN);

        private static byte[] read(String resource) {
            try (InputStream in = ConditionsPdf.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(resource + " could not be read", e);
            }
        }

        private static Font awt(byte[] bytes) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("a bundled font is not a TrueType font", e);
            }
        }
    }
}
