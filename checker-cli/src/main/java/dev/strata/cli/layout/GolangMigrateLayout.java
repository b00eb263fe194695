package dev.strata.cli.layout;

import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationFolder.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * golang-migrate: {@code <version>_<title>.up.sql} and {@code .down.sql}, ordered by the version as an unsigned
 * number (source/parse.go's {@code ^([0-9]+)_(.*)\.(down|up)\.(.*)$}). Its sqlite3 driver wraps every file in
 * BEGIN/COMMIT unless the database URL says {@code x-no-tx-wrap=true}, a setting for every file, which
 * {@code --layout golang-migrate?x-no-tx-wrap=true} mirrors.
 */
public final class GolangMigrateLayout implements Layout {

    static final Pattern NAME = Pattern.compile("([0-9]+)_(.*)\\.(down|up)\\.(.*)");
    static final String NO_TX_WRAP = "x-no-tx-wrap=true";

    private final boolean noTxWrap;

    public GolangMigrateLayout(boolean noTxWrap) {
        this.noTxWrap = noTxWrap;
    }

    @Override
    public String name() {
        return noTxWrap ? "golang-migrate?" + NO_TX_WRAP : "golang-migrate";
    }

    @Override
    public boolean recognises(FolderSigns folder) {
        return folder.files().stream().anyMatch(p -> NAME.matcher(SourceFiles.name(p)).matches());
    }

    @Override
    public MigrationFolder read(Path folder, String shownAs) {
        List<Problem> problems = new ArrayList<>();
        List<ToolMigration> migrations = new ArrayList<>();
        String advice = noTxWrap ? "golang-migrate runs it as written (x-no-tx-wrap=true), so no transaction wraps it"
                : "turn off golang-migrate's wrapping with x-no-tx-wrap=true in the database URL, and check with"
                + " --layout golang-migrate?x-no-tx-wrap=true";
        for (UpDownFiles.Version v : UpDownFiles.read(folder, shownAs, NAME, "golang-migrate", problems)) {
            migrations.add(new ToolMigration(v.version(), v.description(), script(v.up(), shownAs, advice),
                    v.down() == null ? null : script(v.down(), shownAs, advice)));
        }
        return new MigrationFolder(shownAs, ToolMigration.numbered(migrations), problems);
    }

    private ToolMigration.Script script(Path p, String shownAs, String advice) {
        String shown = shownAs + "/" + SourceFiles.name(p);
        return ToolMigration.Script.whole(shown, SourceFiles.read(p, shown), !noTxWrap, advice);
    }
}
