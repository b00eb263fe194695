package dev.strata.cli.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs Python once to render SQLAlchemy metadata as SQLite DDL, with the script shipped in this jar
 * ({@code render_sqlalchemy.py}). Every failure is an {@link InvalidInputException} (exit code 2) that
 * says what to install or fix; what Python printed is reduced to its last line, with the values of
 * secret-looking environment variables blotted out.
 */
final class SqlAlchemyRender {

    static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(60);
    private static final String SCRIPT = "render_sqlalchemy.py";
    private static final String ERROR = "strata-error: ";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|token|passw|credential|api_?key|private).*");
    private static final Pattern URL_PASSWORD = Pattern.compile("(//[^/:@\\s]+:)[^@\\s]+@");

    private SqlAlchemyRender() {
    }

    /** The CREATE statements SQLAlchemy emits for the models' metadata on SQLite, each ending with ';'. */
    static String ddl(SqlAlchemyModels models) {
        return ddl(models, TIMEOUT);
    }

    /** Like {@link #ddl(SqlAlchemyModels)}, giving Python {@code timeout} to finish. */
    static String ddl(SqlAlchemyModels models, java.time.Duration timeout) {
        String python = models.interpreter();
        Path work = null;
        try {
            work = Files.createTempDirectory("strata-sqlalchemy");
            Path script = work.resolve(SCRIPT);
            try (InputStream in = SqlAlchemyRender.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(SCRIPT + " is missing from the strata jar");
                }
                Files.write(script, in.readAllBytes());
            }
            Path out = work.resolve("out.sql");
            Path err = work.resolve("err.txt");
            ProcessBuilder builder = new ProcessBuilder(python, script.toString(), models.path().toString(), models.target())
                    .directory(models.root().toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            // reading the models must not write into the application's tree
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            builder.environment().put("PYTHONIOENCODING", "utf-8");
            Process process = start(builder, python, models);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new InvalidInputException(models.shown() + ": Python did not finish rendering the models within "
                        + timeout.toSeconds() + " s; importing " + models.module() + " must not start the application (a server, a "
                        + "database connection): guard that with if __name__ == \"__main__\"");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() == 0) {
                return stdout;
            }
            throw failure(models, python, process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("running " + python + " to render " + models.shown() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Python rendered " + models.shown(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static Process start(ProcessBuilder builder, String python, SqlAlchemyModels models) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new InvalidInputException(models.shown() + ": cannot run Python (" + python + "): " + e.getMessage()
                    + "; install Python 3 with SQLAlchemy (Debian: apt-get install python3-sqlalchemy), or set models.python in "
                    + ProjectConfig.FILE + " to an interpreter or a virtual environment");
        }
    }

    private static InvalidInputException failure(SqlAlchemyModels models, String python, int code, String stderr) {
        String reason = redact(reason(stderr), System.getenv());
        String top = models.module().split("\\.")[0];
        return new InvalidInputException(models.shown() + ": " + switch (code) {
            case 3 -> reason + "; install it (Debian: apt-get install python3-sqlalchemy; in a virtual environment: pip install "
                    + "sqlalchemy), or set models.python to the interpreter that has it";
            case 4 -> reason + "; fix the module, or set models.path to the folder that holds the package '" + top + "'";
            case 5, 6 -> reason;
            default -> python + " failed (exit code " + code + "): " + reason + "; models.python must be Python 3";
        });
    }

    /** The script's own message, else the last line Python printed (a traceback's last line says what went wrong). */
    static String reason(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(ERROR)) {
                return lines.get(i).substring(ERROR.length());
            }
        }
        return lines.isEmpty() ? "no message" : lines.get(lines.size() - 1);
    }

    /** The text with the values of secret-looking environment variables, and passwords in URLs, replaced by ***. */
    static String redact(String text, Map<String, String> environment) {
        String out = URL_PASSWORD.matcher(text).replaceAll("$1***@");
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (SECRET_NAME.matcher(e.getKey().toLowerCase(Locale.ROOT)).matches() && e.getValue().length() >= 4) {
                out = out.replace(e.getValue(), "***");
            }
        }
        return out;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
