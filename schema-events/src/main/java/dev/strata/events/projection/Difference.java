package dev.strata.events.projection;

/**
 * One difference between two schemas, for people.
 *
 * @param object what differs: {@code companies}, {@code companies.industry_code}, {@code ix_prices_date}
 * @param message the whole sentence, naming both sides
 * @param informational true for differences that do not make the schemas unequal (column order)
 */
public record Difference(String object, String message, boolean informational) {
}
