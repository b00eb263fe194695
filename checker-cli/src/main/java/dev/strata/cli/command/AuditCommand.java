package dev.strata.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.ExitCode;
import dev.strata.cli.OperationFailedException;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.events.Revision;
import dev.strata.events.json.HistoryProblem;
import dev.strata.events.json.HistoryVerifier;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code strata audit}: verify the hash chain, of the local revisions or of the registry's log (--registry). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify the hash chain: of the local revision files, or with --registry of the registry's log.")
public final class AuditCommand extends StrataSubcommand {

    @Override
    int execute() {
        ProjectConfig config = config();
        if (config.registry() == null) {
            List<Revision> revisions = project().revisions();
            List<HistoryProblem> problems = HistoryVerifier.verify(revisions, config.show(config.events()));
            problems.forEach(p -> out().println(p.file() + ": " + p.message()));
            out().println(problems.isEmpty() ? "chain verified: " + revisions.size() + " revisions" + (revisions.isEmpty() ? ""
                    : ", head " + revisions.get(revisions.size() - 1).hash()) : problems.size() + " problem(s) in the chain");
            return problems.isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
        var reply = RegistryCalls.require(RegistryCalls.client(config).audit(config.subject()), "auditing " + config.subject());
        try {
            JsonNode audit = new ObjectMapper().readTree(reply.body());
            audit.get("problems").forEach(p -> out().println(config.subject() + " version " + p.get("version").asLong() + ": "
                    + p.get("message").asText()));
            boolean verified = audit.get("verified").asBoolean();
            out().println((verified ? "registry chain verified: " : "registry chain BROKEN: ") + audit.get("events").asLong()
                    + " events of " + config.subject() + ", head " + audit.get("head").asText());
            return verified ? ExitCode.OK : ExitCode.CHECK_FAILED;
        } catch (java.io.IOException | NullPointerException e) {
            throw new OperationFailedException("the registry's audit of " + config.subject() + " is not the expected JSON: " + e.getMessage(), e);
        }
    }
}
