package dev.strata.cli.project;

import dev.strata.events.Revision;
import dev.strata.events.json.HistoryProblem;
import dev.strata.events.json.HistoryVerifier;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.schema.Schema;

import java.util.List;

/** A project's files: its revisions, models and migrations, read from where its configuration says. */
public record Project(ProjectConfig config) {

    /** The revisions in the events folder, parsed (exit code 2 on a malformed file). */
    public List<Revision> revisions() {
        return RevisionFiles.readAll(config.events(), config.show(config.events()));
    }

    /** The revision files, listed, to be read by the threads that help ({@link RevisionFiles.Reading}). */
    public RevisionFiles.Reading revisionsReading() {
        return RevisionFiles.reading(config.events(), config.show(config.events()));
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

    /** The declared schema, from a models file or the application's code. */
    public Schema models() {
        return config.models().read();
    }

    /** The models if the project declares any (a models file that exists, or models that were named), else null. */
    public Schema modelsIfAny() {
        return config.models().declared() ? models() : null;
    }
}
