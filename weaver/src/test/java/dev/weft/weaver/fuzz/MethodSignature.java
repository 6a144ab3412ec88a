package dev.weft.weaver.fuzz;

import java.util.List;

/**
 * A generated method pair: {@code name} is the {@code @Async} method returning {@code Task<Long>}, {@code name + "Sync"}
 * its twin returning {@code Long}; {@code modifiers} ({@code static}, {@code private}) are the same for both. A last
 * {@code int[]} parameter is declared varargs. Both take {@code (StringBuilder log, int depth, params...)} and declare
 * {@code throws H.Checked}; a call passes {@code depth - 1} and is made only while {@code depth > 0}, so recursion ends.
 */
record MethodSignature(String name, List<Type> params, String modifiers) {

    String syncName() {
        return name + "Sync";
    }

    /** The parameter list after {@code log} and {@code depth}: {@code int a0, String a1, ...}. */
    String parameterDeclarations() {
        StringBuilder out = new StringBuilder("StringBuilder log, int depth");
        for (int i = 0; i < params.size(); i++) {
            boolean varargs = i == params.size() - 1 && params.get(i) == Type.INT_ARRAY;
            out.append(", ").append(varargs ? "int..." : params.get(i).javaName).append(' ').append(parameterName(i));
        }
        return out.toString();
    }

    static String parameterName(int index) {
        return "a" + index;
    }
}
