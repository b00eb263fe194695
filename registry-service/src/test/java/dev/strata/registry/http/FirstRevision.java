package dev.strata.registry.http;

import dev.strata.events.Revision;
import dev.strata.events.Subject;
import dev.strata.events.json.RevisionFiles;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.sqlite.SqliteEventStore;

import java.nio.file.Path;
import java.util.List;

/** Test fixture: subjects that exist, given the example's first revision, since a tag names a revision of a subject that exists. */
final class FirstRevision {

    private FirstRevision() {
    }

    static void push(Path db, List<Subject> subjects) {
        List<Revision> first = RevisionFiles.readAll(
                Path.of("..", "examples", "stock-analyzer", "schema", "events").toAbsolutePath().normalize(), "schema/events").subList(0, 1);
        try (SqliteEventStore store = SqliteEventStore.open(db); Registry registry = new Registry(store)) {
            subjects.forEach(s -> registry.push(s, first));
        }
    }
}
