package dev.strata.cli.project;

import dev.strata.events.json.ModelsYaml;
import dev.strata.events.schema.Schema;
import dev.strata.events.sqlite.SqlModels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Models in a file: YAML (declarative) or SQL (CREATE statements, parsed by SQLite itself).
 *
 * @param file  the file, absolute
 * @param shown the file as messages name it, relative to the project
 * @param named whether strata.yaml or a flag named it (then a missing file is an error, not "no models")
 */
public record ModelsFile(Path file, String shown, boolean named) implements ModelsSource {

    public ModelsFile {
        Objects.requireNonNull(file, "models file");
        Objects.requireNonNull(shown, "models file as shown");
    }

    @Override
    public String flag() {
        return shown;
    }

    @Override
    public List<Path> sources() {
        return List.of(file);
    }

    @Override
    public boolean declared() {
        return named || Files.isRegularFile(file);
    }

    /** Models larger than this are refused before they are read: a schema, however big, is far smaller. */
    static final long MAX_BYTES = 8L << 20;

    @Override
    public Schema read() {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(shown + ": no such file; point --models (or 'models' in strata.yaml) at a models.yaml or "
                    + "models.sql, or at code: --models sqlalchemy:app.models:Base");
        }
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(shown + ": the file is " + (Files.size(file) >> 20) + " MB; Strata reads models of at most "
                        + (MAX_BYTES >> 20) + " MB; declare the schema, not data (rows belong in migrations)");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException(shown + ": cannot read it: " + e.getMessage());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sql")) {
            return fromSql(text, shown, "fix the statement (SQLite itself parses models.sql)");
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return ModelsYaml.read(text, shown);
        }
        throw new InvalidInputException(shown + ": models must be a .yaml, .yml or .sql file");
    }

    /** CREATE statements read as models.sql is read; {@code fix} ends the message of a statement SQLite refuses. */
    static Schema fromSql(String sql, String shown, String fix) {
        try {
            return SqlModels.parse(sql);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(shown + ": " + e.getMessage() + "; " + fix);
        }
    }
}
