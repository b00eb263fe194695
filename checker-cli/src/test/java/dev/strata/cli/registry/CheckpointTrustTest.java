package dev.strata.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.Cli;
import dev.strata.cli.TaggedExample;
import dev.strata.events.Revision;
import dev.strata.events.checkpoint.Checkpoint;
import dev.strata.events.checkpoint.SigningKey;
import dev.strata.events.json.CheckpointJson;
import dev.strata.events.json.RevisionHasher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which checkpoints and keys {@code strata audit} trusts, the gate's checkpoint in the deploy plan, and
 * {@code --against-git}: on a real git repository with version tags and the real registry.
 */
class CheckpointTrustTest {

    @TempDir
    Path dir;

    private TaggedExample example;
    private Path project;
    private RegistryProcess registry;

    @BeforeEach
    void start() throws Exception {
        example = TaggedExample.create(dir.resolve("repo"), "v0.2.0", 8, "v0.3.0", 12);
        project = example.project();
        registry = new RegistryProcess(dir.resolve("data")).start();
    }

    @AfterEach
    void stop() throws Exception {
        registry.close();
        example.close();
    }


    private String pinnedKeyId() throws Exception {
        return new ObjectMapper().readTree(Files.readString(project.resolve(".strata/registry-key.json"))).get("keyId").asText();
    }

    @Test
    void a_checkpoint_with_a_forged_signature_fails_the_audit() throws Exception {
        registry.pushAndKeep(project);
        Checkpoint c = RegistryProcess.kept(project);
        byte[] forged = new byte[64];
        Checkpoint forgery = new Checkpoint(c.subject(), c.version(), c.hash(), c.events(), c.head(), c.issuedAt(), c.keyId(),
                Base64.getEncoder().encodeToString(forged));
        Files.writeString(project.resolve("forged.json"), CheckpointJson.write(forgery));

        Cli cli = registry.audit(project, "--checkpoint", "forged.json");

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("  checkpoint forged.json (" + c.describe() + ") has a signature that does not verify with the pinned"
                + " key " + pinnedKeyId() + ": it was altered or forged; take the checkpoint again from the deploy plan or CI artifact it"
                + " came from\n"), cli.out());
        assertTrue(cli.out().contains("the registry's log extends it"), "the kept, genuine checkpoint is still checked: " + cli.out());
    }

    @Test
    void a_checkpoint_signed_by_another_key_fails_the_audit() throws Exception {
        registry.pushAndKeep(project);
        Checkpoint c = RegistryProcess.kept(project);
        SigningKey other = SigningKey.generate();
        Files.writeString(project.resolve("other.json"), CheckpointJson.write(
                Checkpoint.sign(c.subject(), c.version(), c.hash(), c.events(), c.head(), c.issuedAt(), other)));

        Cli cli = registry.audit(project, "--checkpoint", "other.json");

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("  checkpoint other.json (" + c.describe() + ") is signed by key " + other.keyId() + ", not by the"
                + " pinned key " + pinnedKeyId() + ": it comes from another registry or key; ask the registry's operator before trusting it\n"),
                cli.out());
    }

    @Test
    void a_registry_that_changed_keys_is_refused_with_what_to_do() throws Exception {
        registry.pushAndKeep(project);
        assertEquals(0, registry.audit(project).exit());
        String pinned = pinnedKeyId();

        registry.stop();
        Files.delete(dir.resolve("data/signing-key.pem"));
        registry.start();
        String now = new ObjectMapper().readTree(registry.get("/v1/signing-key").body()).get("keyId").asText();
        Cli cli = registry.audit(project);

        assertEquals(1, cli.exit(), cli.toString());
        assertEquals("error: the registry at " + registry.url() + "/ signs with key " + now + " but this project pinned " + pinned
                + " in .strata/registry-key.json on first use. A registry that changed keys is suspicious: it may be another registry,"
                + " or one rebuilt without its history. Ask its operator; only if they confirm they rotated the key, delete"
                + " .strata/registry-key.json and run strata audit again to pin the new one. Nothing was written to .strata/.\n", cli.err());
        assertEquals(pinned, pinnedKeyId());
    }

    @Test
    void the_gate_writes_the_registrys_checkpoint_into_the_deploy_plan_and_audit_accepts_the_plan() throws Exception {
        registry.pushAndKeep(project);

        CliProcess gate = CliProcess.run("-C", project.toString(), "--registry", registry.url(), "gate", "v0.3.0", "--plan", "plan.md");

        assertEquals(0, gate.exit(), gate.toString());
        JsonNode plan = new ObjectMapper().readTree(Files.readString(project.resolve("plan.json")));
        Checkpoint inPlan = CheckpointJson.read(plan, "plan.json");
        assertEquals(13, inPlan.events(), "the release is event 13, after 12 revisions");
        assertEquals(12, inPlan.version());
        assertEquals(RegistryProcess.kept(project), inPlan);
        assertTrue(Files.readString(project.resolve("plan.md")).contains("## Registry checkpoint"));
        Cli cli = registry.audit(project, "--checkpoint", "plan.json");
        assertEquals(0, cli.exit(), cli.toString());
    }

    @Test
    void against_git_reports_a_released_revision_the_registry_holds_differently() throws Exception {
        List<Revision> revisions = new ArrayList<>(example.revisions().subList(0, 11));
        Revision twelve = example.revisions().get(11);
        Revision other = RevisionHasher.seal(new Revision(12, twelve.slug(), "not what v0.3.0 released", twelve.author(),
                twelve.timestamp(), twelve.parent(), twelve.events(), null));
        revisions.add(other);
        assertEquals(201, registry.push("stock-analyzer", revisions).statusCode());

        Cli cli = registry.audit(project, "--against-git", "main");

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("released revisions: 2 version tag(s) reachable from main compared with the registry\n"), cli.out());
        assertTrue(cli.out().contains("  tag v0.3.0: revision " + twelve.label() + " differs (git: " + RevisionHasher.hash(twelve)
                + ", registry: " + other.hash() + ")\n"), cli.out());
        assertTrue(!cli.out().contains("tag v0.2.0:"), "revisions 1..8 of v0.2.0 are in the registry unchanged: " + cli.out());
        assertTrue(cli.out().endsWith("audit FAILED: 1 problem(s); the audit wrote nothing\n"), cli.out());
    }
}
