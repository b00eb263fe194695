package dev.strata.cli.layout;

import dev.strata.cli.project.MigrationFolder;

import java.nio.file.Path;

/**
 * One migration tool's way of keeping a history: which files are migrations, how they are ordered, how up
 * and down are split and when a script runs outside a transaction. Every reader yields pairs numbered
 * 1, 2, ... in the tool's order (Flyway keeps its own numbers), so the walk after it is the same for all.
 * Usage: {@code Layouts.named("goose").read(dir, "db/migrations")}.
 */
public interface Layout {

    /** The name {@code --layout} and strata.yaml's {@code layout:} take, such as {@code goose}. */
    String name();

    /** Whether the files of a folder are written for this tool (detection asks each layout in turn). */
    boolean recognises(FolderSigns folder);

    /**
     * @param shownAs how {@code location} is named in messages ({@code db/migrations})
     * @throws dev.strata.cli.project.InvalidInputException for unreadable files or markers the tool itself refuses,
     *         naming the file, the line and the fix
     */
    MigrationFolder read(Path location, String shownAs);
}
