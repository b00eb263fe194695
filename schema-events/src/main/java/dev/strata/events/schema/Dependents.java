package dev.strata.events.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The views and triggers that stand on some tables, views or columns: what SQLite would refuse to
 * leave dangling when those change, so they go before the change and come back after it. Both lists
 * keep the schema's creation order: drop the triggers, then the views from last to first; recreate
 * the views in order, then the triggers.
 */
public record Dependents(List<View> views, List<Trigger> triggers) {

    public static final Dependents NONE = new Dependents(List.of(), List.of());

    public Dependents {
        views = List.copyOf(views);
        triggers = List.copyOf(triggers);
    }

    public boolean isEmpty() {
        return views.isEmpty() && triggers.isEmpty();
    }

    /** "view v", "trigger t", ... for messages, views first. */
    public List<String> described() {
        List<String> out = new ArrayList<>();
        views.forEach(v -> out.add("view " + v.name()));
        triggers.forEach(t -> out.add("trigger " + t.name()));
        return out;
    }

    public boolean hasView(Identifier name) {
        return views.stream().anyMatch(v -> v.name().equals(name));
    }

    public boolean hasTrigger(Identifier name) {
        return triggers.stream().anyMatch(t -> t.name().equals(name));
    }
}
