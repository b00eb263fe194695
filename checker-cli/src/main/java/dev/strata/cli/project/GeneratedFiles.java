package dev.strata.cli.project;

import dev.strata.events.Revision;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqliteDialect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The migration files a history projects to: file name to content, V, U and Flyway .conf files. */
public final class GeneratedFiles {

    private GeneratedFiles() {
    }

    /** @param eventsFolder the folder of the revision files as shown in the files' header ({@code schema/events}) */
    public static Map<String, String> of(List<Revision> revisions, String eventsFolder) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Schema> schemas = Projection.schemas(revisions);
        for (Revision r : revisions) {
            Schema before = schemas.get(r.number() - 1);
            out.put(r.upgradeFileName(), SqliteDialect.upgradeFile(r, before, eventsFolder));
            SqliteDialect.flywayScriptConfig(SqliteDialect.upgrade(before, r)).ifPresent(c -> out.put(r.upgradeFileName() + ".conf", c));
            out.put(r.downgradeFileName(), SqliteDialect.downgradeFile(r, before, eventsFolder));
            SqliteDialect.flywayScriptConfig(SqliteDialect.downgrade(before, r)).ifPresent(c -> out.put(r.downgradeFileName() + ".conf", c));
        }
        return out;
    }

    /** Whether a file name is one strata generates (V/U migrations and their .conf companions). */
    public static boolean isMigrationFile(String name) {
        return name.matches("[VU]\\d+__.+\\.sql(\\.conf)?");
    }
}
