package dev.strata.cli.layout;

import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationFolder.Problem;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * goose: one {@code <version>_<description>.sql} per migration with {@code -- +goose Up} and {@code -- +goose Down}
 * sections, {@code StatementBegin}/{@code StatementEnd} around statements that hold semicolons, ordered by the
 * version (an int64). Both sections run in a transaction unless the file has {@code -- +goose NO TRANSACTION}
 * (goose's internal/sqlparser). Markers goose refuses are refused here too, with the file and line.
 */
public final class GooseLayout implements Layout {

    private static final Pattern NAME = Pattern.compile("(\\d+)_(.*)\\.sql");
    private static final Pattern ANNOTATION = Pattern.compile("--\\s*\\+goose\\s+(.*)");
    private static final Pattern UP = Pattern.compile("(?m)^--\\s*\\+goose\\s+up\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "goose";
    }

    @Override
    public boolean recognises(FolderSigns folder) {
        return folder.anySqlHas("+goose", UP);
    }

    @Override
    public MigrationFolder read(Path folder, String shownAs) {
        Map<BigInteger, ToolMigration> byVersion = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path p : SourceFiles.files(folder, shownAs)) {
            Matcher m = NAME.matcher(SourceFiles.name(p));
            if (!m.matches()) {
                continue;
            }
            String shown = shownAs + "/" + SourceFiles.name(p);
            ToolMigration migration = parse(m.group(1), m.group(2), shown, SourceFiles.read(p, shown));
            ToolMigration other = byVersion.putIfAbsent(new BigInteger(m.group(1)), migration);
            if (other != null) {
                problems.add(new Problem(shown, null, "goose version " + new BigInteger(m.group(1)) + " has two files: " + other.up().file()
                        + " and " + shown + " (goose refuses the folder)", "give each migration its own version"));
            }
        }
        return new MigrationFolder(shownAs, ToolMigration.numbered(List.copyOf(byVersion.values())), problems);
    }

    private static ToolMigration parse(String version, String description, String shown, String text) {
        Lines lines = Lines.of(text);
        int up = 0;
        int down = 0;
        int openBlock = 0;
        boolean noTransaction = false;
        for (int n = 1; n <= lines.count(); n++) {
            Matcher a = ANNOTATION.matcher(lines.line(n).strip());
            if (!a.matches()) {
                if (up == 0 && lines.isSql(n)) {
                    throw bad(shown, n, "SQL before the -- +goose Up annotation", "start the file with -- +goose Up");
                }
                continue;
            }
            switch (a.group(1).strip().toLowerCase(Locale.ROOT)) {
                case "up" -> {
                    if (up != 0 || down != 0) {
                        throw bad(shown, n, "a second -- +goose Up, or one after -- +goose Down", "keep one Up section, then one Down");
                    }
                    up = n;
                }
                case "down" -> {
                    if (up == 0 || down != 0) {
                        throw bad(shown, n, down != 0 ? "a second -- +goose Down" : "-- +goose Down before -- +goose Up",
                                "keep one Up section, then one Down");
                    }
                    requireClosed(shown, openBlock);
                    down = n;
                }
                case "statementbegin" -> {
                    requireClosed(shown, openBlock);
                    openBlock = n;
                }
                case "statementend" -> {
                    if (openBlock == 0) {
                        throw bad(shown, n, "-- +goose StatementEnd without a StatementBegin", "add -- +goose StatementBegin above the statement");
                    }
                    openBlock = 0;
                }
                case "no transaction" -> noTransaction = true;
                case "envsub on", "envsub off" -> {
                    // environment substitution does not change the SQLite statements a check needs
                }
                default -> throw bad(shown, n, "unknown goose annotation '" + a.group(1).strip() + "'",
                        "use Up, Down, StatementBegin, StatementEnd, NO TRANSACTION or ENVSUB ON/OFF");
            }
        }
        if (up == 0) {
            throw bad(shown, 1, "no -- +goose Up annotation", "start the file with -- +goose Up (goose refuses it too)");
        }
        requireClosed(shown, openBlock);
        String file = shown.substring(shown.lastIndexOf('/') + 1);
        String advice = "add the line -- +goose NO TRANSACTION to " + file;
        int upEnd = down == 0 ? lines.count() : down - 1;
        ToolMigration.Script upScript = new ToolMigration.Script(shown, lines.text(up + 1, upEnd), !noTransaction, up + 1, "up section", advice);
        ToolMigration.Script downScript = down == 0 ? null
                : new ToolMigration.Script(shown, lines.text(down + 1, lines.count()), !noTransaction, down + 1, "down section", advice);
        return new ToolMigration(new BigInteger(version).toString(), description, upScript, downScript);
    }

    private static void requireClosed(String shown, int openBlock) {
        if (openBlock != 0) {
            throw bad(shown, openBlock, "-- +goose StatementBegin is never ended", "add -- +goose StatementEnd after the statement");
        }
    }

    private static InvalidInputException bad(String shown, int line, String what, String fix) {
        return new InvalidInputException(shown + ":" + line + ": " + what + "; fix: " + fix);
    }
}
