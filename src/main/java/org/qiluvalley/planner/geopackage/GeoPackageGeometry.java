package org.qiluvalley.planner.geopackage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The GeoPackage geometry encoding (OGC 12-128r18, 2.1.3, "GeoPackageBinary"): a header of the magic {@code GP},
 * version 0, a flags byte, the SRS id and an envelope, followed by the geometry as ISO WKB. Only standard (not
 * extended) geometries in two dimensions are written; reading also takes Z and M envelopes and big-endian headers.
 */
final class GeoPackageGeometry {

    private static final byte MAGIC_G = 0x47;
    private static final byte MAGIC_P = 0x50;
    private static final byte VERSION_1 = 0;

    /** Flags bit 0: the header's numbers are little-endian. */
    private static final int LITTLE_ENDIAN = 0b0000_0001;
    /** Flags bits 1-3: envelope contents indicator, 1 for [minx, maxx, miny, maxy]. */
    private static final int ENVELOPE_XY = 0b0000_0010;
    private static final int ENVELOPE_MASK = 0b0000_1110;
    /** Flags bit 4: an empty geometry. */
    private static final int EMPTY = 0b0001_0000;
    /** Flags bit 5: an extended geometry type (an extension: not read). */
    private static final int EXTENDED = 0b0010_0000;

    private static final int HEADER_BYTES = 8;
    private static final int ENVELOPE_XY_BYTES = 32;

    private GeoPackageGeometry() {
    }

    /**
     * Encodes a geometry with its envelope (none for an empty geometry, whose empty flag is set) in little-endian
     * byte order throughout, the WKB in two dimensions.
     */
    static byte[] encode(Geometry geometry, int srsId) {
        // Two dimensions, little-endian, no SRID: plain ISO WKB (for XY geometries ISO and OGC WKB are the same).
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, false).write(geometry);
        boolean empty = geometry.isEmpty();
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + (empty ? 0 : ENVELOPE_XY_BYTES) + wkb.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC_G).put(MAGIC_P).put(VERSION_1);
        out.put((byte) (LITTLE_ENDIAN | (empty ? EMPTY : ENVELOPE_XY)));
        out.putInt(srsId);
        if (!empty) {
            Envelope envelope = geometry.getEnvelopeInternal();
            out.putDouble(envelope.getMinX()).putDouble(envelope.getMaxX())
                    .putDouble(envelope.getMinY()).putDouble(envelope.getMaxY());
        }
        out.put(wkb);
        return out.array();
    }

    /**
     * Decodes a GeoPackage geometry into a geometry of {@code factory} (whose SRID it gets; the header's SRS id is
     * not consulted, the layer's SRS governs).
     *
     * @throws GeoPackageException for bytes that are not a standard GeoPackage geometry
     */
    static Geometry decode(byte[] blob, GeometryFactory factory) {
        if (blob.length < HEADER_BYTES || blob[0] != MAGIC_G || blob[1] != MAGIC_P) {
            throw new GeoPackageException("not a GeoPackage geometry (no \"GP\" header)");
        }
        if (blob[2] != VERSION_1) {
            throw new GeoPackageException("GeoPackage geometry of version " + (blob[2] & 0xff)
                    + ", only version 0 (GeoPackage 1.x) is read");
        }
        int flags = blob[3] & 0xff;
        if ((flags & EXTENDED) != 0) {
            throw new GeoPackageException("an extended GeoPackage geometry type (an extension) is not read");
        }
        int envelopeBytes = switch ((flags & ENVELOPE_MASK) >> 1) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new GeoPackageException("GeoPackage geometry with an invalid envelope indicator "
                    + ((flags & ENVELOPE_MASK) >> 1));
        };
        int offset = HEADER_BYTES + envelopeBytes;
        if (blob.length <= offset) {
            throw new GeoPackageException("GeoPackage geometry of " + blob.length + " bytes ends in its header");
        }
        byte[] wkb = new byte[blob.length - offset];
        System.arraycopy(blob, offset, wkb, 0, wkb.length);
        try {
            Geometry geometry = new WKBReader(factory).read(wkb);
            geometry.setSRID(factory.getSRID());
            return geometry;
        } catch (ParseException | RuntimeException e) {
            throw new GeoPackageException("GeoPackage geometry with broken WKB: " + e.getMessage(), e);
        }
    }
}
