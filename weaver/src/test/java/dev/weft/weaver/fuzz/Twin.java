package dev.weft.weaver.fuzz;

import java.util.List;

/**
 * One piece of generated code in its two renderings: {@code async}, the text of an {@code @Async} method where awaits
 * stand, and {@code sync}, the text of its synchronous twin where each await is replaced by the value it gives or the
 * exception it throws. Every random choice is made once and shapes both texts, so the twin is the same program.
 */
record Twin(String async, String sync) {

    /** Code that reads the same in both renderings. */
    static Twin same(String text) {
        return new Twin(text, text);
    }

    /** Replaces each {@code #} of {@code template}, in order, by the matching part, in both renderings. */
    static Twin fill(String template, Twin... parts) {
        StringBuilder async = new StringBuilder();
        StringBuilder sync = new StringBuilder();
        int part = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '#') {
                async.append(parts[part].async);
                sync.append(parts[part].sync);
                part++;
            } else {
                async.append(c);
                sync.append(c);
            }
        }
        if (part != parts.length) {
            throw new IllegalArgumentException(parts.length + " parts for " + part + " holes in " + template);
        }
        return new Twin(async.toString(), sync.toString());
    }

    /** This async rendering, with the sync rendering made from {@code syncTemplate} and its parts instead. */
    Twin withSync(String syncTemplate, Twin... parts) {
        return new Twin(async, fill(syncTemplate, parts).sync);
    }

    /** The parts joined by {@code separator}. */
    static Twin join(String separator, List<Twin> parts) {
        StringBuilder async = new StringBuilder();
        StringBuilder sync = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                async.append(separator);
                sync.append(separator);
            }
            async.append(parts.get(i).async);
            sync.append(parts.get(i).sync);
        }
        return new Twin(async.toString(), sync.toString());
    }

    /** Both renderings with every line indented by four spaces. */
    Twin indented() {
        return new Twin(indent(async), indent(sync));
    }

    private static String indent(String text) {
        return text.isEmpty() ? text : "    " + text.replace("\n", "\n    ");
    }
}
