package dev.strata.bench;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code strata upgrade} on an up-to-date database (lock, read the history, nothing pending, verify
 * the live schema) next to a plain Flyway {@code migrate} on the same database, in one JVM.
 */
public final class UpgradeBenchmark {

    private UpgradeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path project = ExampleProject.copyTo(Files.createTempDirectory("strata-upgrade-bench"));
        if (Cli.run("-C", project.toString(), "upgrade").exit() != 0) {
            throw new IllegalStateException("the example does not upgrade");
        }
        Path db = project.resolve("data/stock_data.db");
        for (int i = 0; i < 10; i++) {
            strata(project);
            flyway(project, db);
        }
        long strata = Long.MAX_VALUE;
        long flyway = Long.MAX_VALUE;
        long strataTotal = 0;
        long flywayTotal = 0;
        for (int i = 0; i < rounds; i++) {
            long s = strata(project);
            long f = flyway(project, db);
            strata = Math.min(strata, s);
            flyway = Math.min(flyway, f);
            strataTotal += s;
            flywayTotal += f;
        }
        System.out.printf(Locale.ROOT, "no-op upgrade of the %d-revision example, %d rounds:%n", 12, rounds);
        System.out.printf(Locale.ROOT, "  strata upgrade   best %7.2f ms  mean %7.2f ms%n", strata / 1e6, strataTotal / 1e6 / rounds);
        System.out.printf(Locale.ROOT, "  flyway migrate   best %7.2f ms  mean %7.2f ms%n", flyway / 1e6, flywayTotal / 1e6 / rounds);
        System.out.printf(Locale.ROOT, "  ratio (mean)     %.2fx%n", (double) strataTotal / flywayTotal);
    }

    private static long strata(Path project) {
        long start = System.nanoTime();
        Cli cli = Cli.run("-C", project.toString(), "upgrade");
        if (cli.exit() != 0) {
            throw new IllegalStateException(cli.toString());
        }
        return System.nanoTime() - start;
    }

    private static long flyway(Path project, Path db) {
        long start = System.nanoTime();
        Flyway.configure().dataSource("jdbc:sqlite:" + db + "?foreign_keys=true", null, null)
                .locations("filesystem:" + project.resolve("db/migration")).load().migrate();
        return System.nanoTime() - start;
    }
}
