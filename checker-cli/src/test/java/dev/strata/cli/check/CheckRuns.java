package dev.strata.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.cli.Cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** `strata check --format json` runs for tests that compare checks with and without the cache. */
public final class CheckRuns {

    private CheckRuns() {
    }

    /** The JSON report of a check of {@code project} that passed or failed (exit 0 or 1). */
    public static JsonNode check(Path project, String... flags) throws IOException {
        String[] args = Stream.concat(Stream.of("-C", project.toString(), "check", "--format", "json"), Stream.of(flags))
                .toArray(String[]::new);
        Cli cli = Cli.run(args);
        assertTrue(cli.exit() == 0 || cli.exit() == 1, cli.toString());
        return new ObjectMapper().readTree(cli.out());
    }

    /** The report without what may differ between runs: times, and how much came from the cache. */
    public static JsonNode verdict(JsonNode report) {
        ObjectNode o = report.deepCopy();
        o.remove(List.of("walkMillis", "walkFromCache", "coverage"));
        o.get("checks").forEach(c -> ((ObjectNode) c).remove("millis"));
        return o;
    }
}
