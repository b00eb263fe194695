package dev.strata.cli.layout;

import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Diesel: one folder per migration, {@code <version>_<name>/up.sql} and an optional {@code down.sql}, the version
 * being the folder's name up to the first {@code _} ({@code 2022-08-08-134037}), ordered as text. Both scripts run
 * in a transaction unless the folder's {@code metadata.toml} says {@code run_in_transaction = false}.
 */
public final class DieselLayout implements Layout {

    private static final Pattern NO_TRANSACTION = Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*false\\s*(#.*)?$");

    @Override
    public String name() {
        return "diesel";
    }

    @Override
    public boolean recognises(FolderSigns folder) {
        return folder.folders().stream().anyMatch(d -> SourceFiles.name(d).matches("\\d.*") && Files.isRegularFile(d.resolve("up.sql")));
    }

    @Override
    public MigrationFolder read(Path folder, String shownAs) {
        List<ToolMigration> out = new ArrayList<>();
        List<Path> dirs = new ArrayList<>(migrations(folder, shownAs));
        dirs.sort(Comparator.comparing(DieselLayout::version));
        for (Path dir : dirs) {
            String name = SourceFiles.name(dir);
            String shown = shownAs + "/" + name;
            if (!Files.isRegularFile(dir.resolve("up.sql"))) {
                throw new InvalidInputException(shown + ": no up.sql; fix: add up.sql to the migration folder or remove it"
                        + " (Diesel refuses it too)");
            }
            Path meta = dir.resolve("metadata.toml");
            boolean transactional = !Files.isRegularFile(meta) || !NO_TRANSACTION.matcher(SourceFiles.read(meta, shown + "/metadata.toml")).find();
            String advice = "add " + shown + "/metadata.toml with run_in_transaction = false";
            Path down = dir.resolve("down.sql");
            int cut = name.indexOf('_');
            out.add(new ToolMigration(version(dir), cut < 0 ? "" : name.substring(cut + 1),
                    ToolMigration.Script.whole(shown + "/up.sql", SourceFiles.read(dir.resolve("up.sql"), shown + "/up.sql"), transactional, advice),
                    Files.isRegularFile(down) ? ToolMigration.Script.whole(shown + "/down.sql", SourceFiles.read(down, shown + "/down.sql"),
                            transactional, advice) : null));
        }
        return new MigrationFolder(shownAs, ToolMigration.numbered(out), List.of());
    }

    private static List<Path> migrations(Path folder, String shownAs) {
        // Diesel skips hidden folders (.keep, editor state); a migration's name starts with its version's digits
        return SourceFiles.list(folder, shownAs, p -> Files.isDirectory(p) && SourceFiles.name(p).matches("\\d.*"));
    }

    private static String version(Path dir) {
        Matcher m = Pattern.compile("([^_]*)").matcher(SourceFiles.name(dir));
        return m.lookingAt() ? m.group(1) : SourceFiles.name(dir);
    }
}
