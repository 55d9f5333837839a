package org.qiluvalley.planner.features;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qiluvalley.planner.errors.StaleVersionException;
import org.qiluvalley.planner.errors.VersionRequiredException;
import org.qiluvalley.planner.geo.OgcCrs;

/**
 * Strong entity tags of parcels: {@code "v<version>"} for the planners' representation and
 * {@code "v<version>-public"} for the public one of an available parcel (the two bodies differ, so their tags must),
 * each with {@code -crs<EPSG code>} when the coordinates are in a CRS other than CRS84;
 * {@code If-Match} takes either: what it pins is the version. A reserved or allocated parcel's public tag is a
 * digest of its redacted body ({@link #ofRedacted}).
 */
final class ETags {

    private static final Pattern TAG = Pattern.compile("\\s*\"v(\\d{1,18})(?:-public)?(?:-crs[a-z0-9]{1,12})?\"\\s*");

    private ETags() {
    }

    static String of(long version, boolean planner) {
        return of(version, planner, OgcCrs.CRS84);
    }

    /** The tag of a parcel's representation with coordinates in {@code crs}: each CRS's body differs, so does its tag. */
    static String of(long version, boolean planner, OgcCrs crs) {
        return "\"v" + version + (planner ? "" : "-public") + (crs == OgcCrs.CRS84 ? "" : "-crs" + crsTag(crs)) + "\"";
    }

    private static String crsTag(OgcCrs crs) {
        String uri = crs.uri();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /**
     * The tag of a redacted parcel (reserved or allocated, as the public sees it): a digest of the body, so it
     * changes exactly when the redacted representation does. It names no version, so it matches no write.
     */
    static String ofRedacted(byte[] publicBody) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(publicBody);
            return "\"r" + java.util.HexFormat.of().formatHex(digest, 0, 12) + "-public\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * The version an {@code If-Match} header pins. 428 without one: writes must say which version they change.
     * {@code *} is refused too, since it would overwrite whatever is there (the lost update If-Match prevents).
     * A header that names no version of ours can match nothing: 412.
     */
    static long versionFromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException("send If-Match with the ETag of the parcel you changed (GET it first)");
        }
        if (ifMatch.strip().equals("*")) {
            throw new VersionRequiredException("If-Match: * would overwrite any version; send the parcel's ETag");
        }
        Matcher matcher = TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new StaleVersionException("If-Match does not name a version of this parcel; GET it and send its ETag");
        }
        return Long.parseLong(matcher.group(1));
    }
}
