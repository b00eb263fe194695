package dev.strata.registry.web;

import dev.strata.events.Subject;

/**
 * The page shell every page shares: skip link, navigation, main landmark, and the logout button when a
 * session is open. A viewport meta tag and the stylesheet make it read on a phone; there is no script.
 */
final class Layout {

    private Layout() {
    }

    static String render(Page page, boolean session) {
        Html h = new Html().raw("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .text(page.title()).raw(" · Strata registry</title>\n")
                .raw("<link rel=\"stylesheet\" href=\"/static/strata.css\">\n")
                .raw("<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n</head>\n<body>\n")
                .raw("<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header>\n<nav aria-label=\"Registry\">\n")
                .raw("<a class=\"brand\" href=\"/\">Strata registry</a>\n");
        page.subject().ifPresent(s -> subjectNav(h, s, page.section()));
        h.raw("</nav>\n");
        if (session) {
            h.raw("<form class=\"logout\" method=\"post\" action=\"/logout\"><button type=\"submit\">Log out</button></form>\n");
        }
        h.raw("</header>\n<main id=\"main\" tabindex=\"-1\">\n").append(page.body())
                .raw("</main>\n<footer>A read-only view of the registry's hash-chained log.</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void subjectNav(Html h, Subject s, Page.Section current) {
        h.raw("<ul>\n<li class=\"subject\">").link(Links.subject(s), s.name()).raw("</li>\n");
        for (Page.Section section : Page.Section.values()) {
            if (section == Page.Section.NONE) {
                continue;
            }
            String href = switch (section) {
                case TIMELINE -> Links.subject(s);
                case SCHEMA -> Links.schema(s, null);
                case DIFF -> Links.subject(s) + "/diff";
                default -> Links.audit(s);
            };
            h.raw("<li><a href=\"").attr(href).raw(section == current ? "\" aria-current=\"page\">" : "\">")
                    .text(section.label).raw("</a></li>\n");
        }
        h.raw("</ul>\n");
    }
}
