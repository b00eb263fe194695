package dev.strata.events.schema;

import java.util.Set;

/**
 * Decides which views and triggers of a schema read or write some tables, views or columns, directly
 * or through other views (the port behind {@link Schema#dependents}). Triggers on the named tables and
 * views themselves are not dependents: they go and come with their table or view. Triggers on a
 * dependent view are. Usage: {@code schema.dependents(Set.of(orders), Set.of())}.
 */
public interface DependentsFinder {

    Dependents find(Schema schema, Set<Identifier> relations, Set<ColumnRef> columns);
}
