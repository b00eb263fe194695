package dev.strata.bench;

import dev.strata.cli.Cli;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code strata check} (reversibility, data and models) on synthetic histories of N revisions, next to
 * the floor: the same up and down SQL executed once each by plain JDBC, in the same JVM. Prints per N
 * the median ratio of check and floor runs made back to back, the ratio of the best of each, and the
 * growth from the smallest to the largest N. Run by ci/bench/check.sh.
 */
public final class CheckBenchmark {

    private static final int MIN_WARM_UP_SECONDS = 20;
    private static final int MAX_WARM_UP_SECONDS = 180;
    private static final int WARM_UP_WINDOW_SECONDS = 5;
    /** The share of a window's wall time the JIT may still spend compiling once warm. */
    private static final double SETTLED_JIT_SHARE = 0.05;
    private static final int MIN_REPEATS = 5;
    private static final int MAX_REPEATS = 400;
    private static final int MIN_SECONDS_PER_SIZE = 30;

    private CheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean pullRequestsOnly = args.length > 0 && args[0].equals("pr");
        String[] numbers = pullRequestsOnly ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        int[] sizes = numbers.length == 0 ? new int[] {100, 500, 1000} : java.util.Arrays.stream(numbers).mapToInt(Integer::parseInt).toArray();
        Path root = Files.createTempDirectory("strata-bench");
        if (pullRequestsOnly) {
            pullRequests(root, sizes);
            return;
        }
        warmUp(SyntheticHistory.write(root.resolve("warm"), 100));
        System.out.printf(Locale.ROOT, "%6s  %10s  %10s  %7s  %13s  %13s%n", "N", "check ms", "floor ms", "ratio", "middle half", "best-of ratio");
        double first = 0;
        double last = 0;
        double floorFirst = 0;
        double floorLast = 0;
        StringBuilder above = new StringBuilder();
        for (int n : sizes) {
            Path project = SyntheticHistory.write(root.resolve("n" + n), n);
            check(project);
            floor(project);
            List<Long> checks = new ArrayList<>();
            List<Long> floors = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            // pairs of a check and a floor run back to back, as many as fit in the time given, at least five: this
            // machine's speed drifts by half or more over seconds, and a pair sees the same speed. The median pair
            // is the ratio, printed with the middle half of the pairs' ratios (how much one figure can be trusted);
            // the best of each side is printed next to it
            long until = System.nanoTime() + MIN_SECONDS_PER_SIZE * 1_000_000_000L;
            while (ratios.size() < MIN_REPEATS || (System.nanoTime() < until && ratios.size() < MAX_REPEATS)) {
                long check = check(project);
                long floor = floor(project);
                checks.add(check);
                floors.add(floor);
                ratios.add((double) check / floor);
            }
            long check = median(checks);
            long floor = median(floors);
            long bestCheck = java.util.Collections.min(checks);
            long bestFloor = java.util.Collections.min(floors);
            List<Double> sorted = ratios.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%6d  %10.1f  %10.1f  %6.2fx  %5.2f-%5.2fx  %12.2fx  (%d pairs; best %.1f / %.1f ms)%n", n,
                    check / 1e6, floor / 1e6, median(ratios), sorted.get(sorted.size() / 4), sorted.get(sorted.size() * 3 / 4),
                    (double) bestCheck / bestFloor, ratios.size(), bestCheck / 1e6, bestFloor / 1e6);
            if (first == 0) {
                first = bestCheck / (double) n;
                floorFirst = bestFloor / (double) n;
            }
            last = bestCheck / (double) n;
            floorLast = bestFloor / (double) n;
            above.append(String.format(Locale.ROOT, "  N=%d %.2f ms", n, (bestCheck - bestFloor) / 1e6 / n));
        }
        System.out.println();
        pullRequests(root, sizes);
        if (sizes.length > 1) {
            System.out.printf(Locale.ROOT, "growth of time per revision from N=%d to N=%d: check %.2fx, floor %.2fx (1.00x = linear)%n",
                    sizes[0], sizes[sizes.length - 1], last / first, floorLast / floorFirst);
            // the floor is not linear itself (ALTER reads the whole schema); what the check adds to it should be
            System.out.printf(Locale.ROOT, "check time above the floor per revision:%s; growth %.2fx (1.00x = linear)%n", above,
                    (last - floorLast) / (first - floorFirst));
        }
    }

    /**
     * Runs the check and the floor until the JIT has settled: a steady state, as JMH would measure it. On a
     * 2-core machine C2 keeps compiling the check's code for a minute or more, on a core the check's second
     * lane needs, so a fixed short warm-up measures the compiler as much as the check.
     */
    private static void warmUp(Path warm) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        System.out.println("warming up until the JIT has settled ...");
        long start = System.nanoTime();
        long window = start;
        long compiled = jit.getTotalCompilationTime();
        while (true) {
            check(warm);
            floor(warm);
            long now = System.nanoTime();
            if (now - window >= WARM_UP_WINDOW_SECONDS * 1_000_000_000L) {
                long compiling = jit.getTotalCompilationTime() - compiled;
                double share = compiling / ((now - window) / 1e6);
                boolean settled = now - start >= MIN_WARM_UP_SECONDS * 1_000_000_000L && share <= SETTLED_JIT_SHARE;
                if (settled || now - start >= MAX_WARM_UP_SECONDS * 1_000_000_000L) {
                    System.out.printf(Locale.ROOT, "warm after %.0f s (the JIT compiled for %.0f%% of the last %d s)%n",
                            (now - start) / 1e9, share * 100, WARM_UP_WINDOW_SECONDS);
                    return;
                }
                window = now;
                compiled = jit.getTotalCompilationTime();
            }
        }
    }

    private static void pullRequests(Path root, int[] sizes) throws Exception {
        System.out.println("a pull request adding revision N, `strata check` as a process (wall time, median of 3):");
        System.out.printf(Locale.ROOT, "%6s  %14s  %14s  %14s%n", "N", "no cache s", "warm cache s", "warm / none");
        for (int n : sizes) {
            pullRequest(root.resolve("pr" + n), n);
        }
    }

    /**
     * The check of a pull request that adds revision N to a history whose first N - 1 revisions an earlier check (on
     * the base branch) left in the cache, against the same check without a cache; both as the command a CI job runs.
     */
    private static void pullRequest(Path dir, int n) throws Exception {
        Path project = SyntheticHistory.write(dir, n);
        Path aside = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-aside"));
        List<Path> newest = new ArrayList<>();
        try (var files = Files.walk(project)) {
            files.filter(p -> p.getFileName().toString().matches("(V|U)" + n + "__.*\\.sql|0*" + n + "-.*\\.json")).forEach(newest::add);
        }
        for (Path p : newest) {
            Files.move(p, aside.resolve(p.getFileName()));
        }
        Path cache = project.resolve(".strata/cache");
        // the base branch's check: its models are those of revision N, which it does not have yet
        process(project, "--cache", cache.toString(), "--skip", "models");
        Path base = dir.resolveSibling(dir.getFileName() + "-base-cache");
        copyFolder(cache, base);
        for (Path p : newest) {
            Files.move(aside.resolve(p.getFileName()), p);
        }
        List<Long> none = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            none.add(process(project, "--no-cache"));
            copyFolder(base, cache);
            warm.add(process(project, "--cache", cache.toString()));
        }
        System.out.printf(Locale.ROOT, "%6d  %14.2f  %14.2f  %13.2fx%n", n, median(none) / 1e9, median(warm) / 1e9,
                (double) median(warm) / median(none));
    }

    /** By the launcher users run (its JVM options and class-data archive) when ci/bench/check.sh names it, else by java. */
    private static long process(Path project, String... flags) throws Exception {
        String launcher = System.getProperty("strata.launcher");
        List<String> command = new ArrayList<>(launcher != null ? List.of(launcher)
                : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                        "dev.strata.cli.StrataCommand"));
        command.addAll(List.of("-C", project.toString(), "check", "--format", "json"));
        command.addAll(List.of(flags));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int exit = p.waitFor();
        long took = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException("strata check " + String.join(" ", flags) + " on " + project + " exited " + exit);
        }
        return took;
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        if (Files.exists(to)) {
            try (var old = Files.walk(to)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (var all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static <T extends Comparable<T>> T median(List<T> values) {
        List<T> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long check(Path project) {
        long start = System.nanoTime();
        Cli cli = Cli.run("-C", project.toString(), "check", "--skip", "history,immutability,projection,lint", "--format", "json",
                "--no-cache");
        long took = System.nanoTime() - start;
        if (cli.exit() != 0) {
            throw new IllegalStateException("the synthetic history does not pass the check:\n" + cli);
        }
        return took;
    }

    /** Every V file once, then every U file once in reverse, by plain JDBC with foreign keys on. */
    private static long floor(Path project) throws Exception {
        List<MigrationPair> pairs = new dev.strata.cli.layout.FlywayLayout().read(project.resolve("db/migration"), "db/migration").pairs();
        Properties p = new Properties();
        p.setProperty("foreign_keys", "true");
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:", p); Statement st = c.createStatement()) {
            for (MigrationPair pair : pairs) {
                run(c, st, pair.up());
            }
            for (int i = pairs.size() - 1; i >= 0; i--) {
                run(c, st, pairs.get(i).down());
            }
        }
        return System.nanoTime() - start;
    }

    private static void run(Connection c, Statement st, MigrationScript script) throws Exception {
        if (script.transactional()) {
            c.setAutoCommit(false);
        }
        for (String sql : script.script().statements()) {
            st.execute(sql);
        }
        if (script.transactional()) {
            c.commit();
            c.setAutoCommit(true);
        }
    }
}
