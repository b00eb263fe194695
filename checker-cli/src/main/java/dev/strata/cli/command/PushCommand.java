package dev.strata.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        var client = RegistryCalls.client(config);
        var reply = RegistryCalls.require(client.push(config.subject(), revisions),
                "pushing " + revisions.size() + " revisions of " + config.subject());
        out().println("pushed " + config.subject() + " to " + config.registry() + ": " + summary(reply.body()));
        RegistryCalls.keepCheckpoint(config, client, reply, out());
        return ExitCode.OK;
    }

    /** The reply without its checkpoint (reported on its own line), on one line: {@code { "added" : 12, "head" : 12 }}. */
    private static String summary(String body) {
        try {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            JsonNode reply = json.readTree(body);
            if (reply instanceof ObjectNode o) {
                o.remove("checkpoint");
            }
            return json.writeValueAsString(reply).replaceAll("\\s+", " ");
        } catch (JsonProcessingException e) {
            return body.strip().replaceAll("\\s+", " ");
        }
    }
}
