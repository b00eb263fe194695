package dev.strata.registry.service;

import dev.strata.events.Revision;
import dev.strata.events.Subject;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.json.RevisionHasher;
import dev.strata.registry.domain.ConflictException;
import dev.strata.registry.domain.DeploymentRecorded;
import dev.strata.registry.domain.EventStore;
import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.domain.RevisionRecorded;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.domain.SubjectLog;
import dev.strata.registry.domain.TagReleased;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The registry: projections of every subject, rebuilt from the store when it starts and kept current
 * by the store's subscription, and the writes, each decided on the projection and appended with the
 * version it was decided on (retried when another writer came first).
 */
public final class Registry implements AutoCloseable {

    private static final int RETRIES = 50;

    private final EventStore store;
    private final Map<Subject, SubjectView> views = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;

    public Registry(EventStore store) {
        this.store = store;
        this.subscription = store.subscribe(this::apply);
        for (StoredEvent e : store.readAll()) {
            apply(e);
        }
    }

    /** Applies an event once, in version order (the subscription and a catch-up read may both deliver it). */
    private void apply(StoredEvent e) {
        views.compute(e.subject(), (s, view) -> {
            SubjectView v = view == null ? SubjectView.EMPTY : view;
            if (e.version() != v.log().version() + 1) {
                return v;
            }
            SubjectLog next = v.log().apply(e);
            if (e.event() instanceof RevisionRecorded r) {
                return v.withRevision(next, RevisionCodec.read(r.json(), s + " revision " + r.number()));
            }
            return v.withLog(next);
        });
    }

    private void catchUp(Subject subject) {
        SubjectView v = view(subject);
        for (StoredEvent e : store.read(subject, v.log().version() + 1)) {
            apply(e);
        }
    }

    public List<Subject> subjects() {
        return views.keySet().stream().sorted(java.util.Comparator.comparing(Subject::name)).toList();
    }

    public SubjectView view(Subject subject) {
        return views.getOrDefault(subject, SubjectView.EMPTY);
    }

    public boolean exists(Subject subject) {
        return views.containsKey(subject);
    }

    /** Pushes revisions 1..n: appends the new ones; returns how many were new (0 for a re-push). */
    public int push(Subject subject, List<Revision> revisions) {
        List<RevisionRecorded> pushed = new ArrayList<>();
        for (Revision r : revisions) {
            String computed = RevisionHasher.hash(r);
            if (!computed.equals(r.hash())) {
                throw new IllegalArgumentException("revision " + r.label() + ": its hash " + r.hash()
                        + " does not match its content (" + computed + ")");
            }
            pushed.add(new RevisionRecorded(r.number(), r.hash(), r.parent(), RevisionCodec.write(r)));
        }
        return write(subject, log -> log.push(subject.name(), pushed));
    }

    /** Records a release; a repeated identical release is a no-op. */
    public int release(Subject subject, TagReleased tag) {
        return write(subject, log -> log.release(subject.name(), tag));
    }

    public int deploy(Subject subject, DeploymentRecorded deployment) {
        if (deployment.to() > view(subject).head()) {
            throw new IllegalArgumentException("deployment to " + deployment.environment() + " names revision " + deployment.to()
                    + " but " + subject + " has revisions 1.." + view(subject).head());
        }
        return write(subject, log -> List.of(deployment));
    }

    private int write(Subject subject, Function<SubjectLog, List<RegistryEvent>> decide) {
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            catchUp(subject);
            SubjectLog log = view(subject).log();
            List<RegistryEvent> events = decide.apply(log);
            if (events.isEmpty()) {
                return 0;
            }
            try {
                store.append(subject, log.version(), events);
                catchUp(subject);
                return events.size();
            } catch (ConflictException raced) {
                // another writer appended first: decide again on the log as it is now
            }
        }
        throw new ConflictException(subject + ": too many concurrent writes; retry");
    }

    public List<StoredEvent> log(Subject subject) {
        return store.read(subject, 1);
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the registry's subscription: " + e.getMessage(), e);
        }
    }
}
