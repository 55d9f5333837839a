package org.qiluvalley.planner.filter;

import java.util.List;

import org.qiluvalley.planner.errors.InvalidInputException;

/**
 * Checks a filter against one collection's queryables for one audience (see {@link Queryables#bind}). A property
 * is resolved before anything else is said about it, so that a hidden property meets the same refusal as an unknown
 * one, whatever predicate it stands in.
 */
final class TypeCheck {

    private final Queryables queryables;
    private final Audience audience;

    TypeCheck(Queryables queryables, Audience audience) {
        this.queryables = queryables;
        this.audience = audience;
    }

    void check(Filter filter) {
        if (filter instanceof Filter.And and) {
            and.terms().forEach(this::check);
        } else if (filter instanceof Filter.Or or) {
            or.terms().forEach(this::check);
        } else if (filter instanceof Filter.Not not) {
            check(not.term());
        } else if (filter instanceof Filter.Comparison c) {
            Queryable.Type left = type(c.left());
            Queryable.Type right = type(c.right());
            if (left == Queryable.Type.GEOMETRY || right == Queryable.Type.GEOMETRY) {
                throw new InvalidInputException("geometries are compared with S_INTERSECTS or S_WITHIN, not with "
                        + c.operator().symbol());
            }
            comparable(c.left(), left, c.right(), right);
            if (c.operator().orders() && left == Queryable.Type.BOOLEAN) {
                throw new InvalidInputException("booleans are compared with = and <> only");
            }
            enumerated(c.left(), List.of(c.right()));
            enumerated(c.right(), List.of(c.left()));
        } else if (filter instanceof Filter.Like like) {
            if (type(like.value()) != Queryable.Type.STRING) {
                throw new InvalidInputException("LIKE compares " + describe(like.value()) + ", not a string");
            }
        } else if (filter instanceof Filter.Between between) {
            for (Operand operand : List.of(between.value(), between.low(), between.high())) {
                if (!type(operand).numeric()) {
                    throw new InvalidInputException("BETWEEN takes numbers; " + describe(operand) + " is not one");
                }
            }
        } else if (filter instanceof Filter.In in) {
            Queryable.Type value = type(in.value());
            if (value == Queryable.Type.GEOMETRY) {
                throw new InvalidInputException("IN does not take geometries");
            }
            for (Operand item : in.list()) {
                comparable(in.value(), value, item, type(item));
            }
            enumerated(in.value(), in.list());
        } else if (filter instanceof Filter.IsNull isNull) {
            type(isNull.value());
        } else if (filter instanceof Filter.Spatial spatial) {
            for (Operand operand : List.of(spatial.left(), spatial.right())) {
                if (type(operand) != Queryable.Type.GEOMETRY) {
                    throw new InvalidInputException(spatial.operator().textName() + " compares geometries; "
                            + describe(operand) + " is not one");
                }
            }
        }
    }

    /** The type of an operand; a property the audience may not see is refused here, as an unknown one. */
    Queryable.Type type(Operand operand) {
        if (operand instanceof Operand.Property property) {
            return resolve(property).type();
        }
        if (operand instanceof Operand.Text) {
            return Queryable.Type.STRING;
        }
        if (operand instanceof Operand.Number) {
            return Queryable.Type.NUMBER;
        }
        if (operand instanceof Operand.Bool) {
            return Queryable.Type.BOOLEAN;
        }
        if (operand instanceof Operand.Timestamp) {
            return Queryable.Type.TIMESTAMP;
        }
        if (operand instanceof Operand.Date) {
            return Queryable.Type.DATE;
        }
        return Queryable.Type.GEOMETRY;
    }

    Queryable resolve(Operand.Property property) {
        return queryables.find(property.name(), audience).orElseThrow(() -> Queryables.notQueryable(property.name()));
    }

    private void comparable(Operand left, Queryable.Type leftType, Operand right, Queryable.Type rightType) {
        if (!leftType.comparableWith(rightType)) {
            throw new InvalidInputException(describe(left) + " cannot be compared with " + describe(right));
        }
    }

    /** A string literal compared with an enumerated property must be one of its values (for this audience). */
    private void enumerated(Operand operand, List<Operand> others) {
        if (!(operand instanceof Operand.Property property)) {
            return;
        }
        Queryable queryable = resolve(property);
        List<String> values = queryable.valuesFor(audience);
        if (values.isEmpty()) {
            return;
        }
        for (Operand other : others) {
            if (other instanceof Operand.Text text && !values.contains(text.value())) {
                throw new InvalidInputException(queryable.name() + " must be " + oneOf(values));
            }
        }
    }

    private static String oneOf(List<String> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    private String describe(Operand operand) {
        if (operand instanceof Operand.Property property) {
            return property.name() + " (" + resolve(property).type().description() + ")";
        }
        return type(operand).description();
    }
}
