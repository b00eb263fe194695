package dev.strata.cli.ops;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example's Docker entrypoint run as the container runs it: a process with its environment, a {@code strata}
 * on the PATH and the app's command after it. (The image itself is built by ci/e2e-docker.sh where a daemon answers.)
 */
class DockerEntrypointTest {

    private static final Path ENTRYPOINT = ExampleProject.SOURCE.resolve("docker-entrypoint.sh");

    @TempDir
    Path dir;

    private Path project;
    private Path bin;

    @BeforeEach
    void the_project_baked_into_the_image_and_a_strata_on_the_path() throws Exception {
        project = ExampleProject.copyTo(dir.resolve("app"));
        bin = Files.createDirectories(dir.resolve("bin"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(bin.resolve("strata"), "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.strata.cli.StrataCommand \"$@\"\n");
        bin.resolve("strata").toFile().setExecutable(true);
    }

    private record Run(int exit, String output) {
    }

    private Run entrypoint(Map<String, String> env, String... app) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", ENTRYPOINT.toString()));
        command.addAll(List.of(app));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), output);
    }

    @Test
    void the_entrypoint_upgrades_the_database_named_by_the_environment_backs_up_to_the_volume_verifies_and_starts_the_app() throws Exception {
        Path db = dir.resolve("volume/data/stock_data.db");
        Path backups = dir.resolve("volume/backups");
        assertEquals(0, Cli.in(project, "--db", db.toString(), "upgrade", "10", "--no-backup").exit());

        Run run = entrypoint(Map.of("STRATA_PROJECT", project.toString(), "STRATA_DB", db.toString(), "STRATA_BACKUPS", backups.toString()),
                "sh", "-c", "echo the app starts");

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("upgraded " + db + " from version 10 to 12"), run.output());
        assertTrue(run.output().contains("verified " + db + " at revision 12"), run.output());
        assertTrue(run.output().endsWith("the app starts\n"), run.output());
        try (var files = Files.list(backups)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().matches("stock_data\\..*\\.db")).count());
        }
        assertTrue(run.output().contains("warning: " + backups + " is not a mounted volume"), run.output());
        assertFalse(Files.exists(project.resolve("data")), "nothing is written inside the image's project folder");
    }

    @Test
    void a_failing_migration_stops_the_container_before_the_app_starts_and_the_database_is_intact() throws Exception {
        Path db = dir.resolve("volume/data/stock_data.db");
        assertEquals(0, Cli.in(project, "--db", db.toString(), "upgrade", "--no-backup").exit());
        Files.writeString(project.resolve("broken.json"), """
                [ { "type": "SqlExecuted", "description": "fails", "up": "INSERT INTO nowhere VALUES (1);", "down": "SELECT 1;" } ]
                """);
        assertEquals(0, Cli.in(project, "revision", "-m", "Broken", "--events-file", "broken.json").exit());
        String before = Backups.sha256(db);

        Run run = entrypoint(Map.of("STRATA_PROJECT", project.toString(), "STRATA_DB", db.toString(),
                "STRATA_BACKUPS", dir.resolve("volume/backups").toString()), "sh", "-c", "echo the app starts");

        assertEquals(3, run.exit(), run.output());
        assertFalse(run.output().contains("the app starts"), run.output());
        assertTrue(run.output().contains("the database is intact"), run.output());
        assertEquals(before, Backups.sha256(db));
    }

    @Test
    void the_dockerfile_copies_only_files_the_repository_has_or_the_build_writes() throws Exception {
        Path root = ExampleProject.SOURCE.getParent().getParent();
        String dockerfile = Files.readString(ExampleProject.SOURCE.resolve("Dockerfile"));
        Matcher copy = Pattern.compile("(?m)^COPY (\\S+) ").matcher(dockerfile);

        int copies = 0;
        while (copy.find()) {
            copies++;
            Path source = root.resolve(copy.group(1));
            assertTrue(Files.exists(source) || copy.group(1).equals("checker-cli/target/strata.jar"), copy.group(1));
        }

        assertEquals(5, copies);
        assertTrue(dockerfile.contains("ENTRYPOINT [\"docker-entrypoint.sh\"]"));
        assertTrue(dockerfile.contains("VOLUME [\"/data\", \"/backups\"]"));
    }
}
