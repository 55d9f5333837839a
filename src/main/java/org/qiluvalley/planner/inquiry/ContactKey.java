package org.qiluvalley.planner.inquiry;

import java.util.Locale;

/**
 * The key under which an inquiry's contact is counted by the rate limit: one person, one allowance, however the
 * contact is written. Lower case, without spaces; a contact that is a phone number (digits with the usual
 * separators {@code + - ( ) .} and spaces) is its digits alone, without China's country code 86 before an 11-digit
 * mobile number, so {@code +86 138-0013-8000} and {@code 13800138000} are one contact.
 */
final class ContactKey {

    /** Width of the contact_key column (V10); contacts are at most 200 characters. */
    static final int MAX_LENGTH = 200;

    private ContactKey() {
    }

    static String of(String contact) {
        String compact = contact.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (compact.matches("[0-9+\\-().]+") && compact.chars().anyMatch(Character::isDigit)) {
            String digits = compact.replaceAll("[^0-9]", "");
            if (digits.length() == 15 && digits.startsWith("0086")) {
                digits = digits.substring(4);
            } else if (digits.length() == 13 && digits.startsWith("86")) {
                digits = digits.substring(2);
            }
            return "tel:" + digits;
        }
        return compact.length() <= MAX_LENGTH ? compact : compact.substring(0, MAX_LENGTH);
    }
}
