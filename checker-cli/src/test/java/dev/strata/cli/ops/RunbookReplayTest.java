package dev.strata.cli.ops;

import dev.strata.cli.Cli;
import dev.strata.cli.TaggedExample;
import dev.strata.events.projection.Projection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The team's runbook played end to end on a clone standing in for the Raspberry Pi: deploy a tag, verify,
 * roll back from the old checkout, restore. The transcript is written to target/runbook-replay.txt.
 */
class RunbookReplayTest {

    @TempDir
    Path dir;

    private Path pi;
    private final StringBuilder transcript = new StringBuilder();

    private Cli strata(int expectedExit, String... args) {
        Cli cli = Cli.in(pi, args);
        transcript.append("$ strata ").append(String.join(" ", args)).append('\n').append(cli.out()).append(cli.err())
                .append("[exit ").append(cli.exit()).append("]\n\n");
        assertEquals(expectedExit, cli.exit(), cli.toString());
        return cli;
    }

    private void git(String tag) throws Exception {
        TaggedExample.checkout(pi, tag);
        transcript.append("$ git checkout ").append(tag).append("\n\n");
    }

    private void sql(String statement) throws Exception {
        try (var c = new LiveDatabase(pi.resolve("data/stock_data.db")).connect(); var st = c.createStatement()) {
            st.execute(statement);
        }
        transcript.append("$ sqlite3 data/stock_data.db \"").append(statement).append("\"\n\n");
    }

    private long count(String table) throws Exception {
        try (var c = new LiveDatabase(pi.resolve("data/stock_data.db")).connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.getLong(1);
        }
    }

    @Test
    void deploy_a_tag_verify_roll_back_from_the_old_checkout_and_restore() throws Exception {
        try (TaggedExample example = TaggedExample.create(dir.resolve("origin"), "v0.2.0", 8, "v0.3.0", 12)) {
            pi = example.cloneTo(dir.resolve("pi"));
            git("v0.2.0");
            strata(0, "upgrade");
            sql("INSERT INTO companies (symbol, name, industry_code) VALUES ('AAPL', 'Apple', 'TECH')");
            sql("INSERT INTO daily_prices (symbol, date, close_price, volume) VALUES ('AAPL', '2026-03-02', 190.5, 1000)");

            // deploy v0.3.0
            strata(0, "backup", "--name", "before-v0.3.0");
            git("v0.3.0");
            strata(0, "upgrade");
            strata(0, "verify");

            // the code is rolled back first, as happened in production
            git("v0.2.0");
            Cli ahead = strata(1, "upgrade");
            assertTrue(ahead.err().contains("the database is at 12, ahead of this checkout (head 8); `strata downgrade 8` rolls it back"
                    + " using the undo scripts stored in the database"), ahead.err());
            strata(0, "downgrade", "8");
            strata(0, "verify");
            assertEquals(Projection.schemaAt(example.revisions(), 8), new LiveDatabase(pi.resolve("data/stock_data.db")).schema());
            assertEquals(1, count("daily_prices"));

            // back to the backup exactly; the row written since is kept in the copy restore makes first
            sql("INSERT INTO companies (symbol, name) VALUES ('MSFT', 'Microsoft')");
            Cli restore = strata(0, "restore", "backup/stock_data.before-v0.3.0.db");
            assertTrue(restore.out().contains("backed up the database it replaces to backup/stock_data.before-restore-"), restore.out());
            strata(0, "verify");
            assertEquals(1, count("companies"));
        } finally {
            Path out = Path.of("target", "runbook-replay.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, transcript.toString().replace(dir.toString(), "<tmp>"));
        }
    }
}
