package dev.strata.registry.service;

import dev.strata.events.Revision;
import dev.strata.events.Subject;
import dev.strata.events.checkpoint.Checkpoint;
import dev.strata.events.checkpoint.Signer;
import dev.strata.events.checkpoint.SigningKey;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.json.RevisionHasher;
import dev.strata.registry.domain.ConflictException;
import dev.strata.registry.domain.DeploymentRecorded;
import dev.strata.registry.domain.EventStore;
import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.domain.RevisionRecorded;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.domain.DamagedSubjectException;
import dev.strata.registry.domain.SubjectLog;
import dev.strata.registry.domain.TagReleased;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    private final SigningKey key;
    private final Signer signer;
    private final Map<Subject, SubjectView> views = new ConcurrentHashMap<>();
    private final Map<Subject, Object> writing = new ConcurrentHashMap<>();
    private final DecidedRevisions decidedRevisions = new DecidedRevisions();
    private final AutoCloseable subscription;
    private volatile boolean built;

    /** A registry that signs with a key of its own, kept in memory only (for tests and tools). */
    public Registry(EventStore store) {
        this(store, SigningKey.generate());
    }

    /**
     * Folds the store's log into projections, at once when the store has read its whole log, otherwise as soon as it
     * has ({@link #ready()} tells which); events appended from then on are applied as they come.
     */
    public Registry(EventStore store, SigningKey key) {
        this.store = store;
        this.key = key;
        this.signer = new BouncyCastleSigner(key);
        this.subscription = store.subscribe(e -> {
            if (built) {
                apply(e);
            }
        });
        java.util.concurrent.CompletableFuture<Void> caughtUp = store.caughtUp().toCompletableFuture();
        if (caughtUp.isDone()) {
            build();
        } else {
            caughtUp.thenRun(this::build).exceptionally(failed -> {
                System.err.println("strata registry: the projections were not built, /ready stays 503: " + failed.getMessage());
                return null;
            });
        }
    }

    /** Whether the projections hold the whole log the store had when it opened. */
    public boolean ready() {
        return built;
    }

    /** Folds the whole log, subjects in parallel, each in one pass. */
    private void build() {
        Map<Subject, List<StoredEvent>> bySubject = new java.util.LinkedHashMap<>();
        for (StoredEvent e : store.readAll()) {
            bySubject.computeIfAbsent(e.subject(), s -> new ArrayList<>()).add(e);
        }
        bySubject.entrySet().parallelStream().forEach(entry -> views.merge(entry.getKey(), SubjectView.of(entry.getValue()),
                (applied, folded) -> applied.log().version() >= folded.log().version() ? applied : folded));
        built = true;
        // an event appended while the log was read was not in it and not applied: the catch-up finds it
        bySubject.keySet().forEach(this::catchUp);
    }

    /**
     * Applies an event once, in version order (the subscription and a catch-up read may both deliver it). An
     * event that cannot apply (stored by an older version, or by hand) marks its subject damaged instead of
     * stopping the registry: every other subject is served as before.
     */
    private void apply(StoredEvent e) {
        if (e.version() > view(e.subject()).log().version() + 1) {
            // an event missed in between (appended while the log was read): read the subject from where it is
            catchUp(e.subject());
            return;
        }
        applyNext(e);
    }

    private void applyNext(StoredEvent e) {
        views.compute(e.subject(), (s, view) -> {
            SubjectView v = view == null ? SubjectView.EMPTY : view;
            if (e.version() != v.log().version() + 1) {
                return v;
            }
            SubjectLog next = v.log().apply(e);
            if (v.isDamaged()) {
                return v.withLog(next).withEvent(e);
            }
            try {
                return next(v, next, e.event()).withEvent(e);
            } catch (RuntimeException cannotApply) {
                return v.withLog(next).damagedAt(e.version(), SubjectView.cannotApplyMessage(e, cannotApply)).withEvent(e);
            }
        });
    }

    private SubjectView next(SubjectView v, SubjectLog next, RegistryEvent event) {
        if (event instanceof RevisionRecorded r) {
            return decidedRevisions.apply(v, next, r);
        }
        return v.withLog(next);
    }

    private void catchUp(Subject subject) {
        SubjectView v = view(subject);
        for (StoredEvent e : store.read(subject, v.log().version() + 1)) {
            applyNext(e);
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
        Map<RevisionRecorded, Revision> parsed = new java.util.IdentityHashMap<>();
        for (Revision r : revisions) {
            String computed = RevisionHasher.hash(r);
            if (!computed.equals(r.hash())) {
                throw new IllegalArgumentException("revision " + r.label() + ": its hash " + r.hash()
                        + " does not match its content (" + computed + ")");
            }
            RevisionRecorded recorded = new RevisionRecorded(r.number(), r.hash(), r.parent(), RevisionCodec.write(r));
            pushed.add(recorded);
            parsed.put(recorded, r);
        }
        return write(subject, log -> log.push(subject.name(), pushed), parsed);
    }

    /** Records a release; a repeated identical release is a no-op. */
    public int release(Subject subject, TagReleased tag) {
        if (!exists(subject)) {
            throw new IllegalArgumentException("no subject " + subject + "; push its revisions before releasing tag " + tag.tag());
        }
        return write(subject, log -> log.release(subject.name(), tag), Map.of());
    }

    public int deploy(Subject subject, DeploymentRecorded deployment) {
        if (deployment.to() > view(subject).head()) {
            throw new IllegalArgumentException("deployment to " + deployment.environment() + " names revision " + deployment.to()
                    + " but " + subject + " has revisions 1.." + view(subject).head());
        }
        return write(subject, log -> List.of(deployment), Map.of());
    }

    /** The subjects whose log holds an event the registry cannot apply, each with the first such version. */
    public Map<Subject, SubjectView.Damage> damaged() {
        Map<Subject, SubjectView.Damage> out = new java.util.TreeMap<>(java.util.Comparator.comparing(Subject::name));
        views.forEach((s, v) -> v.damage().ifPresent(d -> out.put(s, d)));
        return out;
    }

    /**
     * Decides a write completely on the view it was read from (hash, chain, and that every event applies to the
     * projected schema), then appends it conditional on that view's version, so nothing stored can fail to apply.
     */
    private int write(Subject subject, Function<SubjectLog, List<RegistryEvent>> decide, Map<RevisionRecorded, Revision> parsed) {
        // one write per subject at a time here: writes of this instance never race each other for a version, and
        // writes to different subjects still share the store's commits
        synchronized (writing.computeIfAbsent(subject, s -> new Object())) {
            return writeLocked(subject, decide, parsed);
        }
    }

    private int writeLocked(Subject subject, Function<SubjectLog, List<RegistryEvent>> decide, Map<RevisionRecorded, Revision> parsed) {
        // the view is kept current by the subscription, so it is read from the store only when it may be behind: after a
        // conflict, and before a refusal or a no-op is answered (another process may have written the same file)
        boolean readStore = false;
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            if (readStore) {
                catchUp(subject);
            }
            SubjectView view = view(subject);
            SubjectLog log = view.log();
            List<RegistryEvent> events;
            try {
                events = decided(subject, view, decide, parsed);
            } catch (RuntimeException refused) {
                if (!readStore && behind(subject, log)) {
                    readStore = true;
                    continue;
                }
                throw refused;
            }
            if (events.isEmpty()) {
                if (!readStore && behind(subject, log)) {
                    readStore = true;
                    continue;
                }
                return 0;
            }
            try {
                store.append(subject, log.version(), events);
                if (view(subject).log().version() < log.version() + events.size()) {
                    catchUp(subject);
                }
                return events.size();
            } catch (ConflictException raced) {
                // another writer appended first: decide again on the log as it is now
                readStore = true;
            } finally {
                decidedRevisions.forget(events);
            }
        }
        throw new ConflictException(subject + ": too many concurrent writes; retry");
    }

    /** Whether the store holds events of the subject after {@code log}'s version. */
    private boolean behind(Subject subject, SubjectLog log) {
        return store.version(subject) > log.version();
    }

    /**
     * The events of a write, decided completely on {@code view}: hash, chain, and that every event applies to its schema.
     * Each revision's step is kept for the writer's fold ({@link DecidedRevisions}); {@code parsed} holds the revisions
     * the request carried, so their files are not parsed again.
     */
    private List<RegistryEvent> decided(Subject subject, SubjectView view, Function<SubjectLog, List<RegistryEvent>> decide,
                                        Map<RevisionRecorded, Revision> parsed) {
        if (view.damage().isPresent()) {
            throw new DamagedSubjectException(subject + " is damaged: " + view.damage().get().message()
                    + "; repair its log before writing to it (the audit shows where)");
        }
        List<RegistryEvent> events = decide.apply(view.log());
        SubjectView tried = view;
        try {
            for (RegistryEvent e : events) {
                // only the schema is tried here: the log's fold was the decision's, and the writer folds what it stores
                if (e instanceof RevisionRecorded r) {
                    Revision revision = parsed.get(r);
                    tried = decidedRevisions.decide(tried, r,
                            revision != null ? revision : RevisionCodec.read(r.json(), "revision " + r.number()));
                }
            }
        } catch (dev.strata.events.InvalidEventException invalid) {
            decidedRevisions.forget(events);
            throw new IllegalArgumentException(subject + ": " + invalid.getMessage()
                    + "; nothing was stored (fix the revision so that it applies to the schema the registry holds)");
        } catch (RuntimeException failed) {
            decidedRevisions.forget(events);
            throw failed;
        }
        return events;
    }

    public List<StoredEvent> log(Subject subject) {
        return store.read(subject, 1);
    }

    /** The subject's events from {@code fromVersion} on, as stored (none when the log is shorter). */
    public List<StoredEvent> log(Subject subject, long fromVersion) {
        return store.read(subject, fromVersion);
    }

    /** The key checkpoints are signed with. */
    public SigningKey signingKey() {
        return key;
    }

    /**
     * The signed checkpoint of a subject's head: its newest revision and its newest log event (tags and deployments
     * included), both as this registry has applied them.
     */
    public Checkpoint checkpoint(Subject subject) {
        SubjectView view = view(subject);
        SubjectLog log = view.log();
        if (log.version() == 0) {
            throw new IllegalArgumentException("no subject " + subject + "; push its revisions first");
        }
        List<RevisionRecorded> revisions = log.revisions();
        // the view's history holds every event its log has folded, so its last one is the log's head
        String head = view.history().get((int) log.version() - 1).hash();
        return Checkpoint.sign(subject.name(), revisions.size(), revisions.isEmpty() ? "" : revisions.get(revisions.size() - 1).hash(),
                log.version(), head, Instant.now().truncatedTo(ChronoUnit.SECONDS), signer);
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
