/*
 * CQL2-Text, the text encoding of the Common Query Language, for the `filter` parameter of OGC API - Features -
 * Part 3: Filtering.
 *
 * Source: OGC 21-065, Common Query Language (CQL2), version 1.0, Annex B "CQL2 BNF", as published by the OGC in
 * https://github.com/opengeospatial/ogcapi-features/blob/master/cql2/standard/schema/cql2.bnf (revision read:
 * 94e814bfa9af6ad308c474621ad18548357b0bc8, "1.0.1-SNAPSHOT" of the BNF). Rule names below are the BNF's where a
 * rule is kept; the BNF's own disclaimer says it "will likely need to be adapted" for ANTLR, and it was, as follows.
 *
 * What is covered (conformance classes of OGC 21-065):
 *   - Basic CQL2: booleanExpression, booleanTerm, booleanFactor, booleanPrimary, binaryComparisonPredicate,
 *     isNullPredicate, propertyName (plain and double-quoted), characterLiteral with its escapes, numericLiteral
 *     (decimal and scientific, signed), booleanLiteral, DATE(...) and TIMESTAMP(...) instants.
 *   - Advanced Comparison Operators: isLikePredicate, isBetweenPredicate, isInListPredicate (each with NOT).
 *   - Basic Spatial Functions (plus the spatial literals of "Basic Spatial Functions with additional Spatial
 *     Literals"): spatialPredicate with geomExpression = spatialInstance | propertyName; spatialInstance = POINT,
 *     LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON (each with an optional Z), GEOMETRYCOLLECTION
 *     and BBOX(...) with 4 or 6 numbers.
 *   - Property-Property Comparisons: a literal or a property on either side.
 *
 * Parsed here but refused when the syntax tree is built (a 400 saying what is not supported): the spatial functions
 * other than S_INTERSECTS and S_WITHIN, GEOMETRYCOLLECTION, CASEI and ACCENTI. Not in this grammar at all (a syntax
 * error): temporal and array predicates, INTERVAL, functions, arithmetic.
 *
 * Adaptations to ANTLR, none of which changes the language accepted for the covered classes:
 *   - Keywords are case-insensitive (OGC 21-065 clause 8.2: "Keywords in the BNF grammar are case-insensitive");
 *     property names keep their case (the lexer is case-insensitive, the text of a token is not changed).
 *   - The predicates are left-factored: every comparison predicate starts with one scalar operand followed by its
 *     operator, so that each decision is made on the next one or two tokens (linear-time parsing, no long
 *     look-ahead a hostile filter could exploit). A booleanLiteral on its own is a booleanPrimary; the
 *     isNullOperand is a scalar operand or a property (a parenthesised boolean expression is not accepted there).
 *   - Tokens: "<>", "<=" and ">=" are single tokens; a numeric literal's sign is a separate token; whitespace
 *     (the BNF's `whitespace` characters) separates tokens anywhere.
 *   - MULTIPOINT takes its points with or without their own parentheses (WKT written either way).
 *   - A character literal escapes a quote as '' or \' and accepts the control escapes of requirement
 *     /req/cql2-text/escaping (\a \b \t \n \v \f \r) and \\; any other backslash is kept as it is, so a LIKE
 *     pattern's \% and \_ reach the pattern.
 */
grammar Cql2;

options {
    caseInsensitive = true;
}

// A whole filter: one boolean expression and nothing after it.
filter
    : booleanExpression EOF
    ;

booleanExpression
    : booleanTerm (OR booleanTerm)*
    ;

booleanTerm
    : booleanFactor (AND booleanFactor)*
    ;

booleanFactor
    : NOT? booleanPrimary
    ;

booleanPrimary
    : LEFT_PAREN booleanExpression RIGHT_PAREN      # parenthesized
    | spatialPredicate                              # spatial
    | scalarExpression predicate?                   # comparisonOrLiteral
    ;

// The comparison predicates (binaryComparisonPredicate, isLikePredicate, isBetweenPredicate, isInListPredicate,
// isNullPredicate) after their first operand.
predicate
    : comparisonOperator scalarExpression                                           # binaryComparisonPredicate
    | NOT? LIKE patternExpression                                                   # isLikePredicate
    | NOT? BETWEEN scalarExpression AND scalarExpression                            # isBetweenPredicate
    | NOT? IN LEFT_PAREN scalarExpression (COMMA scalarExpression)* RIGHT_PAREN     # isInListPredicate
    | IS NOT? NULL                                                                  # isNullPredicate
    ;

comparisonOperator
    : EQ | NEQ | LT | GT | LTEQ | GTEQ
    ;

patternExpression
    : (CASEI | ACCENTI) LEFT_PAREN patternExpression RIGHT_PAREN     # insensitivePattern
    | characterLiteral                                               # literalPattern
    ;

scalarExpression
    : characterLiteral                                               # characterOperand
    | numericLiteral                                                 # numericOperand
    | booleanLiteral                                                 # booleanOperand
    | instantInstance                                                # instantOperand
    | propertyName                                                   # propertyOperand
    | (CASEI | ACCENTI) LEFT_PAREN scalarExpression RIGHT_PAREN       # insensitiveOperand
    ;

spatialPredicate
    : spatialFunction LEFT_PAREN geomExpression COMMA geomExpression RIGHT_PAREN
    ;

spatialFunction
    : S_INTERSECTS | S_EQUALS | S_DISJOINT | S_TOUCHES | S_WITHIN | S_OVERLAPS | S_CROSSES | S_CONTAINS
    ;

geomExpression
    : spatialInstance
    | propertyName
    ;

propertyName
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    ;

characterLiteral
    : CHARACTER_LITERAL
    ;

numericLiteral
    : sign? UNSIGNED_NUMERIC_LITERAL
    ;

sign
    : PLUS | MINUS
    ;

booleanLiteral
    : TRUE | FALSE
    ;

instantInstance
    : DATE LEFT_PAREN CHARACTER_LITERAL RIGHT_PAREN           # dateInstant
    | TIMESTAMP LEFT_PAREN CHARACTER_LITERAL RIGHT_PAREN      # timestampInstant
    ;

// Geometry literals (WKT) and BBOX.

spatialInstance
    : geometryLiteral
    | geometryCollectionTaggedText
    | bboxTaggedText
    ;

geometryLiteral
    : pointTaggedText
    | linestringTaggedText
    | polygonTaggedText
    | multipointTaggedText
    | multilinestringTaggedText
    | multipolygonTaggedText
    ;

pointTaggedText
    : POINT Z? pointText
    ;

linestringTaggedText
    : LINESTRING Z? lineStringText
    ;

polygonTaggedText
    : POLYGON Z? polygonText
    ;

multipointTaggedText
    : MULTIPOINT Z? multiPointText
    ;

multilinestringTaggedText
    : MULTILINESTRING Z? multiLineStringText
    ;

multipolygonTaggedText
    : MULTIPOLYGON Z? multiPolygonText
    ;

geometryCollectionTaggedText
    : GEOMETRYCOLLECTION Z? LEFT_PAREN geometryLiteral (COMMA geometryLiteral)* RIGHT_PAREN
    ;

pointText
    : LEFT_PAREN point RIGHT_PAREN
    ;

point
    : coordinate coordinate coordinate?
    ;

coordinate
    : sign? UNSIGNED_NUMERIC_LITERAL
    ;

lineStringText
    : LEFT_PAREN point (COMMA point)+ RIGHT_PAREN
    ;

linearRingText
    : LEFT_PAREN point COMMA point COMMA point COMMA point (COMMA point)* RIGHT_PAREN
    ;

polygonText
    : LEFT_PAREN linearRingText (COMMA linearRingText)* RIGHT_PAREN
    ;

multiPointText
    : LEFT_PAREN multiPointMember (COMMA multiPointMember)* RIGHT_PAREN
    ;

multiPointMember
    : pointText
    | point
    ;

multiLineStringText
    : LEFT_PAREN lineStringText (COMMA lineStringText)* RIGHT_PAREN
    ;

multiPolygonText
    : LEFT_PAREN polygonText (COMMA polygonText)* RIGHT_PAREN
    ;

bboxTaggedText
    : BBOX LEFT_PAREN coordinate COMMA coordinate COMMA coordinate COMMA coordinate
          (COMMA coordinate COMMA coordinate)? RIGHT_PAREN
    ;

// ---------------------------------------------------------------------------------------------------------------
// Lexer. Keywords come before IDENTIFIER so that a keyword is never read as a property name (quote the name, as in
// "IN", to use a keyword as a property).

AND : 'AND';
OR : 'OR';
NOT : 'NOT';
LIKE : 'LIKE';
BETWEEN : 'BETWEEN';
IN : 'IN';
IS : 'IS';
NULL : 'NULL';
TRUE : 'TRUE';
FALSE : 'FALSE';
CASEI : 'CASEI';
ACCENTI : 'ACCENTI';
DATE : 'DATE';
TIMESTAMP : 'TIMESTAMP';

S_INTERSECTS : 'S_INTERSECTS';
S_EQUALS : 'S_EQUALS';
S_DISJOINT : 'S_DISJOINT';
S_TOUCHES : 'S_TOUCHES';
S_WITHIN : 'S_WITHIN';
S_OVERLAPS : 'S_OVERLAPS';
S_CROSSES : 'S_CROSSES';
S_CONTAINS : 'S_CONTAINS';

POINT : 'POINT';
LINESTRING : 'LINESTRING';
POLYGON : 'POLYGON';
MULTIPOINT : 'MULTIPOINT';
MULTILINESTRING : 'MULTILINESTRING';
MULTIPOLYGON : 'MULTIPOLYGON';
GEOMETRYCOLLECTION : 'GEOMETRYCOLLECTION';
BBOX : 'BBOX';
Z : 'Z';

EQ : '=';
NEQ : '<>';
LTEQ : '<=';
GTEQ : '>=';
LT : '<';
GT : '>';
LEFT_PAREN : '(';
RIGHT_PAREN : ')';
COMMA : ',';
PLUS : '+';
MINUS : '-';

// unsignedNumericLiteral: decimalNumericLiteral | scientificNumericLiteral (mantissa "E" signedInteger).
UNSIGNED_NUMERIC_LITERAL
    : DECIMAL_NUMERIC_LITERAL ('E' [+-]? DIGIT+)?
    ;

fragment DECIMAL_NUMERIC_LITERAL
    : DIGIT+ ('.' DIGIT*)?
    | '.' DIGIT+
    ;

fragment DIGIT : [0-9];

// characterLiteral: "'" {character} "'", a quote escaped as '' or \', other escapes after a backslash.
CHARACTER_LITERAL
    : '\'' ( ~['\\] | '\'\'' | '\\' . )* '\''
    ;

QUOTED_IDENTIFIER
    : '"' IDENTIFIER_START IDENTIFIER_PART* '"'
    ;

IDENTIFIER
    : IDENTIFIER_START IDENTIFIER_PART*
    ;

// identifierStart and identifierPart of the BNF, character for character (case-sensitive sets).
fragment IDENTIFIER_START
    options { caseInsensitive = false; }
    : [:_A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFE\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]
    ;

fragment IDENTIFIER_PART
    options { caseInsensitive = false; }
    : IDENTIFIER_START
    | [.0-9\u0300-\u036F\u203F-\u2040]
    ;

// whitespace of the BNF.
WHITESPACE
    : [\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+ -> skip
    ;
