package dev.strata.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.events.checkpoint.Checkpoint;
import dev.strata.events.checkpoint.EventHash;

import java.util.ArrayList;
import java.util.List;

/**
 * Proves that the registry's current log extends a (verified) checkpoint: the event the checkpoint signed is still
 * there with the same hash, every later event links to it and hashes to its content (recomputed here, not taken from
 * the registry), and the checkpoint's head revision is still the registry's revision of that number.
 */
public final class CheckpointAudit {

    private CheckpointAudit() {
    }

    /** The problems found, each naming the subject and the event or revision; empty when the log extends {@code c}. */
    public static List<String> problems(RegistryClient client, Checkpoint c, String source) {
        String at = c.subject() + " event " + c.events() + " (revision " + c.version() + ")";
        String signed = "checkpoint " + source + " signed at " + c.issuedAt();
        RegistryClient.Reply reply = client.events(c.subject(), c.events());
        if (reply.status() == 404) {
            return List.of(at + ": the registry has no subject " + c.subject() + " any more, but " + signed + " saw it: the subject was deleted");
        }
        JsonNode log = RegistryTrust.json(reply, "reading the log of " + c.subject());
        if (log.isEmpty()) {
            JsonNode now = RegistryTrust.json(client.checkpoint(c.subject()), "reading the checkpoint of " + c.subject());
            long events = now.path("events").asLong();
            return List.of(at + ": missing; the registry's log ends at event " + events + " (revision " + now.path("version").asInt()
                    + ") but " + signed + " saw " + c.events() + " events, the last with hash " + c.head() + ": the newest "
                    + (c.events() - events) + " event(s) were deleted");
        }
        List<String> out = new ArrayList<>();
        String first = log.get(0).path("hash").asText();
        if (!first.equals(c.head())) {
            out.add(at + ": rewritten; the registry holds hash " + first + " but " + signed + " hash " + c.head());
        }
        out.addAll(chainProblems(c.subject(), log));
        out.addAll(revisionProblems(client, c, signed));
        return out;
    }

    /** Each event from the first on: its hash recomputed from its content, and its link to the one before. */
    private static List<String> chainProblems(String subject, JsonNode log) {
        List<String> out = new ArrayList<>();
        String previous = null;
        for (JsonNode e : log) {
            long version = e.path("version").asLong();
            String recomputed = EventHash.of(subject, version, e.path("previousHash").asText(), e.path("type").asText(),
                    e.path("payload").asText());
            if (!recomputed.equals(e.path("hash").asText())) {
                out.add(subject + " event " + version + ": its hash " + e.path("hash").asText() + " is not the hash of its content ("
                        + recomputed + "): it was altered");
            }
            if (previous != null && !previous.equals(e.path("previousHash").asText())) {
                out.add(subject + " event " + version + ": does not link to event " + (version - 1) + " (names " + e.path("previousHash").asText()
                        + ", event " + (version - 1) + " is " + previous + ")");
            }
            previous = e.path("hash").asText();
        }
        return out;
    }

    private static List<String> revisionProblems(RegistryClient client, Checkpoint c, String signed) {
        if (c.version() == 0) {
            return List.of();
        }
        JsonNode revisions = RegistryTrust.json(client.revisions(c.subject()), "reading the revisions of " + c.subject());
        for (JsonNode r : revisions) {
            if (r.path("number").asInt() == c.version()) {
                return r.path("hash").asText().equals(c.hash()) ? List.of() : List.of(c.subject() + " revision " + c.version()
                        + ": rewritten; the registry holds hash " + r.path("hash").asText() + " but " + signed + " hash " + c.hash());
            }
        }
        return List.of(c.subject() + " revision " + c.version() + ": missing; the registry has revisions 1.." + revisions.size() + " but "
                + signed + " revision " + c.version() + " with hash " + c.hash());
    }
}
