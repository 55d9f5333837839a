package org.qiluvalley.planner.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The SVG drawn from ZXing's modules reads back, by ZXing's reader on the drawn pixels, as the text encoded. */
class QrSvgTest {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    /** Pixels per module of the raster the reader sees. */
    private static final int SCALE = 4;

    /** Rasterises the SVG's modules as the browser would: black squares on white. */
    private static String decode(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int pixels = size * SCALE;
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
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(pixels, pixels, argb)))).getText();
    }

    @Test
    void aSitePagesUrlReadsBack() throws Exception {
        String url = "https://planning.example.cn/sites/QOV-LI-021";
        String svg = QrSvg.svg(url, 160, "QR code: " + url);
        assertThat(svg).startsWith("<svg").contains("width=\"160\"").contains("aria-label=\"QR code: " + url + "\"");
        assertThat(decode(svg)).isEqualTo(url);
    }

    @Test
    void theLabelIsEscapedAndALongTextIsRefused() {
        assertThat(QrSvg.svg("x", 100, "<b>\"")).contains("aria-label=\"&lt;b&gt;&quot;\"");
        assertThatThrownBy(() -> QrSvg.svg("x".repeat(QrSvg.MAX_TEXT + 1), 100, "l"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
