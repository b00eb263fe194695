package dev.strata.cli.command;

import dev.strata.events.Revision;
import dev.strata.events.projection.Difference;
import dev.strata.events.projection.Projection;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Schema;

import java.util.List;

/**
 * A live schema judged against the projection at the version its database records: it matches, it is the next
 * revision's (that version ran but was not recorded: interrupted), or it drifted (the differences).
 */
record LiveSchema(int version, Integer interrupted, List<Difference> drift) {

    LiveSchema {
        drift = List.copyOf(drift);
    }

    /** @param shown how the database is named in the differences */
    static LiveSchema judge(List<Revision> revisions, int version, Schema live, String shown) {
        List<Difference> drift = significant(Projection.schemaAt(revisions, version), live, "revision " + version, shown);
        if (drift.isEmpty()) {
            return new LiveSchema(version, null, List.of());
        }
        if (version < revisions.size() && significant(Projection.schemaAt(revisions, version + 1), live, "", "").isEmpty()) {
            return new LiveSchema(version, version + 1, List.of());
        }
        return new LiveSchema(version, null, drift);
    }

    private static List<Difference> significant(Schema expected, Schema live, String expectedName, String liveName) {
        return SchemaDiff.differences(expected, live, expectedName, liveName).stream().filter(d -> !d.informational()).toList();
    }
}
