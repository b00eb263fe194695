package dev.strata.registry.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * HTML being written: markup the code spells out goes in through {@link #raw}, every value through {@link #text}
 * or {@link #attr}, which escape it. The one place text becomes HTML.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(4096);

    /** Markup written in the code, never a value from a request, the log or a revision. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** A value as text. */
    Html text(Object value) {
        out.append(escape(String.valueOf(value)));
        return this;
    }

    /** {@code <tag>value</tag>}, the value escaped. */
    Html element(String tag, Object value) {
        return raw("<" + tag + ">").text(value).raw("</" + tag.split(" ", 2)[0] + ">");
    }

    /** {@code <a href="...">label</a>}, both escaped. */
    Html link(String href, Object label) {
        return raw("<a href=\"").attr(href).raw("\">").text(label).raw("</a>");
    }

    /** A value inside a double-quoted attribute. */
    Html attr(Object value) {
        return text(value);
    }

    Html append(Html other) {
        out.append(other.out);
        return this;
    }

    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            String r = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(s.charAt(i));
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** A query parameter's value, percent-encoded. */
    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
