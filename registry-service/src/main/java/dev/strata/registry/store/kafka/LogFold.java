package dev.strata.registry.store.kafka;

import dev.strata.events.Subject;
import dev.strata.registry.domain.StoredEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log folded into each subject's events, by the one rule every instance applies alike: an append counts
 * when it expects the subject's current version (the first record for the next version wins); any other is
 * a conflict and is skipped, as is a record no instance can read. The same records in the same order give
 * the same events, hashes included, on every instance.
 */
final class LogFold {

    /** What one record came to: its events as stored, or why it was refused. */
    record Outcome(String writer, List<StoredEvent> stored, String refusal) {
        boolean won() {
            return refusal == null;
        }
    }

    private final Map<Subject, List<StoredEvent>> bySubject = new LinkedHashMap<>();
    private final List<StoredEvent> all = new ArrayList<>();

    /** Folds one record; {@code value} is null-safe and bad values are refused, never thrown. */
    synchronized Outcome apply(String key, byte[] value) {
        Subject subject;
        AppendRecord record;
        try {
            subject = new Subject(key);
            record = AppendRecord.decode(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Outcome(null, List.of(), "unreadable record: " + e.getMessage());
        }
        List<StoredEvent> events = bySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        long current = events.size();
        if (record.expectedVersion() != current) {
            return new Outcome(record.writer(), List.of(), subject + " is at version " + current + ", not "
                    + record.expectedVersion() + ": another write came first; read again and retry");
        }
        String previous = events.isEmpty() ? null : events.get(events.size() - 1).hash();
        List<StoredEvent> stored = new ArrayList<>();
        long version = current;
        for (var e : record.events()) {
            StoredEvent s = StoredEvent.chain(subject, ++version, e, previous);
            stored.add(s);
            previous = s.hash();
        }
        events.addAll(stored);
        all.addAll(stored);
        return new Outcome(record.writer(), List.copyOf(stored), null);
    }

    synchronized List<StoredEvent> read(Subject subject, long fromVersion) {
        List<StoredEvent> events = bySubject.getOrDefault(subject, List.of());
        int from = (int) Math.max(0, Math.min(events.size(), fromVersion - 1));
        return List.copyOf(events.subList(from, events.size()));
    }

    synchronized List<StoredEvent> readAll() {
        return List.copyOf(all);
    }

    synchronized long version(Subject subject) {
        return bySubject.getOrDefault(subject, List.of()).size();
    }

    synchronized List<Subject> subjects() {
        return bySubject.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }
}
