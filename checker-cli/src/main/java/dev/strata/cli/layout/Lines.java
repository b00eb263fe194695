package dev.strata.cli.layout;

import java.util.ArrayList;
import java.util.List;

/** A file's lines with their terminators, so a section cut out of it keeps its bytes. */
final class Lines {

    private final List<String> lines;

    private Lines(List<String> lines) {
        this.lines = lines;
    }

    static Lines of(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return new Lines(out);
    }

    int count() {
        return lines.size();
    }

    /** Line {@code n} (1-based) without its terminator. */
    String line(int n) {
        return lines.get(n - 1).stripTrailing();
    }

    /** Lines {@code from} to {@code to} (1-based, inclusive) as written; empty when {@code to < from}. */
    String text(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int n = from; n <= to; n++) {
            out.append(lines.get(n - 1));
        }
        return out.toString();
    }

    /** Whether line {@code n} holds SQL (neither blank nor a {@code --} comment). */
    boolean isSql(int n) {
        String l = line(n).strip();
        return !l.isEmpty() && !l.startsWith("--");
    }
}
