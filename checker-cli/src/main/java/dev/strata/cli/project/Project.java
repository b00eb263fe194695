package dev.strata.cli.project;

import dev.strata.events.Revision;
import dev.strata.events.json.HistoryProblem;
import dev.strata.events.json.HistoryVerifier;
import dev.strata.events.json.ModelsYaml;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.schema.Schema;
import dev.strata.events.sqlite.SqlModels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A project's files: its revisions, models and migrations, read from where its configuration says. */
public record Project(ProjectConfig config) {

    /** The revisions in the events folder, parsed (exit code 2 on a malformed file). */
    public List<Revision> revisions() {
        return RevisionFiles.readAll(config.events(), config.show(config.events()));
    }

    /** The revisions, refusing a broken history (gaps, broken chain, edited files) with every problem listed. */
    public List<Revision> verifiedRevisions() {
        List<Revision> revisions = revisions();
        List<HistoryProblem> problems = HistoryVerifier.verify(revisions, config.show(config.events()));
        if (!problems.isEmpty()) {
            StringBuilder msg = new StringBuilder("the history in " + config.show(config.events()) + " is broken:");
            for (HistoryProblem p : problems) {
                msg.append("\n  ").append(p.file()).append(": ").append(p.message()).append("\n    fix: ").append(p.hint());
            }
            throw new InvalidInputException(msg.toString());
        }
        return revisions;
    }

    public boolean hasModels() {
        return Files.isRegularFile(config.models());
    }

    /** Models larger than this are refused before they are read: a schema, however big, is far smaller. */
    static final long MAX_MODELS_BYTES = 8L << 20;

    /** The declared schema from models.yaml or models.sql. */
    public Schema models() {
        Path file = config.models();
        String shown = config.show(file);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(shown + ": no such file; point --models (or 'models' in strata.yaml) at a models.yaml or models.sql");
        }
        String text;
        try {
            if (Files.size(file) > MAX_MODELS_BYTES) {
                throw new InvalidInputException(shown + ": the file is " + (Files.size(file) >> 20) + " MB; Strata reads models of at most "
                        + (MAX_MODELS_BYTES >> 20) + " MB; declare the schema, not data (rows belong in migrations)");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException(shown + ": cannot read it: " + e.getMessage());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sql")) {
            try {
                return SqlModels.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(shown + ": " + e.getMessage() + "; fix the statement (SQLite itself parses models.sql)");
            }
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return ModelsYaml.read(text, shown);
        }
        throw new InvalidInputException(shown + ": models must be a .yaml, .yml or .sql file");
    }

    /** The models if the project has a models file (or names one), else null. */
    public Schema modelsIfAny() {
        return hasModels() || config.modelsGiven() ? models() : null;
    }
}
