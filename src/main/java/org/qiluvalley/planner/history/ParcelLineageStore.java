package org.qiluvalley.planner.history;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code parcel_lineage} table: which parcels a split or a merge made from which. Like {@link HistoryStore}, a
 * write joins the caller's transaction, so the lineage commits or rolls back with the parcels it links.
 */
@Component
public class ParcelLineageStore {

    /** The most lineage edges one answer walks, either way: a bound on what one request can cost. */
    public static final int MAX_EDGES = 500;

    private static final int IN_CHUNK = 500;

    /**
     * One edge: {@code child} was made from {@code parent}.
     *
     * @param operation {@code split} or {@code merge}
     * @param depth 1 for the parcel's own parents or children, 2 for theirs, ...
     */
    public record Edge(String parent, String child, String operation, String actor, Instant at, int depth) {
    }

    private final JdbcTemplate jdbc;

    public ParcelLineageStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Records that {@code child} was made from {@code parent} by {@code operation}: {@code split} or {@code merge}. */
    public void record(String parent, String child, String operation, String actor, Instant at) {
        jdbc.update("INSERT INTO parcel_lineage (parent_id, child_id, operation, actor, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?)", parent, child, operation, actor,
                Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)));
    }

    /** The parcels made directly from {@code parent}, in id order. */
    public List<String> children(String parent) {
        return jdbc.queryForList("SELECT child_id FROM parcel_lineage WHERE parent_id = ? ORDER BY child_id",
                String.class, parent);
    }

    /** The parcels {@code child} was made from directly, in id order. */
    public List<String> parents(String child) {
        return jdbc.queryForList("SELECT parent_id FROM parcel_lineage WHERE child_id = ? ORDER BY parent_id",
                String.class, child);
    }

    /**
     * For a page of parcels: each id's children ({@code children} true, the {@code supersededBy} of a retired
     * parcel) or parents ({@code derivedFrom}), in id order; ids without any are absent. Chunked IN lists of bound
     * parameters, one indexed query per {@value #IN_CHUNK} ids.
     */
    public Map<String, List<String>> linked(Collection<String> ids, boolean children) {
        Map<String, List<String>> linked = new TreeMap<>();
        List<String> all = List.copyOf(ids);
        String key = children ? "parent_id" : "child_id";
        String other = children ? "child_id" : "parent_id";
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT " + key + ", " + other + " FROM parcel_lineage WHERE " + key + " IN (" + marks
                    + ") ORDER BY " + key + ", " + other, (ResultSet rs) -> {
                        linked.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }, chunk.toArray());
        }
        return linked;
    }

    /** Every ancestor edge of {@code id}, nearest first (at most {@link #MAX_EDGES}). */
    public List<Edge> ancestors(String id) {
        return walk(id, true);
    }

    /** Every descendant edge of {@code id}, nearest first (at most {@link #MAX_EDGES}). */
    public List<Edge> descendants(String id) {
        return walk(id, false);
    }

    /** Breadth first, one indexed query per parcel reached; a parcel is expanded once even if reached twice. */
    private List<Edge> walk(String start, boolean up) {
        String sql = "SELECT parent_id, child_id, operation, actor, occurred_at FROM parcel_lineage WHERE "
                + (up ? "child_id" : "parent_id") + " = ? ORDER BY occurred_at, parent_id, child_id";
        List<Edge> edges = new ArrayList<>();
        Set<String> expanded = new HashSet<>();
        Deque<String> frontier = new ArrayDeque<>(List.of(start));
        Deque<Integer> depths = new ArrayDeque<>(List.of(1));
        while (!frontier.isEmpty() && edges.size() < MAX_EDGES) {
            String id = frontier.poll();
            int depth = depths.poll();
            if (!expanded.add(id)) {
                continue;
            }
            for (Edge edge : jdbc.query(sql, (rs, n) -> new Edge(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getTimestamp(5).toInstant(), depth), id)) {
                if (edges.size() == MAX_EDGES) {
                    break;
                }
                edges.add(edge);
                frontier.add(up ? edge.parent() : edge.child());
                depths.add(depth + 1);
            }
        }
        return edges;
    }
}
