package org.qiluvalley.planner.conditions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * PDFBox's answer for a font a PDF names without embedding it (the letter's Latin text is in the built-in Helvetica):
 * always the Liberation Sans that PDFBox bundles.
 *
 * <p>Why: PDFBox's default mapper looks for such a font among the machine's fonts, scanning every font directory on
 * first use, writing a cache file ({@code ~/.pdfbox.cache}) to the service's home, and logging a WARN per standard
 * font for which it found only a substitute. A substitute's outlines matter only to draw a page as an image, which the
 * service never does: the PDF names Helvetica and the reader's viewer supplies it; widths come from PDFBox's own
 * Adobe metrics. So one bundled font, no scan, no file and no warning.
 *
 * <p>PDFBox has one mapper per JVM ({@link org.apache.pdfbox.pdmodel.font.FontMappers#set}); {@link ConditionsPdf}
 * installs this one, and the service has no other use of PDFBox.
 */
final class StandardFontMapper implements FontMapper {

    private static final String LIBERATION_SANS = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final TrueTypeFont font;

    StandardFontMapper() {
        try (InputStream in = FontMapper.class.getResourceAsStream(LIBERATION_SANS)) {
            if (in == null) {
                throw new IllegalStateException(LIBERATION_SANS + " is missing from PDFBox's jar");
            }
            font = new TTFParser().parse(new RandomAccessReadBuffer(in));
        } catch (IOException e) {
            throw new UncheckedIOException(LIBERATION_SANS + " could not be read", e);
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(font, false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(font, false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, font, false);
    }
}
