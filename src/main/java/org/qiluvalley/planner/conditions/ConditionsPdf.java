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
 * glyphs used (a few hundred kB instead of the font's 4 MB). That font has no Latin glyphs: Latin letters and digits
 * fall back to the PDF's built-in Helvetica ({@code sans-serif} in the CSS), which viewers supply.
 *
 * <p>The font's bytes are read from the classpath once per JVM (the service runs as a jar, so it is a resource, not a
 * file) and shared by every rendering; each rendering builds its own document, so renderings may run concurrently.
 */
public final class ConditionsPdf {

    /** The bundled CJK font, a classpath resource. */
    static final String FONT_RESOURCE = "/fonts/DroidSansFallbackFull.ttf";

    /** The font's family name as the CSS and the PDF builder know it. */
    static final String CJK_FAMILY = "Droid Sans Fallback";

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
        builder.useFont(() -> new ByteArrayInputStream(BundledFont.BYTES), CJK_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useSVGDrawer(new MapSvgDrawer(BundledFont.AWT));
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
        static final byte[] BYTES = read();
        static final Font AWT = awt(BYTES);

        private static byte[] read() {
            try (InputStream in = ConditionsPdf.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(FONT_RESOURCE + " is missing from the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(FONT_RESOURCE + " could not be read", e);
            }
        }

        private static Font awt(byte[] bytes) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException(FONT_RESOURCE + " is not a TrueType font", e);
            }
        }
    }
}
