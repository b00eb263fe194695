package dev.strata.registry.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run as a table: one row per figure, SQLite first, each other store with its ratio to SQLite. */
final class Figures {

    private static final List<String> COLUMNS = List.of("sqlite", "kafka", "kafka x3");
    private final Map<String, Map<String, Double>> rows = new LinkedHashMap<>();

    void put(String figure, String store, double value) {
        rows.computeIfAbsent(figure, f -> new LinkedHashMap<>()).put(store, value);
        System.out.printf(Locale.ROOT, "%s, %s: %.2f%n", figure, store, value);
    }

    String table(Map<String, Integer> size) {
        Map<String, String> label = Map.of(
                "appends", String.format(Locale.ROOT, "appends/s, %d clients, %d threads", size.get("clients"), size.get("threads")),
                "schema p50", String.format(Locale.ROOT, "schema at tag p50 ms, %,d revisions", size.get("revisions")),
                "schema p99", String.format(Locale.ROOT, "schema at tag p99 ms, %,d revisions", size.get("revisions")),
                "rebuild", String.format(Locale.ROOT, "rebuild s, %,d events", size.get("events")));
        Map<String, String> goal = Map.of("appends", ">= 5000", "schema p50", "", "schema p99", "< 5", "rebuild", "< 5");
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-40s %10s %20s %20s %10s%n", "figure", "sqlite", "kafka (x sqlite)",
                "kafka x3 (x sqlite)", "goal"));
        for (String figure : List.of("appends", "schema p50", "schema p99", "rebuild")) {
            Map<String, Double> values = rows.getOrDefault(figure, Map.of());
            out.append(String.format(Locale.ROOT, "%-40s", label.get(figure)));
            Double base = values.get("sqlite");
            for (String c : COLUMNS) {
                Double v = values.get(c);
                String cell = v == null ? "-" : c.equals("sqlite") || base == null ? format(v) : format(v) + " (" + String.format(Locale.ROOT, "%.2fx", v / base) + ")";
                out.append(String.format(Locale.ROOT, c.equals("sqlite") ? " %10s" : " %20s", cell));
            }
            out.append(String.format(Locale.ROOT, " %10s%n", goal.get(figure)));
        }
        return out.toString();
    }

    private static String format(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
