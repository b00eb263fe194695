package dev.strata.cli.check;

import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import dev.strata.events.Revision;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Schema;

import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Everything the checks look at, read once: the revisions (empty for a plain Flyway folder), the
 * schema after each, the committed migrations, the models, the base history for immutability, and
 * the one walk over the history on a scratch database that reversibility and data share.
 *
 * <pre>CheckContext c = CheckContext.builder(migrations, options, new Walk()).models(schema, "schema/models.sql").build();</pre>
 */
public final class CheckContext {

    private final String eventsFolder;
    private final List<Revision> revisions;
    private final java.util.function.Supplier<List<Schema>> projected;
    private List<Schema> schemas;
    private final MigrationFolder migrations;
    private final Schema models;
    private final String modelsFile;
    private final List<Revision> base;
    private final List<Revision> target;
    private final String targetName;
    private final CheckOptions options;
    private final IntConsumer progress;
    private final HistoryWalker walker;
    private final CheckCache cache;
    private HistoryWalk walk;
    private final java.util.function.Supplier<List<String>> hashesSoon;
    private List<String> computedHashes;
    private List<byte[]> revisionKeys;
    private List<byte[]> versionKeys;
    private List<byte[]> scriptKeys;

    private CheckContext(Builder b) {
        this.revisions = List.copyOf(b.revisions);
        this.projected = b.schemas != null ? b.schemas : () -> Projection.schemas(revisions);
        this.eventsFolder = b.eventsFolder;
        this.migrations = b.migrations;
        this.models = b.models;
        this.modelsFile = b.modelsFile;
        this.base = b.base == null ? null : List.copyOf(b.base);
        this.target = b.target == null ? null : List.copyOf(b.target);
        this.targetName = b.targetName;
        this.options = b.options;
        this.progress = b.progress;
        this.walker = b.walker;
        this.cache = b.cache;
        this.hashesSoon = b.hashes;
    }

    public static Builder builder(MigrationFolder migrations, CheckOptions options, HistoryWalker walker) {
        return new Builder(migrations, options, walker);
    }

    /** Collects what a check looks at; only the migrations, the options and the walker are required. */
    public static final class Builder {
        private final MigrationFolder migrations;
        private final CheckOptions options;
        private final HistoryWalker walker;
        private String eventsFolder;
        private List<Revision> revisions = List.of();
        private java.util.function.Supplier<List<Schema>> schemas;
        private Schema models;
        private String modelsFile;
        private List<Revision> base;
        private List<Revision> target;
        private String targetName;
        private IntConsumer progress = v -> { };
        private CheckCache cache;
        private java.util.function.Supplier<List<String>> hashes;

        private Builder(MigrationFolder migrations, CheckOptions options, HistoryWalker walker) {
            this.migrations = Objects.requireNonNull(migrations, "a check needs the migrations");
            this.options = Objects.requireNonNull(options, "a check needs its options");
            this.walker = Objects.requireNonNull(walker, "a check needs a walker");
        }

        /** The revisions recorded in {@code folder}, as shown in messages. */
        public Builder events(String folder, List<Revision> recorded) {
            this.eventsFolder = folder;
            this.revisions = recorded;
            return this;
        }

        /**
         * The schema after each revision, from {@link Projection#schemas}, when the caller has it already or works
         * it out meanwhile: asked for when a check first needs a schema (the walk does not).
         */
        public Builder schemas(java.util.function.Supplier<List<Schema>> projectedSoon) {
            this.schemas = projectedSoon;
            return this;
        }

        /** Each revision's hash as computed from what it holds, when the caller works it out meanwhile. */
        public Builder computedHashes(java.util.function.Supplier<List<String>> computedSoon) {
            this.hashes = computedSoon;
            return this;
        }

        /** The declared schema and the file it came from. */
        public Builder models(Schema declared, String file) {
            this.models = declared;
            this.modelsFile = file;
            return this;
        }

        /** The revisions of the base to compare against, for the immutability check. */
        public Builder base(List<Revision> revisionsAtBase) {
            this.base = revisionsAtBase;
            return this;
        }

        /** The revisions at the tip of the branch this change merges into (for the one-head rule), and its name. */
        public Builder target(List<Revision> revisionsAtTarget, String name) {
            this.target = revisionsAtTarget;
            this.targetName = name;
            return this;
        }

        /** Told how many versions the walk has made the round trip of, as it goes (from any thread). */
        public Builder progress(IntConsumer tripsDone) {
            this.progress = Objects.requireNonNull(tripsDone);
            return this;
        }

        /** Where the checks keep their findings about each revision for the next check (null: nowhere). */
        public Builder cache(CheckCache kept) {
            this.cache = kept;
            return this;
        }

        public CheckContext build() {
            return new CheckContext(this);
        }
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
    public synchronized Schema schemaAt(int n) {
        if (schemas == null) {
            List<Schema> all = List.copyOf(projected.get());
            if (all.size() != revisions.size() + 1) {
                throw new IllegalArgumentException(all.size() + " schemas for " + revisions.size() + " revisions");
            }
            schemas = all;
        }
        return schemas.get(n);
    }

    /** Each revision's hash as computed from what it holds (which its stated hash should be). */
    public synchronized List<String> computedHashes() {
        if (computedHashes == null) {
            computedHashes = hashesSoon != null ? hashesSoon.get() : RevisionHasher.hashes(revisions);
            if (computedHashes.size() != revisions.size()) {
                throw new IllegalArgumentException(computedHashes.size() + " hashes for " + revisions.size() + " revisions");
            }
        }
        return computedHashes;
    }

    /** For each revision, a hash of everything it and the revisions before it hold ({@link CacheKeys#revisions}). */
    public synchronized List<byte[]> revisionKeys() {
        if (revisionKeys == null) {
            revisionKeys = CacheKeys.revisions(revisions, computedHashes());
        }
        return revisionKeys;
    }

    /** For each migration pair, in order, a hash of its two scripts, every field the checks read ({@link CacheKeys#script}). */
    public synchronized List<byte[]> scriptKeys() {
        if (scriptKeys == null) {
            scriptKeys = migrations.pairs().stream().map(p -> {
                StringBuilder b = new StringBuilder();
                CacheKeys.script(b, p.up());
                CacheKeys.script(b, p.down());
                return CacheKeys.digest(null, b.toString());
            }).toList();
        }
        return scriptKeys;
    }

    /** For each version, a key of everything that decides the walk's outcome and the live schema after it, or null. */
    public synchronized List<byte[]> versionKeys() {
        if (versionKeys == null) {
            versionKeys = walker.versionKeys(this);
        }
        return versionKeys;
    }

    /** Where the checks keep their findings about each revision, or null. */
    public CheckCache cache() {
        return cache;
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

    /** How a version is named in messages: by its revision's label when it has one. */
    public String label(MigrationPair pair) {
        if (hasEvents() && pair.version() <= revisions.size()) {
            return "revision " + revisions.get(pair.version() - 1).label();
        }
        String tool = pair.toolVersion().equals(String.valueOf(pair.version())) ? "" : pair.toolVersion() + " ";
        return "version " + pair.version() + " (" + tool + pair.description() + ")";
    }

    /** The walk over the history, run on first use. */
    public HistoryWalk walk() {
        if (walk == null) {
            walk = walker.walk(this, progress);
        }
        return walk;
    }
}
