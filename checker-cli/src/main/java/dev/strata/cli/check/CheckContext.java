package dev.strata.cli.check;

import dev.strata.cli.project.MigrationFolder;
import dev.strata.events.Revision;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Schema;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * Everything the checks look at, read once: the revisions (empty for a plain Flyway folder), the
 * schema after each, the committed migrations, the models, the base history for immutability, and
 * the one walk over the history on a scratch database that reversibility and data share.
 */
public final class CheckContext {

    private final String eventsFolder;
    private final List<Revision> revisions;
    private final List<Schema> schemas;
    private final MigrationFolder migrations;
    private final Schema models;
    private final String modelsFile;
    private final List<Revision> base;
    private final List<Revision> target;
    private final String targetName;
    private final CheckOptions options;
    private final IntConsumer progress;
    private HistoryWalk walk;

    /**
     * @param models the declared schema, or null when the project has none
     * @param base the revisions of the base to compare against, or null for no immutability check
     * @param progress told how many versions the walk has made the round trip of, as it goes (from any thread)
     */
    public CheckContext(String eventsFolder, List<Revision> revisions, MigrationFolder migrations, Schema models,
                        String modelsFile, List<Revision> base, CheckOptions options, IntConsumer progress) {
        this(eventsFolder, revisions, migrations, models, modelsFile, base, null, null, options, progress);
    }

    /**
     * @param target the revisions at the tip of the branch this change merges into (for the one-head
     *     rule), or null; {@code targetName} names that branch in messages
     */
    public CheckContext(String eventsFolder, List<Revision> revisions, MigrationFolder migrations, Schema models,
                        String modelsFile, List<Revision> base, List<Revision> target, String targetName,
                        CheckOptions options, IntConsumer progress) {
        this(eventsFolder, revisions, Projection.schemas(revisions), migrations, models, modelsFile, base, target, targetName,
                options, progress);
    }

    /** @param schemas the schema after each revision, from {@link Projection#schemas}, when the caller has it already */
    public CheckContext(String eventsFolder, List<Revision> revisions, List<Schema> schemas, MigrationFolder migrations,
                        Schema models, String modelsFile, List<Revision> base, List<Revision> target, String targetName,
                        CheckOptions options, IntConsumer progress) {
        if (schemas.size() != revisions.size() + 1) {
            throw new IllegalArgumentException(schemas.size() + " schemas for " + revisions.size() + " revisions");
        }
        this.target = target == null ? null : List.copyOf(target);
        this.targetName = targetName;
        this.eventsFolder = eventsFolder;
        this.revisions = List.copyOf(revisions);
        this.schemas = List.copyOf(schemas);
        this.migrations = migrations;
        this.models = models;
        this.modelsFile = modelsFile;
        this.base = base == null ? null : List.copyOf(base);
        this.options = options;
        this.progress = progress;
    }

    public boolean hasEvents() {
        return !revisions.isEmpty();
    }

    public String eventsFolder() {
        return eventsFolder;
    }

    public List<Revision> revisions() {
        return revisions;
    }

    /** The schema after revision {@code n} (0 = empty). */
    public Schema schemaAt(int n) {
        return schemas.get(n);
    }

    public MigrationFolder migrations() {
        return migrations;
    }

    public Schema models() {
        return models;
    }

    public String modelsFile() {
        return modelsFile;
    }

    public List<Revision> base() {
        return base;
    }

    public List<Revision> target() {
        return target;
    }

    public String targetName() {
        return targetName;
    }

    public CheckOptions options() {
        return options;
    }

    /** The walk over the history, run on first use. */
    public HistoryWalk walk() {
        if (walk == null) {
            walk = HistoryWalk.run(this, progress);
        }
        return walk;
    }
}
