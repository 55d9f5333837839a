package org.qiluvalley.planner.tiles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Numeric MVT feature ids from our string ids: the first 52 bits of the MD5 of the id (13 hex digits), so they are
 * stable, the same on every store (PostGIS computes {@code ('x' || substr(md5(id), 1, 13))::bit(52)::bigint}), and
 * exact as JavaScript numbers (below 2^53). The string id travels too, as the property {@code id}.
 */
final class MvtFeatureIds {

    private MvtFeatureIds() {
    }

    static long of(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(id.getBytes(StandardCharsets.UTF_8));
            return Long.parseLong(HexFormat.of().formatHex(digest).substring(0, 13), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
