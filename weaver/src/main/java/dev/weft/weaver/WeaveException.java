package dev.weft.weaver;

import java.util.List;

/** A class could not be woven; carries each {@link Problem}, one per line in the message. */
public final class WeaveException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public WeaveException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        for (Problem p : problems) {
            if (text.length() > 0) {
                text.append(System.lineSeparator());
            }
            text.append(p);
        }
        return text.toString();
    }
}
