package dev.strata.cli.layout;

import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.ProjectConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The layouts Strata reads, found by name or recognised from the files. Detection asks the layouts with an
 * unmistakable sign first (a Liquibase header, Diesel's folders, goose and dbmate markers), then Flyway's names,
 * then sqlx's marker or simple files, then golang-migrate's up/down names; a folder with none of them is read
 * as Flyway, as before.
 */
public final class Layouts {

    private static final List<String> NAMES = List.of("flyway", "golang-migrate", "goose", "dbmate", "sqlx", "diesel", "liquibase");

    private Layouts() {
    }

    /**
     * @param spec a name, or {@code golang-migrate?x-no-tx-wrap=true}
     * @throws InvalidInputException for an unknown name
     */
    public static Layout named(String spec) {
        return switch (spec) {
            case "flyway" -> new FlywayLayout();
            case "golang-migrate" -> new GolangMigrateLayout(false);
            case "golang-migrate?" + GolangMigrateLayout.NO_TX_WRAP -> new GolangMigrateLayout(true);
            case "goose" -> new GooseLayout();
            case "dbmate" -> new DbmateLayout();
            case "sqlx" -> new SqlxLayout();
            case "diesel" -> new DieselLayout();
            case "liquibase" -> new LiquibaseLayout();
            default -> throw new InvalidInputException("layout '" + spec + "' is not one Strata reads; use one of " + String.join(", ", NAMES)
                    + " (golang-migrate?x-no-tx-wrap=true for golang-migrate without its per-file transaction)");
        };
    }

    /** The layout of the files at {@code location}; Flyway when nothing else is recognised. */
    public static Layout detect(Path location) {
        return detect(location, new FolderSigns(location));
    }

    private static Layout detect(Path location, FolderSigns signs) {
        if (Files.isRegularFile(location)) {
            return new LiquibaseLayout();
        }
        for (Layout l : List.of(new LiquibaseLayout(), new DieselLayout(), new GooseLayout(), new DbmateLayout(), new FlywayLayout(),
                new SqlxLayout(), new GolangMigrateLayout(false))) {
            if (l.recognises(signs)) {
                return l;
            }
        }
        return new FlywayLayout();
    }

    /** The layout a project's configuration names, or the one its migrations folder shows. */
    public static Layout of(ProjectConfig config) {
        return config.layout() != null ? named(config.layout()) : detect(config.migrations());
    }

    /** The project's migrations, read in their layout. */
    public static MigrationFolder read(ProjectConfig config) {
        if (config.layout() != null) {
            return named(config.layout()).read(config.migrations(), config.show(config.migrations()));
        }
        // the files detection read are not read again
        FolderSigns signs = new FolderSigns(config.migrations());
        Layout layout = detect(config.migrations(), signs);
        return SourceFiles.knowing(signs.texts(), () -> layout.read(config.migrations(), config.show(config.migrations())));
    }
}
