package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.project.ProjectConfig;
import picocli.CommandLine.Command;

/** {@code strata push}: the project's revisions to the registry (CI runs it after merge to main). */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Push the project's revisions to the registry; re-pushing is a no-op, a rewrite is refused.")
public final class PushCommand extends StrataSubcommand {

    @Override
    int execute() {
        ProjectConfig config = config();
        var revisions = project().verifiedRevisions();
        var reply = RegistryCalls.require(RegistryCalls.client(config).push(config.subject(), revisions),
                "pushing " + revisions.size() + " revisions of " + config.subject());
        out().println("pushed " + config.subject() + " to " + config.registry() + ": " + reply.body().strip().replaceAll("\\s+", " "));
        return ExitCode.OK;
    }
}
