package org.qiluvalley.planner.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiluvalley.planner.testsupport.Commands;
import org.qiluvalley.planner.testsupport.ExternalTools;
import org.qiluvalley.planner.testsupport.RequiresPdftotext;

/**
 * The letter's PDF: A4, its text extractable (by PDFBox and, when installed, by poppler's pdftotext, an independent
 * reader) and its CJK font embedded as a subset.
 */
class ConditionsPdfTest {


    private static byte[] pdf;

    @BeforeAll
    static void render() {
        pdf = ConditionsPdf.render(LetterFixture.letter(true, "Laser Park Zone B"));
    }

    @Test
    void itIsAnA4Pdf() throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertThat(box.getWidth()).isBetween(594f, 596f);
                assertThat(box.getHeight()).isBetween(841f, 843f);
            }
        }
    }

    @Test
    void itsTextIsExtractableChineseIncluded() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(LetterFixture.PARCEL_ID, "规划条件", "60.12", "界址点坐标表", "4060200.65", "草稿",
                    "直线距离", "Distances (straight line)", "12.35 km");
        }
    }

    @Test
    void theCjkFontIsEmbeddedAsASubset() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts);
            }
            List<PDType0Font> droid = fonts.stream().filter(PDType0Font.class::isInstance).map(PDType0Font.class::cast)
                    .filter(font -> font.getName().contains("DroidSansFallback")).toList();
            assertThat(droid).as("the Droid Sans Fallback fonts in %s", fonts).isNotEmpty();
            for (PDType0Font font : droid) {
                assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
                PDCIDFont descendant = font.getDescendantFont();
                assertThat(descendant.getFontDescriptor().getFontFile2()).as("FontFile2 of %s", font.getName())
                        .isNotNull();
            }
        }
    }

    @Test
    void everyFontIsEmbeddedSoNoTextDependsOnTheReadersFonts() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts);
            }
            assertThat(fonts).isNotEmpty();
            assertThat(fonts).as("fonts of the letter").allMatch(PDFont::isEmbedded);
            assertThat(fonts.stream().map(PDFont::getName).toList()).anyMatch(n -> n.contains("LiberationSans"));
        }
    }

    @Test
    @RequiresPdftotext
    void pdftotextReadsTheSameText(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("letter.pdf");
        Files.write(file, pdf);

        String text = Commands.run(List.of(ExternalTools.Pdftotext.PDFTOTEXT.toString(), "-enc", "UTF-8", file.toString(), "-"));

        assertThat(text).contains(LetterFixture.PARCEL_ID, "规划条件", "60.12", "界址点坐标表", "4060200.65");
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts);
            }
        }
    }
}
