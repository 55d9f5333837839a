package org.qiluvalley.planner.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The one reader of JSON request bodies. Strict where a lenient reader would let two clients' views of one body
 * differ: a member named twice ({@code {"role": "investor", "role": "admin"}}) is refused, not resolved to the last
 * one; anything after the top-level value is refused; nesting is bounded (a GeoJSON polygon is six levels deep), so a
 * body of brackets cannot cost a deep recursion. The body itself was read within its endpoint's size limit
 * ({@link RequestBodyLimits}).
 *
 * <p>{@link #read} binds a body to a record, as strictly. The body is read whole first, so a syntax error or a
 * repeated member anywhere in it is found before any value is looked at; then a member the record does not have is
 * refused, and so is a value not of its member's JSON type (no {@code "7"} for a number, no {@code 7} for a string,
 * no {@code 7.0} or {@code "7"} for a whole number, no {@code "NaN"} for a number), each with the detail the record
 * declares: {@link WrongType} next to the member, {@link UnknownMember} on the record. Record components are named
 * as the JSON members and typed with boxed types ({@code Double}, {@code Integer}); a JSON {@code null} binds as an
 * absent member. What binding cannot say (lengths, ranges, codes, geometry) the caller checks on the record, in
 * the order of its members.
 */
public final class JsonBodies {

    /** Deeper than any body the service accepts (a Feature with a MultiPolygon is 7 levels); bounded by Jackson. */
    static final int MAX_NESTING_DEPTH = 32;

    /**
     * The detail of the 400 for a value not of its JSON type. On a record component: for that member's value. On a
     * record type: for a value meant to be one, a member's (unless the member declares its own) or the body itself,
     * that is not a JSON object. {@code {name}} stands for the member's name.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
    public @interface WrongType {
        String value();
    }

    /**
     * The detail of the 400 for a member the record does not have: {@code {name}} stands for its name (clipped),
     * {@code {accepted}} for the record's members, sorted. Without it: {@code unknown member "{name}"; accepted:
     * {accepted}}.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface UnknownMember {
        String value();
    }

    private static final String DEFAULT_UNKNOWN_MEMBER = "unknown member \"{name}\"; accepted: {accepted}";

    private static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Each value in its own JSON type only: Jackson's scalar coercions off ("7" as 7, 7.0 as 7, 7 as "7"...).
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            // Jackson reads the strings "NaN" and "Infinity" as doubles whatever the coercion settings.
            .addModule(new SimpleModule("json-numbers-only").addDeserializer(Double.class, new NumbersOnly()))
            .build();

    private JsonBodies() {
    }

    /**
     * The body as a JSON tree; an empty body is a {@code MissingNode}.
     *
     * @throws RefusedException 400 when it is not one well-formed JSON value with every member named once
     */
    public static JsonNode tree(byte[] body) {
        try {
            return STRICT.readTree(body);
        } catch (RuntimeException e) {
            throw new InvalidInputException("the body is not valid JSON, or names a member twice");
        }
    }

    /**
     * The body bound to the record {@code type}.
     *
     * @throws RefusedException 400 when it is not one well-formed JSON object with every member named once, or
     *     names a member the record does not have, or has a value not of its member's type
     */
    public static <T extends Record> T read(byte[] body, Class<T> type) {
        return bind(tree(body), type);
    }

    /** A JSON object, part of a body already read with {@link #tree}, bound to the record {@code type}. */
    public static <T extends Record> T bind(JsonNode json, Class<T> type) {
        if (json == null || !json.isObject()) {
            throw new InvalidInputException(wrongType(type, null, ""));
        }
        try {
            return STRICT.treeToValue(json, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(unknownMember(type, e.getPath()));
        } catch (JacksonException e) {
            throw new InvalidInputException(wrongType(type, e.getPath()));
        }
    }

    private static String unknownMember(Class<?> root, List<JacksonException.Reference> path) {
        Class<?> owner = owner(root, path);
        String name = path.isEmpty() ? "" : String.valueOf(path.get(path.size() - 1).getPropertyName());
        UnknownMember declared = owner == null ? null : owner.getAnnotation(UnknownMember.class);
        String accepted = owner == null ? "" : String.join(", ", Arrays.stream(owner.getRecordComponents())
                .map(RecordComponent::getName).sorted().toList());
        return (declared == null ? DEFAULT_UNKNOWN_MEMBER : declared.value())
                .replace("{name}", RefusedException.clip(name)).replace("{accepted}", accepted);
    }

    private static String wrongType(Class<?> root, List<JacksonException.Reference> path) {
        if (path.isEmpty()) {
            return wrongType(root, null, "");
        }
        String name = path.get(path.size() - 1).getPropertyName();
        Class<?> owner = owner(root, path);
        RecordComponent member = owner == null || name == null ? null : component(owner, name);
        if (member == null) {
            return (name == null ? "a member" : RefusedException.clip(name)) + " has a value of the wrong type";
        }
        return wrongType(member.getType(), member.getAnnotation(WrongType.class), name);
    }

    /** The member's own detail, else its record type's, else a plain one. */
    private static String wrongType(Class<?> type, WrongType declared, String name) {
        WrongType detail = declared != null ? declared : type.getAnnotation(WrongType.class);
        if (detail == null) {
            return name.isEmpty() ? "the body must be a JSON object" : name + " has a value of the wrong type";
        }
        return detail.value().replace("{name}", name);
    }

    /** The record holding the last member of {@code path}, or null when the path leaves the records. */
    private static Class<?> owner(Class<?> root, List<JacksonException.Reference> path) {
        Class<?> owner = root;
        for (JacksonException.Reference step : path.subList(0, Math.max(0, path.size() - 1))) {
            RecordComponent member = step.getPropertyName() == null || !owner.isRecord() ? null
                    : component(owner, step.getPropertyName());
            if (member == null) {
                return null;
            }
            owner = member.getType();
        }
        return owner.isRecord() ? owner : null;
    }

    private static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    /** A {@code Double} from a JSON number only: the strings "NaN", "Infinity" and "-Infinity" are not numbers. */
    private static final class NumbersOnly extends ValueDeserializer<Double> {

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != null && p.currentToken().isNumeric()) {
                return p.getDoubleValue();
            }
            return (Double) ctxt.handleUnexpectedToken(Double.class, p);
        }
    }
}
