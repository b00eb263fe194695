package dev.strata.registry.web;

/**
 * {@code /login}, where a reader without a session is sent: a form that posts a read token once (never in the
 * address); the registry answers with a session cookie and the page asked for. A wrong token gets the form
 * again with 401.
 */
final class LoginPage {

    private LoginPage() {
    }

    /** The form, returning to {@code next} after the login, with {@code problem} above it when there is one. */
    static Page render(String next, String problem) {
        Html h = new Html().raw("<h1>Enter a read token</h1>\n");
        if (problem != null) {
            h.raw("<p class=\"bad\" role=\"alert\">").text(problem).raw("</p>\n");
        }
        h.raw("<p>This registry's pages need a token with the read role, as its API does. It is sent once and kept out of")
                .raw(" every address; the browser keeps a session cookie until you log out or close it.</p>\n")
                .raw("<form class=\"login\" method=\"post\" action=\"/login\">\n<input type=\"hidden\" name=\"next\" value=\"").attr(next)
                .raw("\">\n<label for=\"token\">Read token</label>\n")
                .raw("<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" required autofocus>\n")
                .raw("<button type=\"submit\">Open the registry</button>\n</form>\n");
        return Page.of("Enter a read token", h).withStatus(problem == null ? 200 : 401);
    }

    /** {@code next} when it is a path of this site, else {@code /}: a login never sends anyone elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 2000
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return next;
    }
}
