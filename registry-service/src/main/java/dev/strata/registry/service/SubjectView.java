package dev.strata.registry.service;

import dev.strata.events.Revision;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Schema;
import dev.strata.registry.domain.SubjectLog;

import java.util.ArrayList;
import java.util.List;

/**
 * One subject's projection: its log fold, its revisions parsed, and a snapshot of the schema after
 * every revision, so a schema query never refolds the history.
 */
public record SubjectView(SubjectLog log, List<Revision> revisions, List<Schema> schemas) {

    public static final SubjectView EMPTY = new SubjectView(SubjectLog.EMPTY, List.of(), List.of(Schema.EMPTY));

    public SubjectView {
        revisions = List.copyOf(revisions);
        schemas = List.copyOf(schemas);
    }

    SubjectView withLog(SubjectLog next) {
        return new SubjectView(next, revisions, schemas);
    }

    SubjectView withRevision(SubjectLog next, Revision r) {
        List<Revision> rs = new ArrayList<>(revisions);
        rs.add(r);
        List<Schema> ss = new ArrayList<>(schemas);
        ss.add(Projection.apply(schemas.get(schemas.size() - 1), r));
        return new SubjectView(next, rs, ss);
    }

    /** The schema after revision {@code n} (0 = empty). */
    public Schema schemaAt(int n) {
        return schemas.get(n);
    }

    public int head() {
        return revisions.size();
    }
}
