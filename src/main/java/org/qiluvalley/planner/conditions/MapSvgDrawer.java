package org.qiluvalley.planner.conditions;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;

/**
 * Draws the letter's map into the PDF: exactly the SVG subset {@link ConditionsMapSvg} writes ({@code rect},
 * {@code circle}, {@code path} with absolute M/L/Z, {@code text}; colours as {@code #rrggbb} or {@code none}), through
 * the Graphics2D openhtmltopdf hands out, so vector lines stay vector.
 *
 * <p>Why not openhtmltopdf's Batik SVG support: it would bring Apache Batik (a dozen jars, several MB, and a record of
 * SSRF advisories) to draw a drawing this service writes itself from a handful of elements.
 *
 * <p>Text is real PDF text: a run of CJK characters is set in Droid Sans Fallback (mapped by openhtmltopdf to the
 * embedded, subset font registered by {@link ConditionsPdf}), a run of anything else in Liberation Sans (embedded the
 * same way; the CJK font has no Latin glyphs). Widths for {@code text-anchor} come from the fonts' own metrics:
 * Helvetica's AFM widths, which Liberation Sans shares (it is metric-compatible with Arial and Helvetica), and one em
 * per CJK character (Droid's ideographs and full-width signs are all square).
 */
final class MapSvgDrawer implements SVGDrawer {

    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private final Font cjkFont;
    private final Font latinFont;

    /**
     * @param cjkFont the CJK font as an AWT font of any size, its family the one registered with the PDF builder
     * @param latinFont the Latin font, the same way
     */
    MapSvgDrawer(Font cjkFont, Font latinFont) {
        this.cjkFont = cjkFont;
        this.latinFont = latinFont;
    }

    @Override
    public void importFontFaceRules(List<FontFaceRule> fontFaces, SharedContext shared) {
        // the map's fonts are the document's registered ones; @font-face rules play no part in it
    }

    @Override
    public void addFontFile(File fontFile, String family, Integer weight, FontStyle style) {
        // as above: nothing to add
    }

    @Override
    public void close() {
        // holds nothing that needs closing
    }

    @Override
    public SVGImage buildSVGImage(Element svg, Box box, CssContext context, double cssWidth, double cssHeight,
            double dotsPerPixel) {
        double viewWidth = ConditionsMapSvg.WIDTH;
        double viewHeight = ConditionsMapSvg.HEIGHT;
        double widthDots = cssWidth >= 0 ? cssWidth : viewWidth * dotsPerPixel;
        double heightDots = cssHeight >= 0 ? cssHeight : widthDots * viewHeight / viewWidth;
        return new SVGImage() {
            @Override
            public int getIntrinsicWidth() {
                return (int) widthDots;
            }

            @Override
            public int getIntrinsicHeight() {
                return (int) heightDots;
            }

            @Override
            public void drawSVG(OutputDevice device, RenderingContext rendering, double x, double y) {
                float widthPixels = (float) (widthDots / dotsPerPixel);
                float heightPixels = (float) (heightDots / dotsPerPixel);
                device.drawWithGraphics((float) x, (float) y, widthPixels, heightPixels, graphics -> {
                    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    graphics.scale(widthPixels / viewWidth, heightPixels / viewHeight);
                    graphics.clip(new Rectangle2D.Double(0, 0, viewWidth, viewHeight));
                    drawChildren(graphics, svg);
                });
            }
        };
    }

    private void drawChildren(Graphics2D graphics, Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                switch (element.getLocalName() == null ? element.getTagName() : element.getLocalName()) {
                    case "rect" -> paint(graphics, element, new Rectangle2D.Double(number(element, "x"),
                            number(element, "y"), number(element, "width"), number(element, "height")));
                    case "circle" -> {
                        double r = number(element, "r");
                        paint(graphics, element, new Ellipse2D.Double(number(element, "cx") - r,
                                number(element, "cy") - r, 2 * r, 2 * r));
                    }
                    case "path" -> paint(graphics, element, path(element.getAttribute("d"),
                            "evenodd".equals(element.getAttribute("fill-rule"))));
                    case "text" -> text(graphics, element);
                    case "g" -> drawChildren(graphics, element);
                    default -> {
                        // nothing else is written by ConditionsMapSvg
                    }
                }
            }
        }
    }

    private static void paint(Graphics2D graphics, Element element, Shape shape) {
        Color fill = colour(element.getAttribute("fill"));
        if (fill != null) {
            graphics.setColor(fill);
            graphics.fill(shape);
        }
        Color stroke = colour(element.getAttribute("stroke"));
        if (stroke != null) {
            String width = element.getAttribute("stroke-width");
            graphics.setStroke(new BasicStroke(width.isEmpty() ? 1f : Float.parseFloat(width), BasicStroke.CAP_ROUND,
                    "round".equals(element.getAttribute("stroke-linejoin")) ? BasicStroke.JOIN_ROUND
                            : BasicStroke.JOIN_MITER));
            graphics.setColor(stroke);
            graphics.draw(shape);
        }
    }

    /** A path of absolute M, L and Z commands, numbers separated by spaces or commas. */
    static Path2D path(String d, boolean evenOdd) {
        Path2D.Double path = new Path2D.Double(evenOdd ? Path2D.WIND_EVEN_ODD : Path2D.WIND_NON_ZERO);
        String[] tokens = d.trim().replaceAll("([MLZmlz])", " $1 ").trim().split("[\\s,]+");
        char command = 'M';
        int i = 0;
        while (i < tokens.length) {
            String token = tokens[i];
            if (token.length() == 1 && Character.isLetter(token.charAt(0))) {
                command = Character.toUpperCase(token.charAt(0));
                i++;
                if (command == 'Z') {
                    path.closePath();
                }
                continue;
            }
            double x = Double.parseDouble(tokens[i]);
            double y = Double.parseDouble(tokens[i + 1]);
            if (command == 'M') {
                path.moveTo(x, y);
                command = 'L';
            } else {
                path.lineTo(x, y);
            }
            i += 2;
        }
        return path;
    }

    /** A label, split into runs of CJK and of other characters, each set in the font that has its glyphs. */
    private void text(Graphics2D graphics, Element element) {
        String text = element.getTextContent();
        float size = (float) number(element, "font-size");
        double width = 0;
        for (String run : runs(text)) {
            width += runWidth(run, size);
        }
        double x = number(element, "x");
        String anchor = element.getAttribute("text-anchor");
        if ("middle".equals(anchor)) {
            x -= width / 2;
        } else if ("end".equals(anchor)) {
            x -= width;
        }
        Color fill = colour(element.getAttribute("fill"));
        graphics.setColor(fill == null ? Color.BLACK : fill);
        Font latin = latinFont.deriveFont(size);
        Font cjk = cjkFont.deriveFont(size);
        for (String run : runs(text)) {
            graphics.setFont(isCjk(run.codePointAt(0)) ? cjk : latin);
            graphics.drawString(run, (float) x, (float) number(element, "y"));
            x += runWidth(run, size);
        }
    }

    private static double runWidth(String run, float size) {
        if (isCjk(run.codePointAt(0))) {
            return run.codePointCount(0, run.length()) * size;
        }
        try {
            return HELVETICA.getStringWidth(run) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return run.length() * size * 0.6;
        }
    }

    /** {@code text} cut where it switches between CJK (and full-width) characters and the rest. */
    static List<String> runs(String text) {
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (next < text.length() && isCjk(codePoint) != isCjk(text.codePointAt(next))) {
                runs.add(text.substring(start, next));
                start = next;
            }
            i = next;
        }
        if (start < text.length()) {
            runs.add(text.substring(start));
        }
        return runs;
    }

    /** CJK ideographs, kana, hangul, CJK punctuation and full-width forms: what Droid Sans Fallback is for. */
    static boolean isCjk(int codePoint) {
        return codePoint >= 0x2E80 && codePoint <= 0x9FFF || codePoint >= 0xAC00 && codePoint <= 0xD7AF
                || codePoint >= 0xF900 && codePoint <= 0xFAFF || codePoint >= 0xFE30 && codePoint <= 0xFE4F
                || codePoint >= 0xFF00 && codePoint <= 0xFFEF || codePoint >= 0x20000 && codePoint <= 0x3FFFF;
    }

    private static double number(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        return value.isEmpty() ? 0 : Double.parseDouble(value);
    }

    private static Color colour(String value) {
        if (value == null || value.isEmpty() || "none".equals(value)) {
            return null;
        }
        if (value.startsWith("#") && value.length() == 7) {
            return new Color(Integer.parseInt(value.substring(1), 16));
        }
        throw new IllegalArgumentException(
                "colour " + value + " is not one ConditionsMapSvg writes (#rrggbb or none)");
    }
}
