package org.qiluvalley.planner.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes the parser has read, for progress (percentage and ETA against the file size), and bounds the
 * bytes one feature may span: a feature is read whole into memory as a tree, so without a bound one hostile
 * feature of gigabytes of coordinates would exhaust the heap.
 *
 * <p>The count runs ahead of the parser by at most its read buffer (8 kB), which is immaterial for progress; the
 * per-feature bound is therefore exact only to within that buffer, which is immaterial for a bound of megabytes.
 */
final class CountingInputStream extends FilterInputStream {

    private final long maxFeatureBytes;
    private long count;
    /** Count at the start of the feature being read, or -1 between features. */
    private long featureStart = -1;

    CountingInputStream(InputStream in, long maxFeatureBytes) {
        super(in);
        this.maxFeatureBytes = maxFeatureBytes;
    }

    long count() {
        return count;
    }

    /** From now on, reading more than the per-feature limit throws {@link FeatureTooLargeException}. */
    void startFeature() {
        featureStart = count;
    }

    void endFeature() {
        featureStart = -1;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        advance(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void advance(long n) {
        count += n;
        if (featureStart >= 0 && count - featureStart > maxFeatureBytes) {
            throw new FeatureTooLargeException(maxFeatureBytes);
        }
    }

    /** Unchecked so that it passes through the parser unwrapped. */
    static final class FeatureTooLargeException extends RuntimeException {
        private final long limit;

        FeatureTooLargeException(long limit) {
            super("a feature is larger than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }
}
