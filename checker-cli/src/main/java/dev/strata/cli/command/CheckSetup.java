package dev.strata.cli.command;

import dev.strata.cli.check.CheckOptions;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.events.sql.SqlScript;
import dev.strata.events.sql.SqlSplitter;
import dev.strata.events.sqlite.AppFunctions;
import dev.strata.events.sqlite.ScratchDatabase;
import dev.strata.events.sqlite.ScriptException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the application or its migration tool sets up outside the migrations, for the check's scratch
 * databases: the functions of {@code check.functions} and {@code --function}, and the prelude of
 * {@code check.prelude} or {@code --prelude}, read and tried once before any walk, so a bad one is bad input.
 */
final class CheckSetup {

    private CheckSetup() {
    }

    /**
     * @param flagFunctions {@code NAME=SPEC} values of {@code --function}, which win over strata.yaml's
     * @param flagPrelude the {@code --prelude} file, or null
     */
    static CheckOptions apply(ProjectConfig config, CheckOptions options, List<String> flagFunctions, Path flagPrelude) {
        Map<String, String> specs = new LinkedHashMap<>(config.functions());
        for (String f : flagFunctions) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("--function " + f + ": expected NAME=SPEC, such as --function to_base64=base64");
            }
            specs.put(f.substring(0, eq), f.substring(eq + 1));
        }
        AppFunctions functions;
        try {
            functions = AppFunctions.of(specs);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ProjectConfig.FILE + ": check.functions: " + e.getMessage());
        }
        Path file = flagPrelude != null ? config.root().resolve(flagPrelude).normalize() : config.prelude();
        if (file == null) {
            return options.withSetup(functions, null, null);
        }
        String shown = config.show(file);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("check.prelude " + shown + ": no such file; give the SQL file to run before the first migration");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("check.prelude " + shown + ": cannot read it as UTF-8: " + e.getMessage());
        }
        List<SqlSplitter.Statement> statements = SqlSplitter.split(text);
        SqlScript prelude = new SqlScript(statements.stream().map(SqlSplitter.Statement::sql).toList(), true);
        try (ScratchDatabase db = ScratchDatabase.create(options.foreignKeys(), functions)) {
            db.apply(prelude);
        } catch (ScriptException e) {
            int line = e.statement() >= 1 && e.statement() <= statements.size() ? statements.get(e.statement() - 1).line() : 1;
            throw new InvalidInputException("check.prelude " + shown + ":" + line + ": " + e.getMessage().replace("\n", " ")
                    + "; fix the file: it runs on an empty database before the first migration");
        }
        return options.withSetup(functions, prelude, shown);
    }
}
