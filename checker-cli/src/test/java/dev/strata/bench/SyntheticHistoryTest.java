package dev.strata.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's history, with every kind of event and the data-dependent changes, passes every check with warnings only. */
class SyntheticHistoryTest {

    @TempDir
    Path dir;

    @Test
    void five_cycles_of_every_kind_of_change_pass_with_data_dependent_warnings_only() throws Exception {
        Path project = SyntheticHistory.write(dir, 128);

        Cli cli = Cli.run("-C", project.toString(), "check", "--format", "json");

        JsonNode report = new ObjectMapper().readTree(cli.out());
        Set<String> errors = new TreeSet<>();
        Set<String> kinds = new TreeSet<>();
        report.get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("error")) {
                errors.add(f.get("revision").asInt() + ": " + f.get("message").asText());
            }
            String message = f.get("message").asText();
            if (message.startsWith("[")) {
                kinds.add(message.substring(1, message.indexOf(']')));
            }
        });
        assertEquals(Set.of(), errors);
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(kinds.contains("data-dependent"), kinds.toString());
        assertEquals("checked 128 of 128 revisions", report.get("coverage").asText());
    }
}
