package dev.strata.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.events.Revision;
import dev.strata.events.json.RevisionHasher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Proves that every revision released in a version tag is in the registry with the same hash. */
public final class ReleaseAudit {

    private final Map<Integer, String> registry = new HashMap<>();

    /** Reads the subject's revisions from the registry once. */
    public ReleaseAudit(RegistryClient client, String subject) {
        RegistryClient.Reply reply = client.revisions(subject);
        if (reply.status() != 404) {
            for (JsonNode r : RegistryTrust.json(reply, "reading the revisions of " + subject)) {
                registry.put(r.path("number").asInt(), r.path("hash").asText());
            }
        }
    }

    /** The revisions of {@code tag} missing from the registry or different there, each with both hashes. */
    public List<String> problems(String tag, List<Revision> released) {
        List<String> out = new ArrayList<>();
        for (Revision r : released) {
            // recomputed, not the stored hash: an edited file keeps the hash it was recorded with
            String git = RevisionHasher.hash(r);
            String there = registry.get(r.number());
            if (there == null) {
                out.add("tag " + tag + ": revision " + r.label() + " is missing from the registry (git: " + git + ", registry: none)");
            } else if (!there.equals(git)) {
                out.add("tag " + tag + ": revision " + r.label() + " differs (git: " + git + ", registry: " + there + ")");
            }
        }
        return out;
    }
}
