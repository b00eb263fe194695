package dev.strata.registry.domain;

import java.time.Instant;
import java.util.List;

/** Reads an event back from its type and canonical payload (the inverse of {@link RegistryEvent#payload()}). */
public final class RegistryEvents {

    private RegistryEvents() {
    }

    public static RegistryEvent parse(String type, String payload) {
        switch (type) {
            case "RevisionRecorded" -> {
                String[] p = payload.split("\n", 4);
                require(p.length == 4, type);
                return new RevisionRecorded(Integer.parseInt(p[0]), p[1], p[2].isEmpty() ? null : p[2], p[3]);
            }
            case "TagReleased" -> {
                List<String> p = List.of(payload.split("\n", -1));
                require(p.size() == 5, type);
                return new TagReleased(p.get(0), Integer.parseInt(p.get(1)), p.get(2), p.get(3), Instant.parse(p.get(4)));
            }
            case "DeploymentRecorded" -> {
                List<String> p = List.of(payload.split("\n", -1));
                require(p.size() == 6 || p.size() == 7, type);
                return new DeploymentRecorded(p.get(0), Integer.parseInt(p.get(1)), Integer.parseInt(p.get(2)),
                        DeploymentRecorded.Outcome.valueOf(p.get(3)), p.get(4), Instant.parse(p.get(5)), p.size() == 7 ? p.get(6) : null);
            }
            default -> throw new IllegalArgumentException("unknown registry event type '" + type + "'");
        }
    }

    private static void require(boolean ok, String type) {
        if (!ok) {
            throw new IllegalArgumentException("malformed " + type + " payload");
        }
    }
}
