package dev.strata.cli.check.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.strata.cli.check.CheckRuns.check;
import static dev.strata.cli.check.CheckRuns.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check cache on public projects' real histories, broken revisions and all: a check that finds a history's
 * states in the cache reports exactly what a walk over the whole history reports, and walks only what is new.
 */
class WalkCacheTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ory-keto", "tari-project-tari", "chirpstack-chirpstack"})
    void a_pull_request_adding_a_revision_walks_only_it_and_reports_what_a_full_walk_reports(String name) throws Exception {
        Path project = corpusCase(name);
        List<Path> newest = newestVersion(project.resolve("flyway"));
        Path aside = Files.createDirectories(tmp.resolve("aside"));
        for (Path p : newest) {
            Files.move(p, aside.resolve(p.getFileName()));
        }
        Path cache = tmp.resolve("cache");
        JsonNode before = check(project, "--cache", cache.toString());
        assertEquals(0, before.get("walkFromCache").asInt(), "a cold cache holds nothing");
        for (Path p : newest) {
            Files.move(aside.resolve(p.getFileName()), p);
        }

        JsonNode warm = check(project, "--cache", cache.toString());
        JsonNode full = check(project, "--no-cache");

        int versions = full.get("revisions").size();
        assertEquals(versions - 1, warm.get("walkFromCache").asInt(), "only the new revision is walked");
        assertEquals(verdict(full), verdict(warm));
        assertTrue(full.get("findings").size() > 0, "the case has findings to compare");
        JsonNode again = check(project, "--cache", cache.toString());
        assertEquals(versions, again.get("walkFromCache").asInt(), "an unchanged history is taken whole from the cache");
        assertEquals(verdict(full), verdict(again));
    }

    @Test
    void editing_an_earlier_revision_walks_again_from_before_it() throws Exception {
        Path project = corpusCase("pocket-id-pocket-id");
        Path cache = tmp.resolve("cache");
        JsonNode cold = check(project, "--cache", cache.toString());
        int versions = cold.get("revisions").size();
        Path down = project.resolve("flyway/U10__" + description(project.resolve("flyway"), 10) + ".sql");
        Files.writeString(down, Files.readString(down) + "\n-- reviewed\n");

        JsonNode warm = check(project, "--cache", cache.toString());
        JsonNode full = check(project, "--no-cache");

        assertTrue(warm.get("walkFromCache").asInt() < 10, "version 10 changed: " + warm.get("walkFromCache"));
        assertEquals(verdict(full), verdict(warm));
        assertEquals(versions, warm.get("revisions").size());
    }

    @Test
    void other_options_never_reuse_a_state() throws Exception {
        Path project = corpusCase("ory-keto");
        Path cache = tmp.resolve("cache");
        check(project, "--cache", cache.toString());

        // the case runs with foreign keys off
        JsonNode other = check(project, "--cache", cache.toString(), "--foreign-keys");

        assertEquals(0, other.get("walkFromCache").asInt());
        assertEquals(verdict(check(project, "--no-cache", "--foreign-keys")), verdict(other));
    }

    @Test
    void a_damaged_cache_is_said_and_left_alone_and_changes_no_verdict() throws Exception {
        Path project = corpusCase("tari-project-tari");
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Files.write(cache.resolve("walk.db"), "not a database, a text file some tool left here".repeat(100).getBytes(StandardCharsets.UTF_8));

        Cli cli = Cli.run("-C", project.toString(), "check", "--format", "json", "--cache", cache.toString());

        Cli full = Cli.run("-C", project.toString(), "check", "--format", "json", "--no-cache");
        assertEquals(full.exit(), cli.exit());
        assertEquals(verdict(new ObjectMapper().readTree(full.out())), verdict(new ObjectMapper().readTree(cli.out())));
        assertTrue(cli.err().contains("note: the check cache in " + cache), cli.err());
        assertTrue(cli.err().contains("the check ran without it"), cli.err());
    }

    @Test
    void the_cache_keeps_to_its_limit_and_out_of_version_control() throws Exception {
        Path project = corpusCase("ory-hydra");
        Files.writeString(project.resolve("strata.yaml"), Files.readString(project.resolve("strata.yaml"))
                + (Files.readString(project.resolve("strata.yaml")).contains("check:") ? "" : "check:\n") + "  cacheLimit: 1\n");
        Cli cli = Cli.run("-C", project.toString(), "check", "--format", "json");
        Path cache = project.resolve(".strata/cache");

        assertFalse(cli.err().contains("note:"), cli.err());

        assertTrue(Files.size(cache.resolve("walk.db")) <= (1 << 20) + (64 << 10), "size " + Files.size(cache.resolve("walk.db")));
        assertTrue(Files.readString(cache.resolve(".gitignore")).lines().anyMatch(l -> l.equals("*")));
        assertFalse(Files.exists(cache.resolve("walk.db-wal")) && Files.size(cache.resolve("walk.db-wal")) > (1 << 20));
    }

    private Path corpusCase(String name) throws Exception {
        Path from = Path.of(WalkCacheTest.class.getResource("/corpus/" + name).toURI());
        Path to = tmp.resolve(name);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                if (p.toString().contains("/.strata")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        // the corpus runs check on its Flyway conversion
        Path yaml = to.resolve("strata.yaml");
        String text = Files.exists(yaml) ? Files.readString(yaml) : "";
        if (!text.contains("migrations:")) {
            Files.writeString(yaml, "migrations: flyway\n" + text);
        }
        return to;
    }

    private static List<Path> newestVersion(Path folder) throws IOException {
        int newest;
        try (Stream<Path> files = Files.list(folder)) {
            newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("[VU]" + newest + "__.*")).sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static String description(Path folder, int version) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            String name = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("V" + version + "__") && n.endsWith(".sql"))
                    .findFirst().orElseThrow();
            return name.substring(name.indexOf("__") + 2, name.length() - 4);
        }
    }
}
