package dev.strata.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import dev.strata.events.Revision;
import dev.strata.events.checkpoint.Checkpoint;
import dev.strata.events.checkpoint.SigningKey;
import dev.strata.events.json.CheckpointJson;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.json.RevisionHasher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Truncation is detectable (docs/registry.md, "Checkpoints"): push keeps the registry's signed checkpoint, and after
 * someone deletes or rewrites the newest rows of the registry's SQLite file, {@code strata audit} fails naming the
 * subject and the event, although the registry's own hash chain still verifies.
 */
class CheckpointAuditTest {

    private static final String TAG = "{\"tag\":\"v1.0.0\",\"revision\":12,\"commit\":\"0123abc\",\"by\":\"ci\"}";

    @TempDir
    Path dir;

    private Path project;
    private RegistryProcess registry;

    @BeforeEach
    void start() throws Exception {
        project = ExampleProject.copyTo(dir.resolve("project"));
        registry = new RegistryProcess(dir.resolve("data")).start();
    }

    @AfterEach
    void stop() throws Exception {
        registry.close();
    }

    private CliProcess push() throws Exception {
        return CliProcess.run("-C", project.toString(), "--registry", registry.url(), "push");
    }


    private void restartAfter(ThrowingStep edit) throws Exception {
        registry.stop();
        edit.run();
        registry.start();
    }

    private interface ThrowingStep {
        void run() throws Exception;
    }

    @Test
    void push_keeps_the_signed_checkpoint_and_pins_the_registrys_key() throws Exception {

        CliProcess pushed = push();

        assertEquals(0, pushed.exit(), pushed.toString());
        JsonNode served = new ObjectMapper().readTree(registry.get("/v1/signing-key").body());
        JsonNode pinned = new ObjectMapper().readTree(Files.readString(project.resolve(".strata/registry-key.json")));
        assertEquals(served.get("keyId").asText(), pinned.get("keyId").asText());
        Checkpoint c = RegistryProcess.kept(project);
        assertEquals(12, c.version());
        assertEquals(12, c.events());
        assertTrue(c.signedBy(SigningKey.publicKey(pinned.get("publicKey").asText(), "pin")));
        assertTrue(pushed.output().contains("kept the registry's checkpoint (stock-analyzer revision 12, event 12, signed "), pushed.output());
    }

    @Test
    void an_untouched_registry_extends_the_kept_checkpoint() throws Exception {
        registry.pushAndKeep(project);
        registry.post("/v1/subjects/stock-analyzer/tags", TAG);

        Cli cli = registry.audit(project);

        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("checkpoint .strata/checkpoints/stock-analyzer.json (stock-analyzer revision 12, event 12, signed "),
                cli.out());
        assertTrue(cli.out().contains("): the registry's log extends it\naudit passed\n"), cli.out());
    }

    @Test
    void deleting_the_newest_revisions_fails_the_audit_naming_subject_and_version() throws Exception {
        registry.pushAndKeep(project);
        Checkpoint before = RegistryProcess.kept(project);

        restartAfter(() -> registry.truncate("stock-analyzer", 11));
        Cli cli = registry.audit(project);

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("registry chain verified: 10 events of stock-analyzer"), "the hash chain alone sees nothing: " + cli.out());
        assertTrue(cli.out().contains("  stock-analyzer event 12 (revision 12): missing; the registry's log ends at event 10 (revision 10)"
                + " but checkpoint .strata/checkpoints/stock-analyzer.json signed at " + before.issuedAt() + " saw 12 events, the last with"
                + " hash " + before.head() + ": the newest 2 event(s) were deleted\n"), cli.out());
        assertTrue(cli.out().endsWith("audit FAILED: 1 problem(s); the audit wrote nothing\n"), cli.out());
    }

    @Test
    void deleting_only_the_newest_tag_is_detected_too() throws Exception {
        registry.pushAndKeep(project);
        registry.post("/v1/subjects/stock-analyzer/tags", TAG);
        registry.pushAndKeep(project);

        restartAfter(() -> registry.truncate("stock-analyzer", 13));
        Cli cli = registry.audit(project);

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("  stock-analyzer event 13 (revision 12): missing; the registry's log ends at event 12 (revision 12)"),
                cli.out());
    }

    @Test
    void rewriting_the_newest_revision_fails_the_audit_with_both_hashes() throws Exception {
        registry.pushAndKeep(project);
        Checkpoint before = RegistryProcess.kept(project);
        List<Revision> revisions = RevisionFiles.readAll(project.resolve("schema/events"), "schema/events");
        Revision twelve = revisions.get(11);
        Revision other = RevisionHasher.seal(new Revision(12, twelve.slug(), "a different revision 12", twelve.author(),
                twelve.timestamp(), twelve.parent(), twelve.events(), null));
        List<Revision> rewritten = new ArrayList<>(revisions.subList(0, 11));
        rewritten.add(other);

        restartAfter(() -> registry.truncate("stock-analyzer", 12));
        assertEquals(201, registry.push("stock-analyzer", rewritten).statusCode());
        Cli cli = registry.audit(project);

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("  stock-analyzer event 12 (revision 12): rewritten; the registry holds hash "), cli.out());
        assertTrue(cli.out().contains("  stock-analyzer revision 12: rewritten; the registry holds hash " + other.hash() + " but checkpoint"
                + " .strata/checkpoints/stock-analyzer.json signed at " + before.issuedAt() + " hash " + twelve.hash() + "\n"), cli.out());
    }
}
