package dev.strata.cli.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Public projects' real SQLite histories (test resources {@code corpus/<case>}, each with its source, commit,
 * licence and an independent verdict from {@code ci/corpus/verify.py}): every revision is checked, every
 * broken one is found, and no other is called broken.
 */
class CorpusTest {

    static Stream<Path> cases() throws Exception {
        Path corpus = Path.of(CorpusTest.class.getResource("/corpus").toURI());
        try (Stream<Path> all = Files.list(corpus)) {
            return all.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    /**
     * The cases whose tool Strata reads, with the {@code --layout} to give where recognising the files is not enough
     * (empty: recognised). Authelia's, Harness' (maragudk/migrate) and Ory's (popx) own layouts are not among the
     * tools Strata reads; they are checked through their Flyway conversion only (docs/layouts.md).
     */
    private static final Map<String, List<String>> OWN_LAYOUT = Map.of(
            "amacneil-dbmate", List.of(),
            "atuinsh-atuin", List.of("--layout", "sqlx"),
            "charmbracelet-soft-serve", List.of(),
            "chirpstack-chirpstack", List.of(),
            "matt-riley-mjrwtf", List.of(),
            "pocket-id-pocket-id", List.of("--layout", "golang-migrate?x-no-tx-wrap=true"),
            "pressly-goose", List.of(),
            "tari-project-tari", List.of());

    static Stream<Path> casesInOwnLayout() throws Exception {
        return cases().filter(p -> OWN_LAYOUT.containsKey(p.getFileName().toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_revision_is_checked_and_exactly_the_broken_ones_fail(Path project) throws Exception {
        Cli cli = Cli.run("-C", project.toString(), "check", "--migrations", "flyway", "--format", "json");

        assertVerdicts(project, cli);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesInOwnLayout")
    void the_tools_own_files_get_the_same_verdicts_as_their_flyway_conversion(Path project) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-C", project.toString(), "check", "--migrations", "original"));
        args.addAll(OWN_LAYOUT.get(project.getFileName().toString()));
        args.addAll(List.of("--format", "json"));

        Cli cli = Cli.run(args.toArray(String[]::new));

        assertVerdicts(project, cli);
    }

    private static void assertVerdicts(Path project, Cli cli) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(project.resolve("expected.json").toFile());

        assertTrue(cli.exit() == 0 || cli.exit() == 1, cli.err());
        JsonNode report = new ObjectMapper().readTree(cli.out());
        JsonNode revisions = report.get("revisions");
        assertEquals(expected.get("revisions").asInt(), revisions.size());
        Set<Integer> failed = new TreeSet<>();
        for (JsonNode r : revisions) {
            assertTrue(!r.get("status").asText().equals("not-checked"), "version " + r.get("version") + " not checked: " + r);
            if (r.get("status").asText().equals("failed")) {
                failed.add(r.get("version").asInt());
            }
        }
        Set<Integer> broken = new TreeSet<>();
        expected.get("broken").fieldNames().forEachRemaining(v -> broken.add(Integer.parseInt(v)));
        expected.path("noDown").forEach(v -> broken.add(v.asInt()));
        assertEquals(broken, failed, "failed versions against the independently verified ones; findings: "
                + errorsOutside(report, broken));
        assertEquals(broken.isEmpty() ? 0 : 1, cli.exit());
    }

    private static List<String> errorsOutside(JsonNode report, Set<Integer> broken) {
        List<String> out = new java.util.ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("error") && !broken.contains(f.path("revision").asInt())) {
                out.add(f.path("revision").asInt() + ": " + f.get("message").asText());
            }
        });
        return out;
    }
}
