package org.qiluvalley.planner.sites;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as inline SVG (ZXing encodes, this class draws): one path of dark modules on a white square with the
 * standard quiet zone of four modules, so it prints sharp at any size and needs no image request. Error correction
 * M (15% of the code may be lost: a folded or smudged print still reads).
 */
final class QrSvg {

    /** Modules of white around the code (ISO/IEC 18004 asks for four). */
    private static final int QUIET_ZONE = 4;
    /** Longest text encoded: a site page's absolute URL is far shorter. */
    static final int MAX_TEXT = 500;

    private QrSvg() {
    }

    /** The SVG of a QR code of {@code text}, drawn {@code pixels} wide and high, with {@code label} for readers. */
    static String svg(String text, int pixels, String label) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("QR text over " + MAX_TEXT + " characters");
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("a URL of " + text.length() + " characters did not fit a QR code", e);
        }
        int size = matrix.getWidth() + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder(matrix.getWidth() * matrix.getHeight() * 4);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" width=\"" + pixels + "\" height=\"" + pixels
                + "\" viewBox=\"0 0 " + size + " " + size + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\""
                + org.qiluvalley.planner.web.MarkupText.escape(label) + "\"><rect width=\"" + size + "\" height=\""
                + size + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
