package dev.strata.cli.command;

import dev.strata.cli.ops.LiveDatabase;
import dev.strata.cli.ops.StoredUndo;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.events.Revision;
import dev.strata.events.projection.Difference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The health check after a deploy, as {@code strata verify} prints it: the file is sound, no row breaks a
 * foreign key, the live schema is the recorded revision's, nothing is pending, and every stored undo script
 * still matches its hash. It passes only when every item does.
 */
record Verification(int version, List<Item> items) {

    /** One thing verified, with what was found. */
    record Item(String name, boolean passed, String found) {
    }

    Verification {
        items = List.copyOf(items);
    }

    static Verification of(ProjectConfig config, List<Revision> revisions, MigrationFolder folder, LiveDatabase db) {
        int version = db.currentVersion();
        List<Item> items = new ArrayList<>();
        List<String> integrity = db.integrityProblems();
        items.add(new Item("integrity", integrity.isEmpty(), integrity.isEmpty() ? "PRAGMA integrity_check: ok" : String.join("; ", integrity)));
        List<String> keys = db.foreignKeyViolations();
        items.add(new Item("foreign-keys", keys.isEmpty(), keys.isEmpty() ? "PRAGMA foreign_key_check: no violations"
                : keys.size() + " row(s) point at no parent: " + String.join(", ", keys.subList(0, Math.min(5, keys.size())))));
        items.add(schema(config, revisions, db, version));
        int head = folder.pairs().isEmpty() ? 0 : folder.pairs().get(folder.pairs().size() - 1).version();
        List<String> pending = folder.pairs().stream().filter(p -> p.version() > version).map(p -> p.up().name()).toList();
        items.add(new Item("pending", pending.isEmpty(), pending.isEmpty() ? "nothing pending (head " + head + ")"
                : pending.size() + " pending: " + String.join(", ", pending)));
        items.add(undo(db, folder, version));
        return new Verification(version, items);
    }

    private static Item schema(ProjectConfig config, List<Revision> revisions, LiveDatabase db, int version) {
        if (revisions.isEmpty()) {
            return new Item("schema", true, "not compared: the project has no events to project a schema from");
        }
        if (version > revisions.size()) {
            return new Item("schema", false, Operations.ahead(version, revisions.size()));
        }
        LiveSchema live = LiveSchema.judge(revisions, version, db.schema(), config.show(db.file()));
        if (live.interrupted() != null) {
            return new Item("schema", false, Operations.interruptedMessage(live.interrupted(), revisions));
        }
        return new Item("schema", live.drift().isEmpty(), live.drift().isEmpty() ? "the live schema matches revision " + version
                : "differs from revision " + version + ": " + String.join("; ", live.drift().stream().map(Difference::message).toList()));
    }

    private static Item undo(LiveDatabase db, MigrationFolder folder, int version) {
        Map<Integer, StoredUndo> stored = db.storedUndo();
        List<String> changed = stored.values().stream().filter(u -> !u.intact()).map(u -> "version " + u.version()).toList();
        if (!changed.isEmpty()) {
            return new Item("undo", false, "the stored undo scripts of " + String.join(", ", changed) + " do not match their hashes");
        }
        long missing = folder.pairs().stream().map(MigrationPair::version).filter(v -> v <= version && !stored.containsKey(v)).count();
        return new Item("undo", true, stored.size() + " stored undo script(s) match their hashes"
                + (missing == 0 ? "" : "; " + missing + " applied version(s) have none stored (applied by another tool), so"
                + " their downgrade needs this checkout's U files"));
    }

    boolean passed() {
        return items.stream().allMatch(Item::passed);
    }

    /** One line for the registry: {@code passed} or {@code failed: pending, schema}. */
    String summary() {
        return passed() ? "passed" : "failed: " + String.join(", ", items.stream().filter(i -> !i.passed()).map(Item::name).toList());
    }
}
