package org.qiluvalley.planner.errors;

/** No such parcel, allocation, inquiry, collection or feature. */
public class NotFoundException extends RefusedException {

    public NotFoundException(String detail) {
        super("Not found", detail);
    }
}
