package org.qiluvalley.planner.parcel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A site's readiness for building (七通一平): for each of eight utilities and works, whether it is ready at the
 * parcel's boundary, and an optional capacity text ("10 kV, 2 x 630 kVA"). Always all eight items.
 *
 * @param items every one of {@link #ITEMS}, in that order
 */
public record Readiness(Map<Item, Status> items) {

    /** The longest capacity text, in characters. */
    public static final int MAX_CAPACITY_CHARACTERS = 200;

    /**
     * One of the eight items.
     *
     * @param wireName the name of its member in the API's readiness object
     */
    public record Item(String wireName, String nameEn, String nameZh) {
    }

    public static final Item ROAD = new Item("road", "Road", "道路");
    public static final Item WATER_SUPPLY = new Item("waterSupply", "Water supply", "给水");
    public static final Item DRAINAGE = new Item("drainage", "Drainage", "排水");
    public static final Item POWER = new Item("power", "Power", "电力");
    public static final Item TELECOM = new Item("telecom", "Telecom", "通信");
    public static final Item GAS = new Item("gas", "Gas", "燃气");
    public static final Item HEATING = new Item("heating", "Heating", "热力");
    public static final Item SITE_LEVELLING = new Item("siteLevelling", "Site levelling", "场地平整");

    /** The eight items, in the order the API lists them. */
    public static final List<Item> ITEMS = List.of(ROAD, WATER_SUPPLY, DRAINAGE, POWER, TELECOM, GAS, HEATING,
            SITE_LEVELLING);

    /**
     * One item's state.
     *
     * @param ready whether it is ready at the parcel's boundary
     * @param capacity what is there, free text of at most {@link #MAX_CAPACITY_CHARACTERS} characters without control
     *     characters; null for none
     */
    public record Status(boolean ready, String capacity) {
        public Status {
            if (capacity != null && (capacity.isBlank() || !acceptableCapacity(capacity))) {
                throw new IllegalArgumentException("a capacity is 1 to " + MAX_CAPACITY_CHARACTERS
                        + " characters without control characters, or null");
            }
        }
    }

    public Readiness {
        if (!items.keySet().equals(Set.copyOf(ITEMS))) {
            throw new IllegalArgumentException("readiness has exactly the items " + ITEMS + ", not " + items.keySet());
        }
        Map<Item, Status> ordered = new LinkedHashMap<>();
        for (Item item : ITEMS) {
            ordered.put(item, java.util.Objects.requireNonNull(items.get(item), item.wireName()));
        }
        items = Collections.unmodifiableMap(ordered);
    }

    /** True when all eight items are ready. */
    public boolean fullyReady() {
        return items.values().stream().allMatch(Status::ready);
    }

    public Status of(Item item) {
        return items.get(item);
    }

    /**
     * The readiness as the API writes it: each item's wire name to {@code {"ready": boolean, "capacity": text}}
     * (capacity left out when there is none), in the API's order.
     */
    public Map<String, Object> asJsonObject() {
        Map<String, Object> json = new LinkedHashMap<>();
        items.forEach((item, status) -> {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("ready", status.ready());
            if (status.capacity() != null) {
                member.put("capacity", status.capacity());
            }
            json.put(item.wireName(), member);
        });
        return json;
    }

    /**
     * True for a capacity text the register keeps: at most {@link #MAX_CAPACITY_CHARACTERS} characters (code
     * points), none of them a control character (Unicode Cc), a line or paragraph separator or a lone surrogate.
     */
    public static boolean acceptableCapacity(String text) {
        if (text.codePointCount(0, text.length()) > MAX_CAPACITY_CHARACTERS) {
            return false;
        }
        return text.codePoints().map(Character::getType).noneMatch(type -> type == Character.CONTROL
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE);
    }
}
