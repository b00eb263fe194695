package dev.strata.cli.check;

import dev.strata.cli.project.GeneratedFiles;
import dev.strata.events.Revision;
import dev.strata.events.SqlExecuted;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.json.RevisionHasher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The same broken histories as {@link BrokenFlywayFolderTest}, recorded as revisions whose events are
 * {@code SqlExecuted} with the same up and down SQL: they must fail the same checks the same way.
 */
class BrokenEventHistoryTest extends BrokenFlywayFolderTest {

    @Override
    Path folder(String v2, String u2) throws Exception {
        Path m = super.folder(v2, u2 == null ? "SELECT 1;\n" : u2);
        Revision r1 = RevisionHasher.seal(new Revision(1, "base", "Base", "test", Instant.EPOCH, null,
                List.of(new SqlExecuted("base schema", Files.readString(m.resolve("V1__base.sql")), Files.readString(m.resolve("U1__base.sql")))), null));
        Revision r2 = RevisionHasher.seal(new Revision(2, "change", "Change", "test", Instant.EPOCH, r1.hash(),
                List.of(new SqlExecuted("the change", v2, u2 == null ? "SELECT 1;" : u2)), null));
        for (Revision r : List.of(r1, r2)) {
            RevisionFiles.write(dir.resolve("schema/events"), r);
        }
        for (Map.Entry<String, String> f : GeneratedFiles.of(List.of(r1, r2)).entrySet()) {
            Files.writeString(m.resolve(f.getKey()), f.getValue());
        }
        if (u2 == null) {
            Files.delete(m.resolve("U2__change.sql"));
        }
        return m;
    }

    @Override
    void models_that_differ_by_a_column_and_an_index_are_listed() {
        // SqlExecuted does not change the projected schema, so models compare against structural events:
        // EventProjectCheckTest covers models that differ by a column and by an index.
    }
}
