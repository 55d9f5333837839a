package org.qiluvalley.planner.web;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
/** Reading query parameters of the service's own JSON API, with a 400 that says what to send. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * A whole number within {@code min..max}, or {@code fallback} when absent.
     *
     * @throws RefusedException 400 when it is not a whole number or out of range
     */
    public static int bounded(String text, String name, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new InvalidInputException(name + " must be from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a whole number");
        }
    }
}
