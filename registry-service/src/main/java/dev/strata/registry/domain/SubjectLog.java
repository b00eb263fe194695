package dev.strata.registry.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a subject's log says: its revisions, tags and latest deployment per environment, and the
 * rules every write must pass. The rules run on this fold of the log, so every instance that has
 * read the same log decides the same way.
 */
public record SubjectLog(long version, List<RevisionRecorded> revisions, Map<String, TagReleased> tags,
                         Map<String, DeploymentRecorded> deployments) {

    public static final SubjectLog EMPTY = new SubjectLog(0, List.of(), Map.of(), Map.of());

    public SubjectLog {
        revisions = List.copyOf(revisions);
        tags = FrozenMap.of(tags);
        deployments = FrozenMap.of(deployments);
    }

    public static SubjectLog of(List<StoredEvent> events) {
        Builder log = new Builder();
        events.forEach(log::add);
        return log.build();
    }

    /** A log folded in bulk, as at start-up: the same log as {@link #apply} event by event gives, with no copy per event. */
    public static final class Builder {
        private long version;
        private final List<RevisionRecorded> revisions = new ArrayList<>();
        private final Map<String, TagReleased> tags = new LinkedHashMap<>();
        private final Map<String, DeploymentRecorded> deployments = new LinkedHashMap<>();

        public Builder add(StoredEvent e) {
            e.event().addTo(this);
            version = e.version();
            return this;
        }

        void revision(RevisionRecorded r) {
            revisions.add(r);
        }

        void tag(TagReleased t) {
            tags.put(t.tag(), t);
        }

        void deployment(DeploymentRecorded d) {
            deployments.put(d.environment(), d);
        }

        public long version() {
            return version;
        }

        public SubjectLog build() {
            return new SubjectLog(version, revisions, tags, deployments);
        }
    }

    public SubjectLog apply(StoredEvent e) {
        return e.event().foldInto(this).withVersion(e.version());
    }

    SubjectLog withVersion(long v) {
        return new SubjectLog(v, revisions, tags, deployments);
    }

    SubjectLog withRevision(RevisionRecorded r) {
        List<RevisionRecorded> next = new ArrayList<>(revisions);
        next.add(r);
        return new SubjectLog(version, next, tags, deployments);
    }

    SubjectLog withTag(TagReleased t) {
        return new SubjectLog(version, revisions, ((FrozenMap<String, TagReleased>) tags).with(t.tag(), t), deployments);
    }

    SubjectLog withDeployment(DeploymentRecorded d) {
        return new SubjectLog(version, revisions, tags, ((FrozenMap<String, DeploymentRecorded>) deployments).with(d.environment(), d));
    }

    /**
     * The events a push of revisions 1..n adds: none when the log has them all already; the new ones
     * after the log's head otherwise.
     *
     * @throws ConflictException naming the first revision that differs, when the push rewrites history
     * @throws IllegalArgumentException when the push skips a revision or breaks its own chain
     */
    public List<RegistryEvent> push(String subject, List<RevisionRecorded> pushed) {
        List<RegistryEvent> out = new ArrayList<>();
        String parent = null;
        for (int i = 0; i < pushed.size(); i++) {
            RevisionRecorded p = pushed.get(i);
            if (p.number() != i + 1) {
                throw new IllegalArgumentException("the push skips a revision: position " + (i + 1) + " holds revision " + p.number()
                        + "; push revisions 1.." + pushed.size() + " in order");
            }
            if (i > 0 && !p.parent().equals(parent)) {
                throw new IllegalArgumentException("revision " + p.number() + " names parent " + p.parent()
                        + " but revision " + i + " has hash " + parent);
            }
            if (i < revisions.size()) {
                RevisionRecorded have = revisions.get(i);
                if (!have.hash().equals(p.hash())) {
                    throw new ConflictException("the push rewrites history of " + subject + ": revision " + p.number()
                            + " is " + have.hash() + " in the registry but " + p.hash() + " in the push");
                }
            } else {
                out.add(p);
            }
            parent = p.hash();
        }
        return out;
    }

    /** The event releasing a tag, or none when the same release is recorded already. */
    public List<RegistryEvent> release(String subject, TagReleased tag) {
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("no subject " + subject + "; push its revisions before releasing tag " + tag.tag());
        }
        if (tag.revision() > revisions.size()) {
            throw new IllegalArgumentException("tag " + tag.tag() + " names revision " + tag.revision() + " but " + subject
                    + " has revisions 1.." + revisions.size() + "; push the revisions first");
        }
        TagReleased have = tags.get(tag.tag());
        if (have != null) {
            if (have.revision() == tag.revision() && have.commit().equals(tag.commit())) {
                return List.of();
            }
            throw new ConflictException("tag " + tag.tag() + " of " + subject + " was released at revision " + have.revision()
                    + " (commit " + have.commit() + "); a tag is released once");
        }
        return List.of(tag);
    }
}
