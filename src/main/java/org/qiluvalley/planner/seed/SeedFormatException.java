package org.qiluvalley.planner.seed;

/** A seed file is not what the loader needs; the message names the file and the feature. */
public class SeedFormatException extends RuntimeException {

    public SeedFormatException(String message) {
        super(message);
    }
}
