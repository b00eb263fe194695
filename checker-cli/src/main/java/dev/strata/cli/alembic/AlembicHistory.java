package dev.strata.cli.alembic;

import dev.strata.cli.project.InvalidInputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Alembic history turned into Flyway scripts: revision {@code n} (1-based, from the base) becomes
 * {@code V<n>__<message>.sql} from {@code alembic upgrade <n-1>:<n> --sql} and {@code U<n>__<message>.sql} from
 * {@code alembic downgrade <n>:<n-1> --sql}, without Alembic's own bookkeeping ({@code alembic_version}) and
 * without the BEGIN/COMMIT offline mode adds, since Flyway opens its own transaction.
 */
public final class AlembicHistory {

    private static final Pattern LINE = Pattern.compile("(\\S+(?:, \\S+)*) -> (\\S+)(?: \\([^)]*\\))*, ?(.*)");

    private AlembicHistory() {
    }

    /** A script pair: the Flyway file names' version and description, and the two texts. */
    public record Script(int version, AlembicRevision revision, String up, String down) {
    }

    /** The revisions from the base to the head, read from {@code alembic history}. */
    public static List<AlembicRevision> revisions(String history) {
        Map<String, AlembicRevision> byDown = new HashMap<>();
        for (String line : history.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new InvalidInputException("cannot read this line of `alembic history`: " + line
                        + "; fix: check that `alembic history` lists revisions as 'DOWN -> ID, message'");
            }
            if (m.group(1).contains(",")) {
                throw new InvalidInputException("Alembic revision " + m.group(2) + " merges " + m.group(1) + "; fix: Strata imports"
                        + " a linear history: import from a history without merges");
            }
            String down = m.group(1).equals("<base>") ? null : m.group(1);
            AlembicRevision r = new AlembicRevision(m.group(2), down, m.group(3));
            if (byDown.put(down == null ? "" : down, r) != null) {
                throw new InvalidInputException("Alembic revision " + (down == null ? "<base>" : down) + " has two children (branches);"
                        + " fix: merge them with `alembic merge heads` and import again");
            }
        }
        List<AlembicRevision> ordered = new ArrayList<>();
        AlembicRevision next = byDown.get("");
        while (next != null) {
            ordered.add(next);
            next = byDown.get(next.id());
        }
        if (ordered.size() != byDown.size()) {
            throw new InvalidInputException("`alembic history` lists " + byDown.size() + " revisions but only " + ordered.size()
                    + " follow from the base; fix: check the down_revision of each revision file");
        }
        return Collections.unmodifiableList(ordered);
    }

    /** Each revision's scripts, from Alembic's offline SQL. */
    public static List<Script> scripts(Alembic alembic, List<AlembicRevision> revisions) {
        List<Script> out = new ArrayList<>();
        for (AlembicRevision r : revisions) {
            String up = withoutBookkeeping(alembic.upgradeSql(r.down(), r.id()));
            String down = withoutBookkeeping(alembic.downgradeSql(r.id(), r.down()));
            out.add(new Script(out.size() + 1, r, up, down));
        }
        return out;
    }

    /** The mapping file: one {@code <version> <alembic id> <message>} line per revision. */
    public static String mapping(List<Script> scripts) {
        StringBuilder out = new StringBuilder("# Flyway version, Alembic revision id, message: written by `strata import alembic`\n");
        scripts.forEach(s -> out.append(s.version()).append(' ').append(s.revision().id()).append(' ').append(s.revision().message()).append('\n'));
        return out.toString();
    }

    /** The Flyway version of an Alembic revision id, from the scripts. */
    public static Map<String, Integer> versions(List<Script> scripts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        scripts.forEach(s -> out.put(s.revision().id(), s.version()));
        return out;
    }

    // offline output is one statement (or comment) per block, blocks separated by blank lines
    static String withoutBookkeeping(String sql) {
        StringBuilder out = new StringBuilder();
        for (String block : sql.replace("\r\n", "\n").split("\n\\s*\n")) {
            String b = block.strip();
            String upper = b.toUpperCase(java.util.Locale.ROOT);
            if (b.isEmpty() || upper.contains("ALEMBIC_VERSION") || upper.equals("BEGIN;") || upper.equals("BEGIN TRANSACTION;")
                    || upper.equals("COMMIT;")) {
                continue;
            }
            out.append(b).append("\n\n");
        }
        return out.toString().stripTrailing() + "\n";
    }
}
