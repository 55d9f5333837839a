package org.qiluvalley.planner.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a QR code drawn by {@link QrSvg}: its modules rasterised as the browser would, then ZXing's reader. */
final class QrPixels {

    private static final Pattern QR_SVG = Pattern.compile("<svg[^>]*class=\"qr\".*?</svg>", Pattern.DOTALL);
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    /** Pixels per module of the raster the reader sees. */
    private static final int SCALE = 4;

    private QrPixels() {
    }

    /** The text of the first QR code in {@code html} (or an SVG of one on its own). */
    static String read(String html) throws Exception {
        Matcher qr = QR_SVG.matcher(html);
        assertThat(qr.find()).as("a QR code").isTrue();
        String svg = qr.group();
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int pixels = Integer.parseInt(box.group(1)) * SCALE;
        int[] argb = new int[pixels * pixels];
        java.util.Arrays.fill(argb, 0xFFFFFFFF);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int mx = Integer.parseInt(module.group(1));
            int my = Integer.parseInt(module.group(2));
            for (int y = my * SCALE; y < (my + 1) * SCALE; y++) {
                for (int x = mx * SCALE; x < (mx + 1) * SCALE; x++) {
                    argb[y * pixels + x] = 0xFF000000;
                }
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, pixels,
                argb)))).getText();
    }
}
