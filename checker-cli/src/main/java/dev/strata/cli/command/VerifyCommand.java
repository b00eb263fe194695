package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.ops.LiveDatabase;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.ProjectConfig;
import picocli.CommandLine.Command;

/** {@code strata verify}: the health check after a deploy; exit 0 only when every item holds. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Health check after a deploy: integrity, foreign keys, live schema = recorded revision, nothing pending,"
                + " stored undo scripts intact. Exit 0 only when all hold.")
public final class VerifyCommand extends StrataSubcommand {

    @Override
    int execute() {
        ProjectConfig config = config();
        LiveDatabase db = Operations.database(config);
        if (!db.exists()) {
            throw new InvalidInputException(config.show(db.file()) + ": no such database; nothing to verify (run strata upgrade first)");
        }
        Verification v = Verification.of(config, project().verifiedRevisions(), Operations.flywayMigrations(config), db);
        for (Verification.Item item : v.items()) {
            out().println((item.passed() ? "ok      " : "FAILED  ") + item.name() + ": " + item.found());
        }
        out().println(v.passed() ? "verified " + config.show(db.file()) + " at revision " + v.version()
                : "verify failed for " + config.show(db.file()) + " at revision " + v.version() + " (" + v.summary() + ")");
        return v.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
