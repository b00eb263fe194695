package dev.strata.cli.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The CI templates are valid YAML, and the exact strata commands they run pass on the example in a real repository. */
class CiTemplatesTest {

    private static final Path CI = Path.of("..", "ci").toAbsolutePath().normalize();

    @TempDir
    Path repo;

    /** The strata command lines of every {@code run:} (GitHub) and {@code script:} (GitLab) step. */
    private static List<String> strataCommands(JsonNode node, List<String> out) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("run") || field.getKey().equals("script")) {
                List<JsonNode> lines = new ArrayList<>();
                if (field.getValue().isArray()) {
                    field.getValue().forEach(lines::add);
                } else {
                    lines.add(field.getValue());
                }
                for (JsonNode text : lines) {
                    text.asText().lines().map(String::strip).filter(l -> l.startsWith("strata ")).forEach(out::add);
                }
            } else {
                strataCommands(field.getValue(), out);
            }
        });
        if (node.isArray()) {
            node.forEach(child -> strataCommands(child, out));
        }
        return out;
    }

    private void run(String command, Map<String, String> variables) {
        String expanded = command;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            expanded = expanded.replace(v.getKey(), v.getValue());
        }
        List<String> args = new ArrayList<>(List.of("-C", repo.toString()));
        for (String word : expanded.substring("strata ".length()).split("\\s+")) {
            args.add(word.replace("\"", ""));
        }
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertEquals(0, cli.exit(), expanded + "\n" + cli);
    }

    private void exampleRepository() throws Exception {
        ExampleProject.copyTo(repo);
        PersonIdent me = new PersonIdent("Test", "test@example.com");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("stock analyzer").setAuthor(me).setCommitter(me).call();
            git.tag().setName("v0.1.0").setAnnotated(true).setMessage("0.1.0").setTagger(me).call();
            RefUpdate origin = git.getRepository().updateRef("refs/remotes/origin/main");
            origin.setNewObjectId(git.getRepository().resolve("main"));
            origin.update();
        }
    }

    @Test
    void the_github_workflows_run_their_strata_commands_successfully_on_the_example() throws Exception {
        exampleRepository();
        YAMLMapper yaml = new YAMLMapper();
        JsonNode pr = yaml.readTree(Files.readString(CI.resolve("github/strata-pull-request.yml")));
        JsonNode release = yaml.readTree(Files.readString(CI.resolve("github/strata-release.yml")));

        List<String> prCommands = strataCommands(pr, new ArrayList<>());
        List<String> releaseCommands = strataCommands(release, new ArrayList<>());

        assertFalse(prCommands.isEmpty());
        assertFalse(releaseCommands.isEmpty());
        prCommands.forEach(c -> run(c, Map.of("${{ github.base_ref }}", "main")));
        releaseCommands.forEach(c -> run(c, Map.of("${{ github.ref_name }}", "v0.1.0")));
        assertEquals(true, Files.exists(repo.resolve("deploy-plan.json")));
    }

    @Test
    void the_gitlab_template_runs_its_strata_commands_successfully_on_the_example() throws Exception {
        exampleRepository();

        List<String> commands = strataCommands(new YAMLMapper().readTree(Files.readString(CI.resolve("gitlab/strata.gitlab-ci.yml"))),
                new ArrayList<>());

        assertEquals(2, commands.size());
        commands.forEach(c -> run(c, Map.of("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main", "$CI_COMMIT_TAG", "v0.1.0")));
    }

    /** A project of another tool: its migrations folder, a strata.yaml naming it, committed on main. */
    private void otherToolRepository(String yaml, Map<String, String> files) throws Exception {
        Files.writeString(repo.resolve("strata.yaml"), yaml);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.createDirectories(repo.resolve(f.getKey()).getParent());
            Files.writeString(repo.resolve(f.getKey()), f.getValue());
        }
        PersonIdent me = new PersonIdent("Test", "test@example.com");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("migrations").setAuthor(me).setCommitter(me).call();
            RefUpdate origin = git.getRepository().updateRef("refs/remotes/origin/main");
            origin.setNewObjectId(git.getRepository().resolve("main"));
            origin.update();
        }
    }

    private void pullRequestCommandsPass() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        strataCommands(yaml.readTree(Files.readString(CI.resolve("github/strata-pull-request.yml"))), new ArrayList<>())
                .forEach(c -> run(c, Map.of("${{ github.base_ref }}", "main")));
        strataCommands(yaml.readTree(Files.readString(CI.resolve("gitlab/strata.gitlab-ci.yml"))), new ArrayList<>()).stream()
                .filter(c -> c.startsWith("strata check")).forEach(c -> run(c, Map.of("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")));
    }

    @Test
    void the_pull_request_templates_pass_unchanged_on_a_go_project_on_golang_migrate() throws Exception {
        otherToolRepository("migrations: db/migrations\n", Map.of(
                "db/migrations/20240101120000_create_items.up.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n",
                "db/migrations/20240101120000_create_items.down.sql", "DROP TABLE items;\n",
                "db/migrations/20240202120000_add_note.up.sql", "ALTER TABLE items ADD COLUMN note TEXT;\n",
                "db/migrations/20240202120000_add_note.down.sql", "ALTER TABLE items DROP COLUMN note;\n"));

        pullRequestCommandsPass();
    }

    @Test
    void the_pull_request_templates_pass_unchanged_on_a_rust_project_on_sqlx() throws Exception {
        otherToolRepository("migrations: migrations\nlayout: sqlx\n", Map.of(
                "migrations/20240101120000_create_items.up.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n",
                "migrations/20240101120000_create_items.down.sql", "DROP TABLE items;\n",
                "migrations/20240202120000_add_note.up.sql", "-- no-transaction\nALTER TABLE items ADD COLUMN note TEXT;\n",
                "migrations/20240202120000_add_note.down.sql", "ALTER TABLE items DROP COLUMN note;\n"));

        pullRequestCommandsPass();
    }
}
