package dev.strata.registry.store.kafka;

import dev.strata.events.Subject;
import dev.strata.registry.domain.ConflictException;
import dev.strata.registry.domain.EventStore;
import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.domain.StoredEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@link EventStore} on a Kafka topic, with no leader: each instance produces an append with the version it
 * expects and follows the whole topic, folding it with the rule of {@link LogFold}. An append returns only once
 * this instance has read its own record back: then it is durable ({@code acks=all}, idempotent producer),
 * visible here, and decided the same way on every instance — won, or refused as a conflict.
 *
 * <pre>try (KafkaEventStore store = KafkaEventStore.open(KafkaSettings.of("127.0.0.1:9092", "strata.events"))) { ... }</pre>
 */
public final class KafkaEventStore implements EventStore {

    private final KafkaSettings settings;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final LogFold fold = new LogFold();
    private final Map<String, CompletableFuture<LogFold.Outcome>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<StoredEvent>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final Thread follower;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private KafkaEventStore(KafkaSettings settings) {
        this.settings = settings;
        this.producer = new KafkaProducer<>(producerProperties(settings));
        this.consumer = new KafkaConsumer<>(consumerProperties(settings));
        this.follower = new Thread(this::follow, "strata-kafka-" + settings.topic());
        follower.setDaemon(true);
    }

    /**
     * Creates or checks the topic, then reads it to its end as it was at start.
     *
     * @throws IllegalStateException when the brokers do not answer, the topic would lose records, or the log cannot be read in time
     */
    public static KafkaEventStore open(KafkaSettings settings) {
        KafkaEventStore store = start(settings);
        try {
            store.caughtUp.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            store.close();
            throw new IllegalStateException("reading topic " + settings.topic() + " from its start: not at its end after "
                    + settings.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.close();
            throw new IllegalStateException("interrupted while reading topic " + settings.topic(), e);
        } catch (ExecutionException e) {
            store.close();
            throw store.failure;
        }
        return store;
    }

    /**
     * Creates or checks the topic and starts reading it from its start, without waiting: {@link #caughtUp()} completes
     * when the store has read up to the end offsets the topic had at this call.
     *
     * @throws IllegalStateException when the brokers do not answer or the topic would lose records
     */
    public static KafkaEventStore start(KafkaSettings settings) {
        Properties admin = new Properties();
        admin.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        admin.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(settings.timeout().toMillis()));
        try (Admin client = Admin.create(admin)) {
            TopicCheck.ensure(client, settings);
        }
        KafkaEventStore store = new KafkaEventStore(settings);
        store.follower.start();
        return store;
    }

    @Override
    public CompletionStage<Void> caughtUp() {
        return caughtUp.minimalCompletionStage();
    }

    private static Properties producerProperties(KafkaSettings settings) {
        Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        p.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.setProperty(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "1");
        long request = Math.min(settings.timeout().toMillis(), 30_000);
        p.setProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(request));
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        p.setProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(Math.max(settings.timeout().toMillis(), request + 1)));
        p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private static Properties consumerProperties(KafkaSettings settings) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        // no group: every instance reads every partition from the start, and commits nothing
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.setProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    /** The follower: the whole topic from its start, folded record by record, for as long as the store is open. */
    private void follow() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(settings.topic(), settings.timeout()).stream()
                    .map((PartitionInfo p) -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, settings.timeout());
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    applied(fold.apply(r.key(), r.value()));
                }
                if (!caughtUp.isDone() && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.complete(null);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = new IllegalStateException("following topic " + settings.topic() + ": " + e.getMessage(), e);
            pending.values().forEach(f -> f.completeExceptionally(failure));
            caughtUp.completeExceptionally(failure);
        } finally {
            consumer.close();
        }
    }

    private void applied(LogFold.Outcome outcome) {
        if (outcome.won()) {
            outcome.stored().forEach(s -> listeners.forEach(l -> l.accept(s)));
        }
        CompletableFuture<LogFold.Outcome> waiting = outcome.writer() == null ? null : pending.remove(outcome.writer());
        if (waiting != null) {
            waiting.complete(outcome);
        }
    }

    @Override
    public List<StoredEvent> append(Subject subject, long expectedVersion, List<RegistryEvent> events) {
        if (failure != null) {
            throw failure;
        }
        if (fold.version(subject) > expectedVersion) {
            // versions only grow: a record for this version would lose on every instance
            throw new ConflictException(subject + " is at version " + fold.version(subject) + ", not " + expectedVersion
                    + ": another write came first; read again and retry");
        }
        String writer = UUID.randomUUID().toString();
        CompletableFuture<LogFold.Outcome> outcome = new CompletableFuture<>();
        pending.put(writer, outcome);
        long wait = settings.timeout().toMillis();
        try {
            producer.send(new ProducerRecord<>(settings.topic(), subject.name(), new AppendRecord(writer, expectedVersion, events).encode()))
                    .get(wait, TimeUnit.MILLISECONDS);
            LogFold.Outcome decided = outcome.get(wait, TimeUnit.MILLISECONDS);
            if (!decided.won()) {
                throw new ConflictException(decided.refusal());
            }
            return decided.stored();
        } catch (ExecutionException e) {
            throw new IllegalStateException("appending " + events.size() + " event(s) to " + subject + " on topic " + settings.topic()
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("appending to " + subject + " on topic " + settings.topic() + ": not read back within "
                    + wait + " ms; the write may still be decided, so read the subject again before retrying", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending to " + subject, e);
        } finally {
            pending.remove(writer);
        }
    }

    @Override
    public List<StoredEvent> read(Subject subject, long fromVersion) {
        return fold.read(subject, fromVersion);
    }

    @Override
    public List<StoredEvent> readAll() {
        return fold.readAll();
    }

    @Override
    public long version(Subject subject) {
        return fold.version(subject);
    }

    @Override
    public List<Subject> subjects() {
        return fold.subjects();
    }

    @Override
    public AutoCloseable subscribe(Consumer<StoredEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            follower.join(settings.timeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
