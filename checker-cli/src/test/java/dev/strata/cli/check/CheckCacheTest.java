package dev.strata.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.strata.cli.check.CheckRuns.check;
import static dev.strata.cli.check.CheckRuns.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check cache on an event-sourced history: the projection, lint and history checks find with it exactly what they
 * find without it, after a pull request adds a revision and after files were edited by hand.
 */
class CheckCacheTest {

    @TempDir
    Path tmp;

    @Test
    void a_pull_request_adding_a_revision_reports_what_a_check_without_the_cache_reports() throws Exception {
        Path project = example();
        List<Path> newest = newestRevision(project);
        Path aside = Files.createDirectories(tmp.resolve("aside"));
        for (Path p : newest) {
            Files.move(p, aside.resolve(p.getFileName()));
        }
        Path cache = tmp.resolve("cache");
        check(project, "--cache", cache.toString(), "--skip", "models");
        for (Path p : newest) {
            Files.move(aside.resolve(p.getFileName()), p);
        }

        JsonNode warm = check(project, "--cache", cache.toString());
        JsonNode full = check(project, "--no-cache");

        assertEquals(verdict(full), verdict(warm));
        assertTrue(warm.get("coverage").asText().contains("11 as an earlier check found them"), warm.get("coverage").asText());
        assertTrue(findings(warm, "lint") > 0, "the example has lint warnings to compare");
    }

    @Test
    void edited_migrations_and_revisions_are_found_with_the_cache_as_without_it() throws Exception {
        Path project = example();
        Path cache = tmp.resolve("cache");
        check(project, "--cache", cache.toString());
        Path up = single(project.resolve("db/migration"), "V5__");
        Files.writeString(up, Files.readString(up) + "-- tuned by hand\n");

        JsonNode warm = check(project, "--cache", cache.toString());
        JsonNode full = check(project, "--no-cache");

        assertEquals(verdict(full), verdict(warm));
        assertEquals(1, findings(warm, "projection"), warm.toPrettyString());

        Path revision = single(project.resolve("schema/events"), "0003-");
        Files.writeString(revision, Files.readString(revision).replaceFirst("\"message\" *: *\"", "$0edited: "));

        warm = check(project, "--cache", cache.toString());
        full = check(project, "--no-cache");

        assertEquals(verdict(full), verdict(warm));
        assertTrue(findings(warm, "history") > 0, warm.toPrettyString());
    }

    private Path example() throws IOException {
        Path project = ExampleProject.copyTo(tmp.resolve("project"));
        // a cache the repository's own checks left in the example is not this test's
        Path local = project.resolve(".strata");
        if (Files.exists(local)) {
            try (Stream<Path> all = Files.walk(local)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return project;
    }

    private static int findings(JsonNode report, String check) {
        int n = 0;
        for (JsonNode f : report.get("findings")) {
            n += f.get("check").asText().equals(check) ? 1 : 0;
        }
        return n;
    }

    private static List<Path> newestRevision(Path project) throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(single(project.resolve("schema/events"), "0012-"));
        out.add(single(project.resolve("db/migration"), "V12__"));
        out.add(single(project.resolve("db/migration"), "U12__"));
        return out;
    }

    private static Path single(Path folder, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, found.size(), prefix + " in " + folder + ": " + found);
            return found.get(0);
        }
    }
}
