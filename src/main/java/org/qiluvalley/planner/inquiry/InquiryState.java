package org.qiluvalley.planner.inquiry;

import java.util.Arrays;
import java.util.Optional;

/** An inquiry is open until a planner closes it; closing is final. */
enum InquiryState {
    OPEN("open"), CLOSED("closed");

    private final String wireName;

    InquiryState(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<InquiryState> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
