package dev.strata.registry.web;

import dev.strata.events.Subject;

/**
 * The UI's stable addresses, for deploy plans and pull-request comments to link to. Subject and tag names are
 * URL-safe by their own rules ({@code [a-z0-9._-]}, {@code [A-Za-z0-9._/-]}), so they go into paths as they are.
 */
final class Links {

    private Links() {
    }

    static String subjects() {
        return "/";
    }

    static String subject(Subject s) {
        return "/subjects/" + s.name();
    }

    static String timelinePage(Subject s, int page) {
        return subject(s) + (page <= 1 ? "" : "?page=" + page);
    }

    static String revision(Subject s, int number) {
        return subject(s) + "/revisions/" + number;
    }

    static String tag(Subject s, String tag) {
        return subject(s) + "/tags/" + tag;
    }

    static String schema(Subject s, String at) {
        return subject(s) + "/schema" + (at == null ? "" : "?at=" + Html.query(at));
    }

    static String diff(Subject s, String from, String to) {
        return subject(s) + "/diff?from=" + Html.query(from) + "&to=" + Html.query(to);
    }

    static String audit(Subject s) {
        return subject(s) + "/audit";
    }
}
