package org.qiluvalley.planner.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The SVG drawn from ZXing's modules reads back, by ZXing's reader on the drawn pixels, as the text encoded. */
class QrSvgTest {

    @Test
    void aSitePagesUrlReadsBack() throws Exception {
        String url = "https://planning.example.cn/sites/QOV-LI-021";
        String svg = QrSvg.svg(url, 160, "QR code: " + url);
        assertThat(svg).startsWith("<svg").contains("width=\"160\"").contains("aria-label=\"QR code: " + url + "\"");
        assertThat(QrPixels.read(svg)).isEqualTo(url);
    }

    @Test
    void theLabelIsEscapedAndALongTextIsRefused() {
        assertThat(QrSvg.svg("x", 100, "<b>\"")).contains("aria-label=\"&lt;b&gt;&quot;\"");
        assertThatThrownBy(() -> QrSvg.svg("x".repeat(QrSvg.MAX_TEXT + 1), 100, "l"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
