package org.qiluvalley.planner.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.errors.InvalidInputException;

/**
 * Reads a CQL2-Text filter ({@code filter-lang=cql2-text}) into a {@link Filter}, with the parser ANTLR generates at
 * build time from {@code src/main/antlr4/org/qiluvalley/planner/filter/Cql2.g4} (OGC 21-065's BNF). Anything that is
 * not a filter this service can evaluate, or is larger than {@link FilterLimits} allows, is an
 * {@link InvalidInputException} (a 400) saying why; nothing of the input is echoed but a short, clipped token.
 */
public final class Cql2Text {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private Cql2Text() {
    }

    /** Reads {@code text} with the default limits. */
    public static Filter parse(String text, FilterCrs crs) {
        return parse(text, crs, FilterLimits.DEFAULT);
    }

    /**
     * Reads {@code text}, a CQL2-Text filter.
     *
     * @param crs the CRS of the geometry literals ({@code filter-crs}); {@link FilterCrs#CRS84} by default
     * @throws InvalidInputException when it is not a valid filter, uses what is not supported, or exceeds a limit
     */
    public static Filter parse(String text, FilterCrs crs, FilterLimits limits) {
        limits.checkLength(text);
        Cql2Lexer lexer = new Cql2Lexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(Refusing.INSTANCE);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkParentheses(tokens.getTokens(), limits);
        Cql2Parser parser = new Cql2Parser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(Refusing.INSTANCE);
        Cql2Parser.FilterContext tree = parser.filter();
        Filter filter = new Builder(new GeometryLiterals(crs, limits)).visit(tree.booleanExpression());
        limits.check(filter);
        return filter;
    }

    /** Parentheses are counted on the tokens, so that the recursive parser never goes deeper than the limit. */
    private static void checkParentheses(List<Token> tokens, FilterLimits limits) {
        int depth = 0;
        for (Token token : tokens) {
            if (token.getType() == Cql2Lexer.LEFT_PAREN && ++depth > limits.maxParenthesesDepth()) {
                throw new InvalidInputException("the filter nests parentheses deeper than "
                        + limits.maxParenthesesDepth() + " levels");
            } else if (token.getType() == Cql2Lexer.RIGHT_PAREN) {
                depth--;
            }
        }
    }

    /** Turns the first lexer or parser error into a 400. */
    private static final class Refusing extends BaseErrorListener {
        static final Refusing INSTANCE = new Refusing();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                RecognitionException e) {
            String where = " (line " + line + ", column " + (column + 1) + ")";
            if (offendingSymbol instanceof Token token) {
                if (token.getType() == Token.EOF) {
                    throw new InvalidInputException("the filter is not valid CQL2 text: it ends too early" + where);
                }
                throw new InvalidInputException("the filter is not valid CQL2 text: unexpected \""
                        + clip(token.getText()) + "\"" + where);
            }
            throw new InvalidInputException("the filter is not valid CQL2 text: a character that is not CQL2"
                    + " or a string that is not closed" + where);
        }
    }

    private static String clip(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "...";
    }

    /** The syntax tree of ANTLR into a {@link Filter}. */
    private static final class Builder extends Cql2BaseVisitor<Filter> {

        private final GeometryLiterals geometries;

        Builder(GeometryLiterals geometries) {
            this.geometries = geometries;
        }

        @Override
        public Filter visitBooleanExpression(Cql2Parser.BooleanExpressionContext ctx) {
            List<Filter> terms = new ArrayList<>();
            ctx.booleanTerm().forEach(t -> terms.add(visit(t)));
            return terms.size() == 1 ? terms.get(0) : new Filter.Or(terms);
        }

        @Override
        public Filter visitBooleanTerm(Cql2Parser.BooleanTermContext ctx) {
            List<Filter> factors = new ArrayList<>();
            ctx.booleanFactor().forEach(f -> factors.add(visit(f)));
            return factors.size() == 1 ? factors.get(0) : new Filter.And(factors);
        }

        @Override
        public Filter visitBooleanFactor(Cql2Parser.BooleanFactorContext ctx) {
            Filter primary = visit(ctx.booleanPrimary());
            return ctx.NOT() == null ? primary : new Filter.Not(primary);
        }

        @Override
        public Filter visitParenthesized(Cql2Parser.ParenthesizedContext ctx) {
            return visit(ctx.booleanExpression());
        }

        @Override
        public Filter visitSpatial(Cql2Parser.SpatialContext ctx) {
            Cql2Parser.SpatialPredicateContext predicate = ctx.spatialPredicate();
            String name = predicate.spatialFunction().getText();
            Filter.SpatialOperator operator = Filter.SpatialOperator.fromName(name).orElseThrow(
                    () -> new InvalidInputException(name.toUpperCase(java.util.Locale.ROOT)
                            + " is not supported; the spatial functions are S_INTERSECTS and S_WITHIN"));
            return new Filter.Spatial(operator, geometryOperand(predicate.geomExpression(0)),
                    geometryOperand(predicate.geomExpression(1)));
        }

        @Override
        public Filter visitComparisonOrLiteral(Cql2Parser.ComparisonOrLiteralContext ctx) {
            Operand first = operand(ctx.scalarExpression());
            Cql2Parser.PredicateContext predicate = ctx.predicate();
            if (predicate == null) {
                if (first instanceof Operand.Bool bool) {
                    return new Filter.Constant(bool.value());
                }
                throw new InvalidInputException("the filter is not valid CQL2 text: \""
                        + clip(ctx.scalarExpression().getText()) + "\" is not a predicate on its own");
            }
            if (predicate instanceof Cql2Parser.BinaryComparisonPredicateContext binary) {
                Filter.ComparisonOperator operator = Filter.ComparisonOperator
                        .fromSymbol(binary.comparisonOperator().getText()).orElseThrow();
                return new Filter.Comparison(first, operator, operand(binary.scalarExpression()));
            }
            if (predicate instanceof Cql2Parser.IsLikePredicateContext like) {
                return new Filter.Like(first, pattern(like.patternExpression()), like.NOT() != null);
            }
            if (predicate instanceof Cql2Parser.IsBetweenPredicateContext between) {
                return new Filter.Between(first, operand(between.scalarExpression(0)),
                        operand(between.scalarExpression(1)), between.NOT() != null);
            }
            if (predicate instanceof Cql2Parser.IsInListPredicateContext in) {
                List<Operand> list = new ArrayList<>();
                for (Cql2Parser.ScalarExpressionContext item : in.scalarExpression()) {
                    list.add(operand(item));
                }
                return new Filter.In(first, list, in.NOT() != null);
            }
            Cql2Parser.IsNullPredicateContext isNull = (Cql2Parser.IsNullPredicateContext) predicate;
            return new Filter.IsNull(first, isNull.NOT() != null);
        }

        private String pattern(Cql2Parser.PatternExpressionContext ctx) {
            if (ctx instanceof Cql2Parser.LiteralPatternContext literal) {
                return characters(literal.characterLiteral().getText());
            }
            throw new InvalidInputException("CASEI and ACCENTI are not supported");
        }

        private Operand operand(Cql2Parser.ScalarExpressionContext ctx) {
            if (ctx instanceof Cql2Parser.CharacterOperandContext c) {
                return new Operand.Text(characters(c.characterLiteral().getText()));
            }
            if (ctx instanceof Cql2Parser.NumericOperandContext n) {
                return new Operand.Number(number(n.numericLiteral().sign(), n.numericLiteral().UNSIGNED_NUMERIC_LITERAL()
                        .getText()));
            }
            if (ctx instanceof Cql2Parser.BooleanOperandContext b) {
                return new Operand.Bool(b.booleanLiteral().TRUE() != null);
            }
            if (ctx instanceof Cql2Parser.PropertyOperandContext p) {
                return property(p.propertyName());
            }
            if (ctx instanceof Cql2Parser.InstantOperandContext i) {
                if (i.instantInstance() instanceof Cql2Parser.DateInstantContext date) {
                    return date(characters(date.CHARACTER_LITERAL().getText()));
                }
                Cql2Parser.TimestampInstantContext timestamp = (Cql2Parser.TimestampInstantContext) i.instantInstance();
                return timestamp(characters(timestamp.CHARACTER_LITERAL().getText()));
            }
            throw new InvalidInputException("CASEI and ACCENTI are not supported");
        }

        private static Operand.Property property(Cql2Parser.PropertyNameContext ctx) {
            if (ctx.QUOTED_IDENTIFIER() != null) {
                String quoted = ctx.QUOTED_IDENTIFIER().getText();
                return new Operand.Property(quoted.substring(1, quoted.length() - 1));
            }
            return new Operand.Property(ctx.IDENTIFIER().getText());
        }

        private Operand geometryOperand(Cql2Parser.GeomExpressionContext ctx) {
            if (ctx.propertyName() != null) {
                return property(ctx.propertyName());
            }
            Cql2Parser.SpatialInstanceContext instance = ctx.spatialInstance();
            if (instance.geometryCollectionTaggedText() != null) {
                throw new InvalidInputException("GEOMETRYCOLLECTION is not supported in a filter");
            }
            if (instance.bboxTaggedText() != null) {
                List<Cql2Parser.CoordinateContext> numbers = instance.bboxTaggedText().coordinate();
                double[] values = new double[numbers.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = coordinate(numbers.get(i));
                }
                return geometries.literal(geometries.bbox(values));
            }
            return geometries.literal(geometry(instance.geometryLiteral()));
        }

        private Geometry geometry(Cql2Parser.GeometryLiteralContext ctx) {
            if (ctx.pointTaggedText() != null) {
                return geometries.point(position(ctx.pointTaggedText().pointText().point()));
            }
            if (ctx.linestringTaggedText() != null) {
                return lineString(ctx.linestringTaggedText().lineStringText());
            }
            if (ctx.polygonTaggedText() != null) {
                return polygon(ctx.polygonTaggedText().polygonText());
            }
            if (ctx.multipointTaggedText() != null) {
                List<Point> points = new ArrayList<>();
                for (Cql2Parser.MultiPointMemberContext member : ctx.multipointTaggedText().multiPointText()
                        .multiPointMember()) {
                    Cql2Parser.PointContext point = member.point() != null ? member.point() : member.pointText().point();
                    points.add(geometries.point(position(point)));
                }
                return geometries.multiPoint(points);
            }
            if (ctx.multilinestringTaggedText() != null) {
                List<LineString> lines = new ArrayList<>();
                for (Cql2Parser.LineStringTextContext line : ctx.multilinestringTaggedText().multiLineStringText()
                        .lineStringText()) {
                    lines.add(lineString(line));
                }
                return geometries.multiLineString(lines);
            }
            List<Polygon> polygons = new ArrayList<>();
            for (Cql2Parser.PolygonTextContext polygon : ctx.multipolygonTaggedText().multiPolygonText().polygonText()) {
                polygons.add(polygon(polygon));
            }
            return geometries.multiPolygon(polygons);
        }

        private LineString lineString(Cql2Parser.LineStringTextContext ctx) {
            return geometries.lineString(positions(ctx.point()));
        }

        private Polygon polygon(Cql2Parser.PolygonTextContext ctx) {
            List<List<Coordinate>> rings = new ArrayList<>();
            for (Cql2Parser.LinearRingTextContext ring : ctx.linearRingText()) {
                rings.add(positions(ring.point()));
            }
            return geometries.polygon(rings);
        }

        private List<Coordinate> positions(List<Cql2Parser.PointContext> points) {
            List<Coordinate> positions = new ArrayList<>(points.size());
            for (Cql2Parser.PointContext point : points) {
                positions.add(position(point));
            }
            return positions;
        }

        private Coordinate position(Cql2Parser.PointContext ctx) {
            return geometries.position(coordinate(ctx.coordinate(0)), coordinate(ctx.coordinate(1)));
        }

        private static double coordinate(Cql2Parser.CoordinateContext ctx) {
            return number(ctx.sign(), ctx.UNSIGNED_NUMERIC_LITERAL().getText());
        }
    }

    private static double number(Cql2Parser.SignContext sign, String digits) {
        double value = Double.parseDouble(digits);
        if (!Double.isFinite(value)) {
            throw new InvalidInputException("a number in the filter is out of range");
        }
        return sign != null && sign.MINUS() != null ? -value : value;
    }

    static Operand.Date date(String text) {
        if (!DATE.matcher(text).matches()) {
            throw new InvalidInputException("a DATE is written yyyy-mm-dd");
        }
        try {
            return new Operand.Date(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("a DATE in the filter is not a day of the calendar");
        }
    }

    static Operand.Timestamp timestamp(String text) {
        if (!TIMESTAMP.matcher(text).matches()) {
            throw new InvalidInputException("a TIMESTAMP is written yyyy-mm-ddThh:mm:ss[.fraction]Z (UTC)");
        }
        try {
            return new Operand.Timestamp(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("a TIMESTAMP in the filter is not an instant of the calendar");
        }
    }

    /**
     * The value of a character literal (with its quotes): {@code ''} and {@code \'} are a quote, {@code \\} a
     * backslash, {@code \a \b \t \n \v \f \r} the control characters of /req/cql2-text/escaping; any other backslash
     * stays, so that a LIKE pattern's {@code \%} and {@code \_} reach the pattern.
     */
    static String characters(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder value = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                value.append('\'');
                i++;
            } else if (c == '\\') {
                char next = body.charAt(++i);
                switch (next) {
                    case '\'' -> value.append('\'');
                    case '\\' -> value.append('\\');
                    case 'a' -> value.append('\u0007');
                    case 'b' -> value.append('\b');
                    case 't' -> value.append('\t');
                    case 'n' -> value.append('\n');
                    case 'v' -> value.append('\u000B');
                    case 'f' -> value.append('\f');
                    case 'r' -> value.append('\r');
                    default -> value.append('\\').append(next);
                }
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }
}
