package org.qiluvalley.planner.parcel;

import java.util.List;

/** One page of features and how many matched the query in all. */
public record Page<T>(List<T> items, long numberMatched) {

    public Page {
        items = List.copyOf(items);
    }
}
