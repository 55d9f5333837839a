package org.qiluvalley.planner.filter;

import org.qiluvalley.planner.errors.InvalidInputException;

/**
 * How large a filter may be. Every limit is checked before the filter reaches a database, each refused with a 400
 * that names it, so that a hostile filter costs a parse of at most {@link #maxLength} characters and never a slow
 * query. The same limits hold for CQL2-Text and CQL2-JSON, measured on the syntax tree where they can be.
 *
 * @param maxLength characters in the whole filter (text or JSON, after URL decoding)
 * @param maxDepth levels of AND, OR and NOT nested in one another; a predicate alone is one level
 * @param maxNodes nodes of the syntax tree: each AND, OR, NOT, predicate and operand counts one
 * @param maxListValues values in one IN list
 * @param maxLiteralLength characters in one character literal
 * @param maxPatternLength characters in one LIKE pattern
 * @param maxPatternWildcards {@code %} wildcards in one LIKE pattern (a run of them counts once)
 * @param maxPositions positions (vertices) of all the geometry literals of the filter together
 */
public record FilterLimits(int maxLength, int maxDepth, int maxNodes, int maxListValues, int maxLiteralLength,
        int maxPatternLength, int maxPatternWildcards, int maxPositions) {

    /**
     * The limits of the API. 8,192 characters: Tomcat's default limit on a request's header section (8 KiB), so no
     * filter a GET can carry is refused for its length. 16 levels and 500 nodes: a hand-written or map-built filter
     * needs a few levels and a few dozen nodes; these leave room tenfold and keep the parser's recursion shallow.
     * 100 values in an IN list: there are 6 zones and a few dozen land-use codes. 256 characters in a literal: the
     * longest stored value (a name) has at most 200. A LIKE pattern of at most 128 characters and 3 {@code %}: the
     * embedded database matches LIKE by backtracking, whose cost grows with the power of the number of {@code %}.
     * 1,000 positions: an outline drawn by hand has a few dozen; the text of 1,000 positions is already about as
     * long as the whole filter may be.
     */
    public static final FilterLimits DEFAULT = new FilterLimits(8_192, 16, 500, 100, 256, 128, 3, 1_000);

    public FilterLimits {
        if (maxLength < 1 || maxDepth < 1 || maxNodes < 1 || maxListValues < 1 || maxLiteralLength < 1
                || maxPatternLength < 1 || maxPatternWildcards < 0 || maxPositions < 1) {
            throw new IllegalArgumentException("filter limits must be positive");
        }
    }

    /**
     * Parentheses a CQL2-Text filter may nest (checked on the tokens, before parsing): one pair per level of
     * {@link #maxDepth}, and eight more for the predicates' own (a MULTIPOLYGON's coordinates take three).
     */
    int maxParenthesesDepth() {
        return maxDepth + 8;
    }

    /**
     * Arrays and objects a CQL2-JSON filter may nest (checked by the JSON reader): an object and its {@code args}
     * array per level of {@link #maxDepth}, and ten more for a predicate and its GeoJSON operands.
     */
    int maxJsonDepth() {
        return 2 * maxDepth + 10;
    }

    void checkLength(String filter) {
        if (filter.length() > maxLength) {
            throw new InvalidInputException("the filter is longer than " + maxLength + " characters");
        }
    }

    /** The checks that only the syntax tree can answer; the same for both encodings. */
    void check(Filter filter) {
        new Checker().visit(filter, 1);
    }

    private final class Checker {
        private int nodes;

        void visit(Filter filter, int depth) {
            if (depth > maxDepth) {
                throw new InvalidInputException("the filter nests AND, OR and NOT deeper than " + maxDepth + " levels");
            }
            count();
            if (filter instanceof Filter.And and) {
                and.terms().forEach(t -> visit(t, depth + 1));
            } else if (filter instanceof Filter.Or or) {
                or.terms().forEach(t -> visit(t, depth + 1));
            } else if (filter instanceof Filter.Not not) {
                visit(not.term(), depth + 1);
            } else if (filter instanceof Filter.Comparison c) {
                operand(c.left());
                operand(c.right());
            } else if (filter instanceof Filter.Like like) {
                operand(like.value());
                LikePattern.check(like.pattern(), FilterLimits.this);
            } else if (filter instanceof Filter.Between between) {
                operand(between.value());
                operand(between.low());
                operand(between.high());
            } else if (filter instanceof Filter.In in) {
                if (in.list().size() > maxListValues) {
                    throw new InvalidInputException("an IN list has more than " + maxListValues + " values");
                }
                operand(in.value());
                in.list().forEach(this::operand);
            } else if (filter instanceof Filter.IsNull isNull) {
                operand(isNull.value());
            } else if (filter instanceof Filter.Spatial spatial) {
                operand(spatial.left());
                operand(spatial.right());
            }
        }

        private void operand(Operand operand) {
            count();
            if (operand instanceof Operand.Text text) {
                checkLiteral(text.value());
            }
        }

        private void count() {
            if (++nodes > maxNodes) {
                throw new InvalidInputException("the filter has more than " + maxNodes + " terms and operands");
            }
        }
    }

    void checkLiteral(String value) {
        if (value.length() > maxLiteralLength) {
            throw new InvalidInputException("a string in the filter is longer than " + maxLiteralLength + " characters");
        }
    }

    /** Counted while geometry literals are read, so that a huge one is refused before it is built whole. */
    void checkPositions(int positionsSoFar) {
        if (positionsSoFar > maxPositions) {
            throw new InvalidInputException("the filter's geometries have more than " + maxPositions + " positions in all");
        }
    }
}
