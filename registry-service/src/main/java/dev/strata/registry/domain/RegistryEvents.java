package dev.strata.registry.domain;

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
                String[] p = payload.split("\n", -1);
                require(p.length == 5, type);
                return new TagReleased(p[0], Integer.parseInt(p[1]), p[2], p[3], Timestamps.parse(p[4]));
            }
            case "DeploymentRecorded" -> {
                String[] p = payload.split("\n", -1);
                require(p.length == 6 || p.length == 7, type);
                return new DeploymentRecorded(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                        DeploymentRecorded.Outcome.valueOf(p[3]), p[4], Timestamps.parse(p[5]), p.length == 7 ? p[6] : null);
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
