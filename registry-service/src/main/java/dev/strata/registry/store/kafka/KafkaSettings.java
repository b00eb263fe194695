package dev.strata.registry.store.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the registry keeps its log on Kafka.
 *
 * @param partitions partitions of a topic the store creates (records are keyed by subject, so each subject is ordered)
 * @param replicationFactor replicas of a topic the store creates (1 for one broker; 3 in production)
 * @param minInSyncReplicas {@code min.insync.replicas} of a topic the store creates (2 in production)
 * @param timeout how long an append waits to read its own record back, and start-up to catch up
 */
public record KafkaSettings(String bootstrapServers, String topic, int partitions, short replicationFactor, int minInSyncReplicas,
                            Duration timeout) {

    public static final String DEFAULT_TOPIC = "strata.events";

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "Kafka needs --bootstrap-servers HOST:PORT");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka needs --bootstrap-servers HOST:PORT");
        }
        if (topic == null || !topic.matches("[A-Za-z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("invalid topic '" + topic + "': use letters, digits, '.', '_' or '-'");
        }
        if (partitions < 1 || replicationFactor < 1 || minInSyncReplicas < 1 || minInSyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("topic " + topic + ": partitions and replicas must be 1 or more, and min.insync.replicas"
                    + " at most the replication factor (" + minInSyncReplicas + " > " + replicationFactor + ")");
        }
        Objects.requireNonNull(timeout, "timeout");
    }

    /** One broker: one partition, one replica, a 30 s timeout. */
    public static KafkaSettings of(String bootstrapServers, String topic) {
        return new KafkaSettings(bootstrapServers, topic, 1, (short) 1, 1, Duration.ofSeconds(30));
    }
}
