package dev.strata.cli.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import dev.strata.events.Revision;
import dev.strata.events.json.ModelsYaml;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.projection.Projection;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real git repositories with branches and tags: immutability against a base, two heads and rebase, release gates. */
class GitWorkflowTest {

    @TempDir
    Path repoDir;

    private Git git;
    private Path project;
    private List<Revision> all;

    private static final PersonIdent ME = new PersonIdent("Test", "test@example.com");

    @BeforeEach
    void a_repository_whose_main_has_revisions_1_to_8_tagged_v0_2_0() throws Exception {
        git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call();
        project = ExampleProject.copyTo(repoDir.resolve("app"));
        all = RevisionFiles.readAll(project.resolve("schema/events"), "schema/events");
        keepRevisions(8);
        commit("revisions 1 to 8");
        git.tag().setName("v0.2.0").setAnnotated(true).setMessage("release 0.2.0").setTagger(ME).call();
    }

    /** Leaves revisions 1..n (events, migrations, models at n) in the project. */
    private void keepRevisions(int n) throws Exception {
        for (Revision r : all) {
            Path event = project.resolve("schema/events").resolve(r.eventFileName());
            Path up = project.resolve("db/migration").resolve(r.upgradeFileName());
            Path down = project.resolve("db/migration").resolve(r.downgradeFileName());
            if (r.number() > n) {
                Files.deleteIfExists(event);
                Files.deleteIfExists(up);
                Files.deleteIfExists(down);
                Files.deleteIfExists(up.resolveSibling(up.getFileName() + ".conf"));
                Files.deleteIfExists(down.resolveSibling(down.getFileName() + ".conf"));
            } else if (!Files.exists(event)) {
                Path source = ExampleProject.SOURCE;
                Files.copy(source.resolve("schema/events").resolve(r.eventFileName()), event);
                try (Stream<Path> files = Files.list(source.resolve("db/migration"))) {
                    for (Path f : files.filter(f -> f.getFileName().toString().matches("[VU]" + r.number() + "__.*")).toList()) {
                        Files.copy(f, project.resolve("db/migration").resolve(f.getFileName()));
                    }
                }
            }
        }
        Files.writeString(project.resolve("schema/models.yaml"), ModelsYaml.write(Projection.schemaAt(all, n)));
    }

    private void commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        git.commit().setMessage(message).setAuthor(ME).setCommitter(ME).call();
    }

    private Cli strata(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "-C";
        full[1] = project.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return Cli.run(full);
    }

    private static boolean hasFinding(Cli cli, String check, String text) throws Exception {
        JsonNode report = new ObjectMapper().readTree(cli.out());
        for (JsonNode f : report.get("findings")) {
            if (f.get("check").asText().equals(check) && f.get("message").asText().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void a_branch_that_only_adds_a_revision_passes_against_main() throws Exception {
        git.checkout().setCreateBranch(true).setName("feature").call();
        keepRevisions(9);
        commit("add revision 9");

        Cli cli = strata("check", "--base", "main", "--format", "json");

        assertEquals(0, cli.exit(), cli.toString());
    }

    @Test
    void a_branch_that_edits_a_released_revision_fails_naming_it() throws Exception {
        git.checkout().setCreateBranch(true).setName("feature").call();
        Path r3 = project.resolve("schema/events/0003-create-watchlists.json");
        Files.writeString(r3, Files.readString(r3).replace("Create watchlists", "Create watch lists"));
        commit("edit revision 3");

        Cli cli = strata("check", "--base", "main", "--format", "json");

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(hasFinding(cli, "immutability", "revision 3 (create-watchlists) was changed since the base: message"), cli.out());
    }

    @Test
    void two_branches_that_each_add_a_revision_give_two_heads_and_rebase_fixes_it() throws Exception {
        git.checkout().setCreateBranch(true).setName("feature").call();
        Files.writeString(project.resolve("schema/models.yaml"), Files.readString(project.resolve("schema/models.yaml"))
                .replace("      listed_on: TEXT\n", "      listed_on: TEXT\n      country: TEXT\n"));
        assertEquals(0, strata("revision", "-m", "Add country", "--autogenerate", "--author", "B").exit());
        commit("feature: revision 9 adds country");
        git.checkout().setName("main").call();
        keepRevisions(9);
        commit("main: revision 9 creates industries");
        git.checkout().setName("feature").call();
        git.merge().include(git.getRepository().resolve("main")).setMessage("merge main").call();

        Cli twoHeads = strata("check", "--base", "main", "--format", "json");
        Cli rebase = strata("rebase", "main");
        Cli after = strata("check", "--base", "main", "--format", "json");

        assertEquals(2, twoHeads.exit(), "two files hold revision 9 after the merge: " + twoHeads);
        assertTrue(twoHeads.err().contains("two files hold revision 9"), twoHeads.err());
        assertEquals(0, rebase.exit(), rebase.toString());
        assertTrue(rebase.out().contains("revision 9 (add-country) is now 10 (add-country)"), rebase.out());
        assertTrue(Files.exists(project.resolve("db/migration/V10__add_country.sql")));
        assertEquals(0, after.exit(), after.toString());
    }

    @Test
    void a_branch_behind_main_with_its_own_revision_9_reports_two_heads() throws Exception {
        git.checkout().setCreateBranch(true).setName("feature").call();
        Files.writeString(project.resolve("schema/models.yaml"), Files.readString(project.resolve("schema/models.yaml"))
                .replace("      listed_on: TEXT\n", "      listed_on: TEXT\n      country: TEXT\n"));
        assertEquals(0, strata("revision", "-m", "Add country", "--autogenerate", "--author", "B").exit());
        commit("feature: revision 9 adds country");
        git.checkout().setName("main").call();
        keepRevisions(9);
        commit("main: revision 9 creates industries");
        git.checkout().setName("feature").call();

        Cli cli = strata("check", "--base", "main", "--format", "json");

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(hasFinding(cli, "history", "two heads: revision 9 is 9 (add-country) on this branch but 9 (create-industries-table) on main"), cli.out());
    }

    @Test
    void the_gate_opens_for_the_first_release() {
        Cli cli = strata("gate", "v0.2.0");

        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("gate v0.2.0: OPEN; deploys revisions 1..8"), cli.out());
    }

    @Test
    void the_gate_opens_for_a_clean_tag_and_its_plan_lists_exactly_the_new_revisions() throws Exception {
        keepRevisions(12);
        commit("revisions 9 to 12");
        git.tag().setName("v0.2.1").setAnnotated(false).call();
        Path plan = repoDir.resolve("plan.md");

        Cli cli = strata("gate", "v0.2.1", "--plan", plan.toString());

        assertEquals(0, cli.exit(), cli.toString());
        JsonNode json = new ObjectMapper().readTree(Files.readString(repoDir.resolve("plan.json")));
        assertEquals("v0.2.0", json.get("previousTag").asText());
        assertEquals(List.of(9, 10, 11, 12), json.get("revisions").findValuesAsText("revision").stream().map(Integer::valueOf).toList());
        assertTrue(Files.readString(plan).contains("strata downgrade 8"), Files.readString(plan));
        assertTrue(json.get("revisions").get(2).get("risks").toString().contains("rebuild-referenced-table"), json.toString());
    }

    @Test
    void the_gate_closes_when_a_revision_released_earlier_was_rewritten() throws Exception {
        keepRevisions(12);
        Path r3 = project.resolve("schema/events/0003-create-watchlists.json");
        Files.writeString(r3, Files.readString(r3).replace("Create watchlists", "Create watch lists"));
        commit("rewrite revision 3");
        git.tag().setName("v0.2.1").setAnnotated(true).setMessage("0.2.1").setTagger(ME).call();

        Cli cli = strata("gate", "v0.2.1");

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("closed because immutability: revision 3 (create-watchlists) released in v0.2.0 was changed"), cli.out());
    }

    @Test
    void the_gate_closes_when_a_revision_released_earlier_was_removed() throws Exception {
        keepRevisions(7);
        commit("remove revision 8");
        git.tag().setName("v0.2.1").setAnnotated(true).setMessage("0.2.1").setTagger(ME).call();

        Cli cli = strata("gate", "v0.2.1");

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("\n  closed because immutability: revision 8 (store-volume-as-a-non-negative-integer) released in v0.2.0"
                + " was removed\n"), cli.out());
    }

    @Test
    void the_gate_closes_when_a_revision_released_earlier_was_renamed() throws Exception {
        Path r3 = project.resolve("schema/events/0003-create-watchlists.json");
        Files.writeString(project.resolve("schema/events/0003-watchlists.json"),
                Files.readString(r3).replace("\"slug\": \"create-watchlists\"", "\"slug\": \"watchlists\""));
        Files.delete(r3);
        commit("rename revision 3");
        git.tag().setName("v0.2.1").setAnnotated(true).setMessage("0.2.1").setTagger(ME).call();

        Cli cli = strata("gate", "v0.2.1");

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("\n  closed because immutability: revision 3 (create-watchlists) released in v0.2.0 was changed"),
                cli.out());
    }

    @Test
    void a_gate_that_fails_on_the_tree_at_the_tag_leaves_no_exported_tree_behind() throws Exception {
        String marker = "# gate export " + java.util.UUID.randomUUID();
        Files.writeString(project.resolve("strata.yaml"), Files.readString(project.resolve("strata.yaml")) + marker + "\n");
        Files.writeString(project.resolve("schema/models.yaml"), "tables: [this is not a table\n");
        commit("break the models");
        git.tag().setName("v0.2.1").setAnnotated(true).setMessage("0.2.1").setTagger(ME).call();

        Cli cli = strata("gate", "v0.2.1");

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("schema/models.yaml"), cli.err());
        try (Stream<Path> exports = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            List<Path> left = exports.filter(p -> p.getFileName().toString().startsWith("strata-gate"))
                    .filter(p -> holds(p.resolve("app/strata.yaml"), marker)).toList();
            assertEquals(List.of(), left);
        }
    }

    private static boolean holds(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void version_tags_sort_by_semantic_version() throws Exception {
        for (String t : List.of("v0.10.0", "v0.9.1", "not-a-version", "1.0.0")) {
            git.tag().setName(t).call();
        }

        try (GitRepository repo = GitRepository.find(project)) {
            assertEquals(List.of("v0.2.0", "v0.9.1", "v0.10.0", "1.0.0"), repo.versionTags().stream().map(VersionTag::name).toList());
        }
    }
}
