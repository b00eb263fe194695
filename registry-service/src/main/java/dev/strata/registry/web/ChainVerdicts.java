package dev.strata.registry.web;

import dev.strata.events.Subject;
import dev.strata.registry.domain.Audit;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.service.EventHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hash-chain verdict of each subject's events as the registry read them from its store, kept between requests
 * and extended by the events appended since: each event is hashed once, so the audit page of a log of 10,000
 * revisions stays fast. Reading the store again is the audit page's explicit second step.
 */
final class ChainVerdicts {

    /** The verdict over the first {@code checked} events, the last of them, and the problems found. */
    record Verdict(int checked, StoredEvent last, List<Audit.Problem> problems) {
    }

    private final Map<Subject, Verdict> verdicts = new ConcurrentHashMap<>();

    Verdict of(Subject s, EventHistory history) {
        return verdicts.compute(s, (k, v) -> {
            Verdict from = v == null || v.checked() > history.size() ? new Verdict(0, null, List.of()) : v;
            if (from.checked() == history.size()) {
                return from;
            }
            List<StoredEvent> next = new ArrayList<>(history.size() - from.checked());
            for (int i = from.checked(); i < history.size(); i++) {
                next.add(history.get(i));
            }
            List<Audit.Problem> problems = new ArrayList<>(from.problems());
            problems.addAll(Audit.verify(from.last(), next));
            return new Verdict(history.size(), next.get(next.size() - 1), List.copyOf(problems));
        });
    }
}
