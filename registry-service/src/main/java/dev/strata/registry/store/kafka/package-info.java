/**
 * The event store on an Apache Kafka topic: every registry instance folds the whole topic with the same
 * deterministic rule (the first record for a subject's next version wins), so instances agree without a
 * leader. The only package that uses Kafka's clients.
 */
package dev.strata.registry.store.kafka;
