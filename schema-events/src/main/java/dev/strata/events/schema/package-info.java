/**
 * The immutable schema model: tables, columns, keys, constraints, indexes, views, triggers and
 * validated identifiers. Equality is semantic. Pure: no I/O, JDK only.
 */
package dev.strata.events.schema;
