package org.qiluvalley.planner.filter;

import java.util.List;

/**
 * A parsed CQL2 filter (OGC 21-065): the syntax tree both encodings, CQL2-Text ({@link Cql2Text}) and CQL2-JSON
 * ({@link Cql2Json}), are read into. A filter says nothing yet about a collection: {@link Queryables#bind} checks it
 * against one collection's queryables for one audience.
 *
 * <p>Evaluation follows the three-valued logic of OGC 21-065 clause 6 (and of SQL): a comparison with a null value
 * is null, {@code NOT} null is null, and a feature is selected only when the whole filter is true.
 */
public sealed interface Filter {

    /** All of {@code terms} (two or more). */
    record And(List<Filter> terms) implements Filter {
        public And {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("AND needs two or more terms");
            }
        }
    }

    /** Any of {@code terms} (two or more). */
    record Or(List<Filter> terms) implements Filter {
        public Or {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("OR needs two or more terms");
            }
        }
    }

    record Not(Filter term) implements Filter {
    }

    /** {@code TRUE} or {@code FALSE} on its own. */
    record Constant(boolean value) implements Filter {
    }

    /** {@code left op right}, a binary comparison predicate. */
    record Comparison(Operand left, ComparisonOperator operator, Operand right) implements Filter {
    }

    /**
     * {@code value [NOT] LIKE pattern}: {@code %} any run of characters, {@code _} one character, {@code \} makes
     * the next character literal (OGC 21-065 /req/advanced-comparison-operators/like-predicate).
     */
    record Like(Operand value, String pattern, boolean negated) implements Filter {
    }

    /** {@code value [NOT] BETWEEN low AND high}, inclusive. */
    record Between(Operand value, Operand low, Operand high, boolean negated) implements Filter {
    }

    /** {@code value [NOT] IN (list...)}. */
    record In(Operand value, List<Operand> list, boolean negated) implements Filter {
        public In {
            list = List.copyOf(list);
            if (list.isEmpty()) {
                throw new IllegalArgumentException("IN needs at least one value");
            }
        }
    }

    /** {@code value IS [NOT] NULL}. */
    record IsNull(Operand value, boolean negated) implements Filter {
    }

    /** A spatial comparison function, e.g. {@code S_INTERSECTS(geometry, POLYGON(...))}. */
    record Spatial(SpatialOperator operator, Operand left, Operand right) implements Filter {
    }

    /** True when {@code filter} names the property {@code name} anywhere. */
    static boolean names(Filter filter, String name) {
        if (filter instanceof And and) {
            return and.terms().stream().anyMatch(term -> names(term, name));
        } else if (filter instanceof Or or) {
            return or.terms().stream().anyMatch(term -> names(term, name));
        } else if (filter instanceof Not not) {
            return names(not.term(), name);
        } else if (filter instanceof Comparison c) {
            return isProperty(c.left(), name) || isProperty(c.right(), name);
        } else if (filter instanceof Like like) {
            return isProperty(like.value(), name);
        } else if (filter instanceof Between b) {
            return isProperty(b.value(), name) || isProperty(b.low(), name) || isProperty(b.high(), name);
        } else if (filter instanceof In in) {
            return isProperty(in.value(), name) || in.list().stream().anyMatch(o -> isProperty(o, name));
        } else if (filter instanceof IsNull isNull) {
            return isProperty(isNull.value(), name);
        } else if (filter instanceof Spatial spatial) {
            return isProperty(spatial.left(), name) || isProperty(spatial.right(), name);
        }
        return false; // a constant
    }

    private static boolean isProperty(Operand operand, String name) {
        return operand instanceof Operand.Property property && property.name().equals(name);
    }

    /** The binary comparison operators of Basic CQL2, with their CQL2 spelling (the same in text and JSON). */
    enum ComparisonOperator {
        EQUAL("="), NOT_EQUAL("<>"), LESS("<"), GREATER(">"), LESS_OR_EQUAL("<="), GREATER_OR_EQUAL(">=");

        private final String symbol;

        ComparisonOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** True for the operators that order their operands ({@code <}, {@code >}, {@code <=}, {@code >=}). */
        public boolean orders() {
            return this != EQUAL && this != NOT_EQUAL;
        }

        static java.util.Optional<ComparisonOperator> fromSymbol(String symbol) {
            for (ComparisonOperator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return java.util.Optional.of(operator);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /**
     * The spatial comparison functions supported: those of Basic Spatial Functions ({@code S_INTERSECTS}) and
     * {@code S_WITHIN}. Both are evaluated as in Simple Features (OGC 06-103r4) clause 6.1.15.
     */
    enum SpatialOperator {
        INTERSECTS("S_INTERSECTS"), WITHIN("S_WITHIN");

        private final String textName;

        SpatialOperator(String textName) {
            this.textName = textName;
        }

        /** The name in CQL2-Text; CQL2-JSON uses it in lower case. */
        public String textName() {
            return textName;
        }

        static java.util.Optional<SpatialOperator> fromName(String name) {
            for (SpatialOperator operator : values()) {
                if (operator.textName.equalsIgnoreCase(name)) {
                    return java.util.Optional.of(operator);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
