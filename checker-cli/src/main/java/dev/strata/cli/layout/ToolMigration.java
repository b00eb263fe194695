package dev.strata.cli.layout;

import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One migration as its tool names it, before the walk's number is known: the tool's version, a description,
 * and the up and down scripts (the down may be absent).
 */
record ToolMigration(String toolVersion, String description, Script up, Script down) {

    /**
     * A script found in a tool's files.
     *
     * @param file the file as shown in messages
     * @param firstLine the line of {@code file} where {@code text} starts
     * @param part which part of a shared file, or empty
     * @param outsideTransaction how to tell the tool not to wrap it in a transaction
     */
    record Script(String file, String text, boolean transactional, int firstLine, String part, String outsideTransaction) {

        Script {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(text, "text");
        }

        /** A whole file. */
        static Script whole(String file, String text, boolean transactional, String outsideTransaction) {
            return new Script(file, text, transactional, 1, "", outsideTransaction);
        }

        MigrationScript numbered(int version, String description) {
            return new MigrationScript(version, description, file, text, transactional, firstLine, part, outsideTransaction);
        }
    }

    ToolMigration {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(up, "a migration needs its up script");
    }

    /** The pairs numbered 1, 2, ... in the given (the tool's) order. */
    static List<MigrationPair> numbered(List<ToolMigration> ordered) {
        List<MigrationPair> out = new ArrayList<>(ordered.size());
        for (ToolMigration m : ordered) {
            int n = out.size() + 1;
            String description = m.description.isBlank() ? m.toolVersion : m.description;
            out.add(new MigrationPair(n, description, m.up.numbered(n, description),
                    m.down == null ? null : m.down.numbered(n, description), m.toolVersion));
        }
        return out;
    }
}
