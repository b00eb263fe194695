package dev.strata.cli.check;

import dev.strata.cli.project.MigrationFolder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A check's findings per revision: worked out once per key, then taken from the cache as they were found. */
class PerRevisionTest {

    /** A check cache in memory: the same contract as the one on disk. */
    private static final class MemoryCache implements CheckCache {
        final Map<String, String> kept = new HashMap<>();

        @Override
        public Map<Integer, String> texts(List<byte[]> keys) {
            Map<Integer, String> out = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                String text = kept.get(HexFormat.of().formatHex(keys.get(i)));
                if (text != null) {
                    out.put(i, text);
                }
            }
            return out;
        }

        @Override
        public void keep(Map<byte[], String> texts) {
            texts.forEach((k, v) -> kept.put(HexFormat.of().formatHex(k), v));
        }
    }

    private final MemoryCache cache = new MemoryCache();
    private final List<Integer> workedOut = new ArrayList<>();

    private List<Finding> findings(CheckCache kept, String settings, List<String> items) {
        CheckContext context = CheckContext.builder(new MigrationFolder("db/migration", List.of(), List.of()), CheckOptions.DEFAULTS,
                (c, p) -> {
                    throw new AssertionError("no walk");
                }).cache(kept).build();
        return PerRevision.findings(context, "lint", settings, items.size(), i -> items.get(i).getBytes(StandardCharsets.UTF_8), i -> {
            workedOut.add(i);
            // a finding on every other revision, with every field set on some
            return i % 2 == 0 ? List.of(new Finding("lint", Finding.Severity.WARNING, i + 1, "V" + (i + 1) + ".sql", i, "about " + items.get(i),
                    i == 0 ? null : "hint " + i)) : List.of();
        });
    }

    @Test
    void only_revisions_with_new_keys_are_worked_out_and_the_findings_are_the_same() {
        List<Finding> cold = findings(cache, "s", List.of("a", "b", "c", "d"));
        assertEquals(List.of(0, 1, 2, 3), workedOut);

        workedOut.clear();
        List<Finding> warm = findings(cache, "s", List.of("a", "b", "c", "d", "e"));

        assertEquals(List.of(4), workedOut, "only the new revision");
        List<Finding> expected = new ArrayList<>(cold);
        expected.add(new Finding("lint", Finding.Severity.WARNING, 5, "V5.sql", 4, "about e", "hint 4"));
        assertEquals(expected, warm);
    }

    @Test
    void other_settings_or_a_changed_revision_find_nothing_kept() {
        findings(cache, "s", List.of("a", "b"));

        workedOut.clear();
        findings(cache, "other", List.of("a", "b"));
        assertEquals(List.of(0, 1), workedOut);

        workedOut.clear();
        findings(cache, "s", List.of("a", "B"));
        assertEquals(List.of(1), workedOut);
    }

    @Test
    void a_damaged_entry_is_worked_out_again_and_without_a_cache_everything_is() {
        findings(cache, "s", List.of("a", "b"));
        cache.kept.replaceAll((k, v) -> v.equals("[]") ? v : "{not a list");

        workedOut.clear();
        List<Finding> again = findings(cache, "s", List.of("a", "b"));
        assertEquals(List.of(0), workedOut);
        assertEquals("about a", again.get(0).message());

        workedOut.clear();
        findings(null, "s", List.of("a", "b"));
        assertEquals(List.of(0, 1), workedOut);
    }
}
