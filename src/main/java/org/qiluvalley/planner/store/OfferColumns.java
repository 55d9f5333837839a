package org.qiluvalley.planner.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

import org.qiluvalley.planner.parcel.Offer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.Readiness;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A parcel's offer in its five columns (migration V18 of both stores): {@code reserve_price_wan_yuan},
 * {@code deposit_wan_yuan}, {@code price_per_mu_wan_yuan} (derived from the price and the area on every write, so
 * that a filter compares the value the API serves), {@code readiness} (the eight items as JSON text, as the API
 * writes them) and {@code fully_ready} (derived, for filters). All null when the parcel has no offer.
 */
final class OfferColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OfferColumns() {
    }

    /** Binds the five columns of {@code parcel}'s offer from {@code i}; returns the next index. */
    static int bind(PreparedStatement st, int i, Parcel parcel) throws SQLException {
        Offer offer = parcel.offer();
        Readiness readiness = offer == null ? null : offer.readiness();
        st.setObject(i++, offer == null ? null : offer.reservePriceWanYuan(), Types.DOUBLE);
        st.setObject(i++, offer == null ? null : offer.depositWanYuan(), Types.DOUBLE);
        st.setObject(i++, parcel.pricePerMuWanYuan(), Types.DOUBLE);
        st.setObject(i++, readiness == null ? null : toJson(readiness), Types.VARCHAR);
        st.setObject(i++, readiness == null ? null : readiness.fullyReady(), Types.BOOLEAN);
        return i;
    }

    private static final int RESERVE_PRICE = ParkTables.parcelColumn("reserve_price_wan_yuan");
    private static final int DEPOSIT = ParkTables.parcelColumn("deposit_wan_yuan");
    private static final int READINESS = ParkTables.parcelColumn("readiness");

    /** The offer of a row of the parcels' columns ({@link ParkTables#PARCELS}), or null when it has none. */
    static Offer read(ResultSet row) throws SQLException {
        String readiness = row.getString(READINESS);
        return Offer.of(row.getObject(RESERVE_PRICE, Double.class), row.getObject(DEPOSIT, Double.class),
                readiness == null ? null : fromJson(readiness));
    }

    static String toJson(Readiness readiness) {
        return JSON.writeValueAsString(readiness.asJsonObject());
    }

    static Readiness fromJson(String text) {
        JsonNode json = JSON.readTree(text);
        Map<Readiness.Item, Readiness.Status> items = new HashMap<>();
        for (Readiness.Item item : Readiness.ITEMS) {
            JsonNode status = json.path(item.wireName());
            JsonNode capacity = status.path("capacity");
            items.put(item, new Readiness.Status(status.path("ready").booleanValue(),
                    capacity.isString() ? capacity.stringValue() : null));
        }
        return new Readiness(items);
    }
}
