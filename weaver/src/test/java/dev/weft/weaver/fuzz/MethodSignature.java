package dev.weft.weaver.fuzz;

import java.util.List;

/**
 * A generated method pair: {@code name} is the {@code @Async} method returning {@code Task<Long>}, {@code name + "Sync"}
 * its twin returning {@code Long}. Both take {@code (StringBuilder log, int depth, params...)} and declare
 * {@code throws H.Checked}; a call passes {@code depth - 1} and is made only while {@code depth > 0}, so recursion ends.
 */
record MethodSignature(String name, List<Type> params) {

    String syncName() {
        return name + "Sync";
    }

    /** The parameter list after {@code log} and {@code depth}: {@code int a0, String a1, ...}. */
    String parameterDeclarations() {
        StringBuilder out = new StringBuilder("StringBuilder log, int depth");
        for (int i = 0; i < params.size(); i++) {
            out.append(", ").append(params.get(i).javaName).append(' ').append(parameterName(i));
        }
        return out.toString();
    }

    static String parameterName(int index) {
        return "a" + index;
    }
}
