package org.qiluvalley.planner.importer;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Import progress on the terminal: features read, rate, percentage and ETA, at most once per second and once at the
 * end. The percentage and ETA come from bytes read against the file size, since the number of features is unknown
 * until the end. On a terminal one line is redrawn in place with {@code \r}; otherwise (a log file, CI) each update
 * is a line of its own.
 */
public final class ProgressDisplay {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final PrintStream out;
    private final boolean redraw;
    private final String label;
    private final long totalBytes;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastShown;
    private int lastLength;

    /**
     * @param label what is imported, e.g. the file name
     * @param totalBytes the file size, bytes
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public ProgressDisplay(PrintStream out, boolean redraw, String label, long totalBytes, LongSupplier nanoTime) {
        this.out = out;
        this.redraw = redraw;
        this.label = label;
        this.totalBytes = totalBytes;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastShown = start;
    }

    /** Called after every feature; shows progress when a second has passed since it was last shown. */
    void update(long features, long bytes) {
        long now = nanoTime.getAsLong();
        if (now - lastShown >= NANOS_PER_SECOND) {
            lastShown = now;
            show(line(features, bytes, now, null), false);
        }
    }

    /** The final state, always shown; {@code outcome} is "done" or "stopped". */
    void finish(long features, long bytes, String outcome) {
        show(line(features, bytes, nanoTime.getAsLong(), outcome), true);
    }

    /** @param outcome null while running, else how it ended */
    String line(long features, long bytes, long now, String outcome) {
        double seconds = Math.max(now - start, 1) / (double) NANOS_PER_SECOND;
        StringBuilder line = new StringBuilder(label).append(": ")
                .append(String.format("%,d features, %,.0f/s", features, features / seconds));
        if (totalBytes > 0) {
            double fraction = Math.min(1.0, bytes / (double) totalBytes);
            line.append(String.format(", %.1f%% of %s", 100 * fraction, megabytes(totalBytes)));
            if (outcome == null && fraction > 0) {
                line.append(", ETA ").append(duration(seconds * (1 - fraction) / fraction));
            }
        }
        if (outcome != null) {
            line.append(", ").append(outcome).append(" after ").append(duration(seconds));
        }
        return line.toString();
    }

    private void show(String line, boolean last) {
        if (redraw) {
            // Pad with spaces to wipe the end of a longer previous line.
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())) + (last ? "\n" : ""));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    /** h:mm:ss, or m:ss under an hour. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
