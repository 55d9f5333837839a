package org.qiluvalley.planner.rules;

import java.util.List;

import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;

/** {@code parcel.status}: an allocation of an existing parcel needs the parcel to be available. */
final class ParcelStatusRule implements Rule {

    static final String ID = "parcel.status";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean needsValidGeometry() {
        return false;
    }

    @Override
    public List<Finding> check(Check check) {
        Parcel parcel = check.existingParcel().orElse(null);
        if (parcel == null || parcel.status() == ParcelStatus.AVAILABLE) {
            return List.of();
        }
        return List.of(Finding.error(ID, "Parcel " + parcel.id() + " is " + parcel.status().wireName()
                + ", not available.", "地块 " + parcel.id() + " 状态为“" + statusZh(parcel.status()) + "”，不可供地。", null,
                null, "", "allocation lifecycle (供地流程)", List.of(parcel.id()), parcel.planar()));
    }

    /** The finding for the public: the parcel is not available; which status it has is planners' data. */
    static Finding notAvailable(Parcel parcel) {
        return Finding.error(ID, "Parcel " + parcel.id() + " is not available.", "地块 " + parcel.id() + " 不可供地。",
                null, null, "", "allocation lifecycle (供地流程)", List.of(parcel.id()), parcel.planar());
    }

    private static String statusZh(ParcelStatus status) {
        return switch (status) {
            case AVAILABLE -> "可供地";
            case RESERVED -> "已预留";
            case ALLOCATED -> "已出让";
            case WITHDRAWN -> "已撤销";
            case RETIRED -> "已注销";
        };
    }
}
