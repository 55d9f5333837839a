package org.qiluvalley.planner.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The rejects of one run as NDJSON, one object per line: {@code {"index": n, "id": "..." or null, "reason": "..."}}
 * where {@code index} is the 0-based position in the file's {@code features} array. Created (emptied) at the start
 * of every run, so that it always describes the last run.
 */
final class RejectsFile implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path path;
    private final BufferedWriter out;

    RejectsFile(Path path) {
        this.path = path;
        try {
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the rejects file " + path + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    /** @param id the feature's id when it had a string one (clipped), else null */
    void write(long index, String id, String reason) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("index", index);
        line.put("id", id == null ? null : Texts.clip(id));
        line.put("reason", reason);
        try {
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Makes the lines written so far visible to a reader of the file (called after every batch). */
    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
        }
    }
}
