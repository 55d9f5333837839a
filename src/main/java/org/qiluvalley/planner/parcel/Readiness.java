package org.qiluvalley.planner.parcel;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A site's readiness for building (七通一平): for each of eight utilities and works, whether it is ready at the
 * parcel's boundary, and an optional capacity text ("10 kV, 2 x 630 kVA"). Always all eight items.
 *
 * @param items every {@link Item}, in the enum's order
 */
public record Readiness(Map<Item, Status> items) {

    /** The longest capacity text, in characters. */
    public static final int MAX_CAPACITY_CHARACTERS = 200;

    /** The eight items, in the order the API lists them; {@link #wireName()} is the JSON member's name. */
    public enum Item {
        ROAD("road", "Road", "道路"),
        WATER_SUPPLY("waterSupply", "Water supply", "给水"),
        DRAINAGE("drainage", "Drainage", "排水"),
        POWER("power", "Power", "电力"),
        TELECOM("telecom", "Telecom", "通信"),
        GAS("gas", "Gas", "燃气"),
        HEATING("heating", "Heating", "热力"),
        SITE_LEVELLING("siteLevelling", "Site levelling", "场地平整");

        private final String wireName;
        private final String nameEn;
        private final String nameZh;

        Item(String wireName, String nameEn, String nameZh) {
            this.wireName = wireName;
            this.nameEn = nameEn;
            this.nameZh = nameZh;
        }

        public String wireName() {
            return wireName;
        }

        public String nameEn() {
            return nameEn;
        }

        public String nameZh() {
            return nameZh;
        }

        public static Optional<Item> fromWireName(String name) {
            for (Item item : values()) {
                if (item.wireName.equals(name)) {
                    return Optional.of(item);
                }
            }
            return Optional.empty();
        }
    }

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
        EnumMap<Item, Status> copy = new EnumMap<>(Item.class);
        copy.putAll(items);
        for (Item item : Item.values()) {
            if (copy.get(item) == null) {
                throw new IllegalArgumentException("readiness needs every item; " + item.wireName() + " is missing");
            }
        }
        items = Collections.unmodifiableMap(copy);
    }

    /** True when all eight items are ready. */
    public boolean fullyReady() {
        return items.values().stream().allMatch(Status::ready);
    }

    public Status of(Item item) {
        return items.get(item);
    }

    /**
     * True for a capacity text the register keeps: at most {@link #MAX_CAPACITY_CHARACTERS} characters (code
     * points), none of them a control character (Unicode Cc) or a line or paragraph separator.
     */
    public static boolean acceptableCapacity(String text) {
        if (text.codePointCount(0, text.length()) > MAX_CAPACITY_CHARACTERS) {
            return false;
        }
        return text.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                || Character.getType(c) == Character.SURROGATE);
    }
}
