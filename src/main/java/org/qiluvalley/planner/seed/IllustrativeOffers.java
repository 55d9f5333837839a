package org.qiluvalley.planner.seed;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.parcel.Offer;
import org.qiluvalley.planner.parcel.Readiness;

/**
 * <b>Illustrative</b> reserve prices, deposits and readiness for the seed's available parcels: plausible numbers for
 * industrial land in Jinan, not the park's. The park publishes no prices and no utility plan, so these are made up,
 * deterministically from each parcel's id (a CRC-32 of the id and a salt per choice), its land use and its area:
 * the same seed files always give the same values.
 *
 * <ul>
 * <li>Price per mu by land use (万元/亩): industrial (100101) 20 to 38, logistics (1101) 22 to 32, research (0802) 36
 * to 52, commerce and hotels (0902, 090104) 48 to 60, in steps of 0.5; the reserve price is that times the area in
 * mu, to the whole 万元 (so the derived price per mu is within 0.01 of the step).</li>
 * <li>Deposit: 20% of the reserve price to the nearest 10 万元, at least 10.</li>
 * <li>Readiness: road, water supply, drainage and telecom always ready; power not ready on about one site in ten, gas
 * on one in four, heating on one in three, site levelling on one in five; so about a third of the sites are fully
 * ready.</li>
 * </ul>
 */
final class IllustrativeOffers {

    private IllustrativeOffers() {
    }

    /** The illustrative offer of the parcel {@code id} of {@code landUse} and {@code areaSquareMetres} (EPSG:4548). */
    static Offer of(String id, String landUse, double areaSquareMetres) {
        double[] range = switch (landUse) {
            case "100101" -> new double[] {20, 38};
            case "1101" -> new double[] {22, 32};
            case "0802" -> new double[] {36, 52};
            default -> new double[] {48, 60};
        };
        long steps = Math.round((range[1] - range[0]) * 2);
        double perMu = range[0] + dice(id, "price", steps + 1) / 2.0;
        double areaMu = areaSquareMetres / Crs.SQUARE_METRES_PER_MU;
        double price = Math.max(1, Math.round(perMu * areaMu));
        double deposit = Math.min(price, Math.max(10, Math.round(price * 0.2 / 10) * 10));
        return new Offer(price, deposit, readiness(id, areaMu));
    }

    private static Readiness readiness(String id, double areaMu) {
        Map<Readiness.Item, Readiness.Status> items = new HashMap<>();
        items.put(Readiness.ROAD, new Readiness.Status(true, null));
        items.put(Readiness.WATER_SUPPLY, new Readiness.Status(true, "DN300 municipal main"));
        items.put(Readiness.DRAINAGE, new Readiness.Status(true, "separate storm DN600 and sewer DN400"));
        boolean power = dice(id, "power", 10) != 0;
        items.put(Readiness.POWER, new Readiness.Status(power, power
                ? (areaMu < 20 ? "10 kV, 2 x 630 kVA" : "10 kV, 2 x 1,250 kVA") : "10 kV line planned"));
        items.put(Readiness.TELECOM, new Readiness.Status(true, "fibre, three carriers"));
        boolean gas = dice(id, "gas", 4) != 0;
        items.put(Readiness.GAS, new Readiness.Status(gas, gas ? "medium pressure, DN200" : null));
        boolean heating = dice(id, "heating", 3) != 0;
        items.put(Readiness.HEATING, new Readiness.Status(heating, heating ? "steam 1.0 MPa from the park's heat plant"
                : null));
        items.put(Readiness.SITE_LEVELLING, new Readiness.Status(dice(id, "levelling", 5) != 0, null));
        return new Readiness(items);
    }

    /** A number from 0 to {@code sides - 1}, fixed by the id and the salt. */
    private static int dice(String id, String salt, long sides) {
        CRC32 crc = new CRC32();
        crc.update((id + "/" + salt).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % sides);
    }
}
