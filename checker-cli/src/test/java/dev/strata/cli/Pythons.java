package dev.strata.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Python 3 with SQLAlchemy for tests: python3 on the PATH, else Debian's /usr/bin/python3 (python3-sqlalchemy). */
public final class Pythons {

    private static final List<String> CANDIDATES = List.of("python3", "/usr/bin/python3");

    private Pythons() {
    }

    /** The first interpreter that imports SQLAlchemy; fails the test when none does (.ci/run installs one). */
    public static String withSqlAlchemy() {
        return Found.PYTHON;
    }

    /** Looked for once per test run, when first asked. */
    private static final class Found {
        static final String PYTHON = find();
    }

    private static String find() {
        for (String python : CANDIDATES) {
            if (imports(python, "sqlalchemy")) {
                return python;
            }
        }
        throw new AssertionError("no Python 3 with SQLAlchemy among " + CANDIDATES
                + ": install it (apt-get install python3-sqlalchemy, as .ci/run does)");
    }

    private static boolean imports(String python, String module) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
