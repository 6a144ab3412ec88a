package dev.weft.weaver.fuzz;

import java.util.Random;

/**
 * The types of generated locals and expressions: every primitive, strings, three array types and a small mutable
 * object ({@code H.Box}, see {@link SupportSource}). Arrays are always made with three elements, so any index
 * reduced with {@code Math.floorMod(i, 3)} is in bounds.
 */
enum Type {
    BOOLEAN("boolean", "Boolean", "Z"),
    BYTE("byte", "Byte", "B"),
    CHAR("char", "Character", "C"),
    SHORT("short", "Short", "S"),
    INT("int", "Integer", "I"),
    LONG("long", "Long", "J"),
    FLOAT("float", "Float", "F"),
    DOUBLE("double", "Double", "D"),
    STRING("String", "String", "T"),
    INT_ARRAY("int[]", "int[]", "IA"),
    DOUBLE_ARRAY("double[]", "double[]", "DA"),
    STRING_ARRAY("String[]", "String[]", "TA"),
    BOX("H.Box", "H.Box", "X");

    private static final Type[] ALL = values();

    final String javaName;
    /** The type an await of a value of this type gives: the boxed type of a primitive. */
    final String awaitedName;
    /** The suffix of this type's helpers in {@code H}: {@code tI}, {@code nI}... (see {@link SupportSource}). */
    final String code;

    Type(String javaName, String awaitedName, String code) {
        this.javaName = javaName;
        this.awaitedName = awaitedName;
        this.code = code;
    }

    static Type random(Random random) {
        return ALL[random.nextInt(ALL.length)];
    }

    boolean isArray() {
        return this == INT_ARRAY || this == DOUBLE_ARRAY || this == STRING_ARRAY;
    }

    /** The element type of an array type. */
    Type element() {
        switch (this) {
            case INT_ARRAY:
                return INT;
            case DOUBLE_ARRAY:
                return DOUBLE;
            case STRING_ARRAY:
                return STRING;
            default:
                throw new IllegalStateException(this + " is not an array");
        }
    }

    /** Numeric types that {@code +=}, {@code -=} and {@code ++} apply to. */
    boolean isNumeric() {
        return this == BYTE || this == CHAR || this == SHORT || this == INT || this == LONG || this == FLOAT
                || this == DOUBLE;
    }

    /** A literal of this type (arrays and boxes are not literals: the expression generator builds them). */
    String literal(Random random) {
        switch (this) {
            case BOOLEAN:
                return random.nextBoolean() ? "true" : "false";
            case BYTE:
                return "(byte) " + (random.nextInt(256) - 128);
            case CHAR:
                return "'" + (char) ('a' + random.nextInt(26)) + "'";
            case SHORT:
                return "(short) " + (random.nextInt(2000) - 1000);
            case INT:
                return smallInt(random);
            case LONG:
                return random.nextInt(8) == 0 ? (random.nextLong() >>> 2) + "L" : random.nextInt(50) + "L";
            case FLOAT:
                return (random.nextInt(80) - 20) / 4.0f + "f";
            case DOUBLE:
                return (random.nextInt(800) - 200) / 8.0 + "";
            case STRING:
                return "\"" + (char) ('a' + random.nextInt(26)) + random.nextInt(100) + "\"";
            default:
                throw new IllegalStateException(this + " has no literal");
        }
    }

    private static String smallInt(Random random) {
        int n = random.nextInt(10) == 0 ? random.nextInt() : random.nextInt(9) - 2;
        return n < 0 ? "(" + n + ")" : Integer.toString(n);
    }
}
