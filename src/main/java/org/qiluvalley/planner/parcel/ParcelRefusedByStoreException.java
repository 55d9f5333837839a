package org.qiluvalley.planner.parcel;

/**
 * The store refused the data of a parcel itself (a value too long, a check the database makes and the parcel does
 * not pass), as opposed to failing as a store (connection lost, database down). The write was rolled back.
 */
public class ParcelRefusedByStoreException extends RuntimeException {

    public ParcelRefusedByStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
