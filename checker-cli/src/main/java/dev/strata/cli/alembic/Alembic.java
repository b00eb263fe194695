package dev.strata.cli.alembic;

import dev.strata.cli.OperationFailedException;
import dev.strata.cli.project.InvalidInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The user's Alembic, run as a process in the project's folder: {@code alembic} on the PATH, else
 * {@code python3 -m alembic}, or the command {@code --alembic} names. Only its offline mode and
 * {@code history} are used, so no database is touched.
 */
public final class Alembic {

    private static final long TIMEOUT_SECONDS = 120;

    private final List<String> command;
    private final Path directory;

    private Alembic(List<String> command, Path directory) {
        this.command = List.copyOf(command);
        this.directory = directory;
    }

    /**
     * @param given the command {@code --alembic} names, or null to look for one
     * @param config the alembic.ini to pass with {@code -c}
     * @throws InvalidInputException when no Alembic runs, saying what to install
     */
    public static Alembic find(String given, Path directory, Path config) {
        List<List<String>> candidates = given != null ? List.of(List.of(given.split(" +")))
                : List.of(List.of("alembic"), List.of("python3", "-m", "alembic"));
        for (List<String> c : candidates) {
            List<String> cmd = new ArrayList<>(c);
            cmd.addAll(List.of("-c", config.toString()));
            Alembic a = new Alembic(cmd, directory);
            if (a.runs()) {
                return a;
            }
        }
        throw new InvalidInputException("Alembic is not installed" + (given != null ? " at '" + given + "'" : ": there is no `alembic`"
                + " command and python3 cannot import alembic") + "; fix: install it where the project's migrations run"
                + " (pip install alembic, or apt-get install alembic python3-alembic), or name it with --alembic CMD");
    }

    /** Whether the command starts and says its version. */
    private boolean runs() {
        try {
            List<String> version = new ArrayList<>(command.subList(0, command.size() - 2));
            version.add("--version");
            return exec(version).exit == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code alembic history}, first line of each revision, newest first. */
    public String history() {
        return run(List.of("history"));
    }

    /** The SQL of {@code alembic upgrade FROM:TO --sql} (FROM null: from the base). */
    public String upgradeSql(String from, String to) {
        return run(List.of("upgrade", (from == null ? "" : from + ":") + to, "--sql"));
    }

    /** The SQL of {@code alembic downgrade FROM:TO --sql} (TO null: to the base). */
    public String downgradeSql(String from, String to) {
        return run(List.of("downgrade", from + ":" + (to == null ? "base" : to), "--sql"));
    }

    private String run(List<String> args) {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(args);
        Result r;
        try {
            r = exec(cmd);
        } catch (IOException e) {
            throw new OperationFailedException("running " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        }
        if (r.exit != 0) {
            throw new OperationFailedException("`" + String.join(" ", cmd) + "` failed (exit " + r.exit + "):\n" + r.err.strip()
                    + "\nfix: make that command work in " + directory + " (Alembic's offline mode needs env.py's run_migrations_offline)");
        }
        return r.out;
    }

    private record Result(int exit, String out, String err) {
    }

    private Result exec(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).directory(directory.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        // stderr is read on another thread so neither pipe fills while the other is drained
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.getMessage();
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new OperationFailedException("`" + String.join(" ", cmd) + "` did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while running " + String.join(" ", cmd), e);
        }
        return new Result(p.exitValue(), out, err.join());
    }
}
