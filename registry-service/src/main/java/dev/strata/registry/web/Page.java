package dev.strata.registry.web;

import dev.strata.events.Subject;

import java.util.Optional;

/**
 * One rendered page before the layout wraps it: its status, title, the subject it is about (for the subject's
 * navigation) and which of the subject's sections it is.
 */
record Page(int status, String title, Optional<Subject> subject, Section section, Html body) {

    /** The subject's sections, in the navigation's order. */
    enum Section {
        NONE(""), TIMELINE("Timeline"), SCHEMA("Schema"), DIFF("Diff"), AUDIT("Audit");

        final String label;

        Section(String label) {
            this.label = label;
        }
    }

    static Page of(String title, Html body) {
        return new Page(200, title, Optional.empty(), Section.NONE, body);
    }

    static Page about(Subject subject, Section section, String title, Html body) {
        return new Page(200, title, Optional.of(subject), section, body);
    }

    Page withStatus(int newStatus) {
        return new Page(newStatus, title, subject, section, body);
    }
}
