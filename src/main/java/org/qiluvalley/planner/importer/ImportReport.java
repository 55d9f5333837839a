package org.qiluvalley.planner.importer;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The outcome of one import run.
 *
 * @param read features read from the file (every element of its {@code features} array)
 * @param inserted parcels added to the store
 * @param alreadyPresent valid parcels skipped because their id was stored already (by an earlier run)
 * @param rejected features that failed validation, each a line of {@code rejectsFile}
 * @param bytesRead bytes of the file read
 * @param elapsed wall time from opening the file to the last commit
 */
public record ImportReport(long read, long inserted, long alreadyPresent, long rejected, long bytesRead,
        Duration elapsed, Path rejectsFile) {

    /** Features read per second of wall time. */
    public double featuresPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? read / seconds : 0;
    }

    /** A one-paragraph summary for the terminal. */
    public String summary() {
        return String.format("read %,d features in %.1f s (%,.0f features/s): %,d inserted, %,d already present "
                + "(skipped), %,d rejected%s", read, elapsed.toMillis() / 1000.0, featuresPerSecond(), inserted,
                alreadyPresent, rejected, rejected > 0 ? " (reasons in " + rejectsFile + ")" : "");
    }
}
