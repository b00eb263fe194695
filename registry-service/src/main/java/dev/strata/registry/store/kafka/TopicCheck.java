package dev.strata.registry.store.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the registry's topic, or refuses one set up to lose records: the log is the record, so it must
 * never be compacted or expired ({@code cleanup.policy=delete}, {@code retention.ms=-1}, {@code retention.bytes=-1}).
 */
final class TopicCheck {

    private TopicCheck() {
    }

    /** @throws IllegalStateException naming the setting to change */
    static void ensure(Admin admin, KafkaSettings settings) {
        long wait = settings.timeout().toMillis();
        try {
            if (!admin.listTopics().names().get(wait, TimeUnit.MILLISECONDS).contains(settings.topic())) {
                NewTopic topic = new NewTopic(settings.topic(), settings.partitions(), settings.replicationFactor()).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInSyncReplicas())));
                try {
                    admin.createTopics(List.of(topic)).all().get(wait, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    // another instance created it first: then it is checked like any existing topic
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            Config config = describe(admin, settings, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait));
            require(config, TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE, settings);
            require(config, TopicConfig.RETENTION_MS_CONFIG, "-1", settings);
            require(config, TopicConfig.RETENTION_BYTES_CONFIG, "-1", settings);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("checking topic " + settings.topic() + " on " + settings.bootstrapServers() + ": "
                    + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topic " + settings.topic(), e);
        }
    }

    /** The topic's configuration; a topic just created may be unknown to the broker answering for a moment. */
    private static Config describe(Admin admin, KafkaSettings settings, long deadline)
            throws ExecutionException, TimeoutException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, settings.topic());
        while (true) {
            try {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                return admin.describeConfigs(List.of(resource)).all().get(left, TimeUnit.MILLISECONDS).get(resource);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void require(Config config, String key, String expected, KafkaSettings settings) {
        String actual = config.get(key) == null ? null : config.get(key).value();
        if (!expected.equals(actual)) {
            throw new IllegalStateException("topic " + settings.topic() + " has " + key + "=" + actual + "; the registry's log"
                    + " must keep every record: set " + key + "=" + expected + " (kafka-configs --alter --entity-type topics"
                    + " --entity-name " + settings.topic() + " --add-config " + key + "=" + expected + ")");
        }
    }
}
