package dev.strata.registry.service;

import dev.strata.registry.domain.StoredEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every event of a subject in version order, immutable, with appends that copy at most one block: a log of
 * 100,000 events is never copied whole per event, and any version is found at once (for the timeline's pages).
 */
public final class EventHistory {

    static final EventHistory EMPTY = new EventHistory(List.of(), new StoredEvent[0]);
    private static final int BLOCK = 256;

    private final List<StoredEvent[]> full;
    private final StoredEvent[] tail;

    private EventHistory(List<StoredEvent[]> full, StoredEvent[] tail) {
        this.full = full;
        this.tail = tail;
    }

    /** A history of {@code events}, in their order, built at once. */
    static EventHistory of(List<StoredEvent> events) {
        List<StoredEvent[]> blocks = new ArrayList<>(events.size() / BLOCK + 1);
        int full = events.size() / BLOCK * BLOCK;
        for (int i = 0; i < full; i += BLOCK) {
            blocks.add(events.subList(i, i + BLOCK).toArray(StoredEvent[]::new));
        }
        return new EventHistory(List.copyOf(blocks), events.subList(full, events.size()).toArray(StoredEvent[]::new));
    }

    /** This history with {@code e} after its last event. */
    EventHistory with(StoredEvent e) {
        StoredEvent[] next = Arrays.copyOf(tail, tail.length + 1);
        next[tail.length] = e;
        if (next.length < BLOCK) {
            return new EventHistory(full, next);
        }
        List<StoredEvent[]> blocks = new ArrayList<>(full.size() + 1);
        blocks.addAll(full);
        blocks.add(next);
        return new EventHistory(List.copyOf(blocks), new StoredEvent[0]);
    }

    public int size() {
        return full.size() * BLOCK + tail.length;
    }

    /** The event at {@code index} (0 = version 1). */
    public StoredEvent get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("event " + index + " of " + size());
        }
        int block = index / BLOCK;
        return block < full.size() ? full.get(block)[index % BLOCK] : tail[index % BLOCK];
    }

    /** Up to {@code count} events, newest first, skipping the {@code skip} newest. */
    public List<StoredEvent> newestFirst(int skip, int count) {
        List<StoredEvent> out = new ArrayList<>();
        for (int i = size() - 1 - skip; i >= 0 && out.size() < count; i--) {
            out.add(get(i));
        }
        return out;
    }
}
