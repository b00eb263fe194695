package dev.strata.registry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a run spent its CPU, from Linux's per-thread counters ({@code /proc/self/task/<tid>/stat}, user and system time,
 * JVM threads included), summed by group: the registry's HTTP workers, its SQLite writer, the load's clients, the JIT
 * compilers, the garbage collector, and the rest. Empty where there is no /proc.
 */
final class CpuTime {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux counts thread times in clock ticks of 10 ms (USER_HZ 100 on every common build). */
    private static final double MICROS_PER_TICK = 10_000;
    private static final List<String> GROUPS = List.of("http workers", "writer", "clients", "jit", "gc", "other");

    private final Map<String, Long> ticks;

    private CpuTime(Map<String, Long> ticks) {
        this.ticks = ticks;
    }

    /** Ticks used so far per thread (keyed by thread id and name, so a reused id is another thread). */
    static CpuTime now() {
        Map<String, Long> ticks = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return new CpuTime(ticks);
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                // pid (comm) state ...: comm may hold spaces and parentheses, so the fields start after the last ')'
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String[] fields = stat.substring(close + 2).split(" ");
                // fields[0] is the state (field 3); utime and stime are fields 14 and 15
                long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                ticks.put(task.getFileName() + " " + stat.substring(open + 1, close), used);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + TASKS + ": " + e.getMessage(), e);
        }
        return new CpuTime(ticks);
    }

    /** The CPU time since {@code start}, in microseconds per unit of work ({@code units} of them): in all, then per group. */
    Map<String, Double> since(CpuTime start, int units) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("all", 0.0);
        GROUPS.forEach(g -> out.put(g, 0.0));
        ticks.forEach((thread, used) -> {
            double micros = (used - start.ticks.getOrDefault(thread, 0L)) * MICROS_PER_TICK / units;
            out.merge(group(thread.substring(thread.indexOf(' ') + 1)), micros, Double::sum);
            out.merge("all", micros, Double::sum);
        });
        return out;
    }

    private static String group(String thread) {
        if (thread.startsWith("registry-http")) {
            return "http workers";
        }
        if (thread.startsWith("strata-sqlite-w")) {
            return "writer";
        }
        if (thread.startsWith(HttpLoad.CLIENT_THREAD)) {
            return "clients";
        }
        if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
            return "jit";
        }
        return thread.startsWith("GC ") || thread.startsWith("G1 ") ? "gc" : "other";
    }

    /** {@code 312 us (http workers 180, writer 60, ...)}, or a note that nothing was measured. */
    static String describe(Map<String, Double> micros) {
        if (micros.get("all") == 0) {
            return "not measured (no /proc/self/task)";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%.0f us", micros.get("all")));
        String sep = " (";
        for (String g : GROUPS) {
            out.append(sep).append(g).append(String.format(Locale.ROOT, " %.0f", micros.get(g)));
            sep = ", ";
        }
        return out.append(')').toString();
    }
}
