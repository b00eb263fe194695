package dev.strata.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.events.Revision;
import dev.strata.events.Subject;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.diagram.ErDiagram;
import dev.strata.events.json.SchemaJson;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqliteDialect;
import dev.strata.registry.domain.Audit;
import dev.strata.registry.domain.DeploymentRecorded;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.domain.TagReleased;
import dev.strata.registry.http.Tokens.Role;
import dev.strata.registry.service.Registry;
import dev.strata.registry.service.SubjectView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static dev.strata.registry.http.RegistryServer.route;

/** The /v1 endpoints: each parses, calls the registry, renders. */
final class Routes {

    private final Registry registry;
    private final Supplier<String> metrics;
    private final BooleanSupplier ready;
    private final AnswerCache schemas = new AnswerCache(64);

    Routes(Registry registry, Supplier<String> metrics, BooleanSupplier ready) {
        this.registry = registry;
        this.metrics = metrics;
        this.ready = ready;
    }

    /** Liveness, open to all: the process answers; damaged subjects are listed (names and versions, no content). */
    private Response health(Exchange x) {
        List<Map<String, Object>> damaged = new ArrayList<>();
        registry.damaged().forEach((subject, d) -> damaged.add(Map.of("subject", subject.name(), "version", d.version())));
        return Response.json(200, Map.of("status", damaged.isEmpty() ? "ok" : "degraded", "damaged", damaged));
    }

    /** Ready when the projections hold the whole log the store had at start, until the server begins to stop. */
    private Response ready(Exchange x) {
        if (!ready.getAsBoolean()) {
            return Response.json(503, Map.of("status", "stopping"));
        }
        return registry.ready() ? Response.json(200, Map.of("status", "ready")) : Response.json(503, Map.of("status", "catching up"));
    }

    private void requireBuilt() {
        if (!registry.ready()) {
            throw ApiError.UNAVAILABLE.with("the registry is still reading its log; retry when /ready answers 200");
        }
    }

    List<RegistryServer.Route> all() {
        String s = "/v1/subjects/{subject}";
        return List.of(
                route("GET", "/health", Role.NONE, this::health),
                route("GET", "/ready", Role.NONE, this::ready),
                route("GET", "/metrics", Role.READ, x -> Response.text("text/plain; version=0.0.4", metrics.get())),
                route("GET", "/v1/openapi.json", Role.READ, x -> Response.text("application/json", OpenApi.DOCUMENT)),
                route("GET", "/v1/subjects", Role.READ, x -> {
                    requireBuilt();
                    return Response.json(200, registry.subjects().stream().map(Subject::name).toList());
                }),
                route("GET", s + "/revisions", Role.READ, this::revisions),
                route("POST", s + "/revisions", Role.WRITE, this::push),
                route("GET", s + "/revisions/{number}", Role.READ, this::revision),
                route("GET", s + "/schema", Role.READ, this::schema),
                route("GET", s + "/diff", Role.READ, this::diff),
                route("GET", s + "/plan", Role.READ, this::plan),
                route("GET", s + "/tags", Role.READ, x -> Response.json(200, known(x).log().tags().values().stream().map(Routes::tag).toList())),
                route("POST", s + "/tags", Role.WRITE, this::release),
                route("GET", s + "/deployments", Role.READ, x -> Response.json(200,
                        known(x).log().deployments().values().stream().map(Routes::deployment).toList())),
                route("POST", s + "/deployments", Role.WRITE, this::deploy),
                route("GET", s + "/audit", Role.READ, this::audit),
                route("GET", "/v1/signing-key", Role.READ, x -> Response.json(200, Map.of("algorithm", "Ed25519",
                        "keyId", registry.signingKey().keyId(), "publicKey", registry.signingKey().publicKeyBase64()))),
                route("GET", s + "/checkpoint", Role.READ, x -> Response.json(200, checkpoint(x))),
                route("GET", s + "/events", Role.READ, this::events));
    }

    private SubjectView known(Exchange x) {
        requireBuilt();
        Subject subject = x.subject();
        if (!registry.exists(subject)) {
            throw ApiError.NOT_FOUND.with("no subject " + subject + "; push its revisions first");
        }
        return registry.view(subject);
    }

    private Response revisions(Exchange x) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Revision r : known(x).revisions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", r.number());
            m.put("slug", r.slug());
            m.put("message", r.message());
            m.put("author", r.author());
            m.put("timestamp", r.timestamp().toString());
            m.put("hash", r.hash());
            out.add(m);
        }
        return Response.json(200, out);
    }

    private Response revision(Exchange x) {
        SubjectView v = known(x);
        int n = number(x.pathParams().get(1), v);
        if (n < 1) {
            throw ApiError.NOT_FOUND.with("revision numbers start at 1");
        }
        return Response.text("application/json", RevisionCodec.write(v.revisions().get(n - 1)));
    }

    private Response push(Exchange x) {
        requireBuilt();
        JsonNode body = x.json();
        if (!body.isArray()) {
            throw ApiError.BAD_REQUEST.with("expected a JSON array of revision documents, revisions 1..n in order");
        }
        List<Revision> revisions = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            try {
                revisions.add(RevisionCodec.read(body.get(i).toString(), "request body [" + i + "]"));
            } catch (RuntimeException e) {
                throw ApiError.BAD_REQUEST.with(e.getMessage());
            }
        }
        int added = registry.push(x.subject(), revisions);
        return Response.json(added == 0 ? 200 : 201, Map.of("added", added, "head", registry.view(x.subject()).head(),
                "checkpoint", checkpoint(x)));
    }

    /** {@code at}: head, a revision number, a tag name, or an ISO time (the newest revision recorded by then). */
    private static int at(String value, SubjectView v) {
        try {
            return v.at(value);
        } catch (java.util.NoSuchElementException e) {
            throw ApiError.NOT_FOUND.with(e.getMessage());
        }
    }

    private static int number(String value, SubjectView v) {
        try {
            return v.revisionNumber(value);
        } catch (java.util.NoSuchElementException e) {
            throw ApiError.NOT_FOUND.with(e.getMessage());
        }
    }

    private Response schema(Exchange x) {
        SubjectView v = known(x);
        int n = at(x.query().get("at"), v);
        Schema schema = v.schemaAt(n);
        String format = x.query().getOrDefault("format", "json");
        String key = x.subject().name() + "@" + n + "." + format;
        return switch (format) {
            case "json" -> Response.encoded("application/json", schemas.get(key, () -> SchemaJson.write(schema)));
            case "sql" -> Response.encoded("application/sql", schemas.get(key, () -> SqliteDialect.createAll(schema).text()));
            case "mermaid" -> Response.encoded("text/plain", schemas.get(key, () -> ErDiagram.of(schema)));
            default -> throw ApiError.BAD_REQUEST.with("format must be json, sql or mermaid");
        };
    }

    private Response diff(Exchange x) {
        SubjectView v = known(x);
        int from = at(x.param("from"), v);
        int to = at(x.param("to"), v);
        List<Map<String, Object>> out = new ArrayList<>();
        SchemaDiff.differences(v.schemaAt(to), v.schemaAt(from), "revision " + to, "revision " + from)
                .forEach(d -> out.add(Map.of("object", d.object(), "message", d.message(), "informational", d.informational())));
        return Response.json(200, Map.of("from", from, "to", to, "differences", out));
    }

    /** The deploy plan between two tags: each revision's upgrade and rollback SQL. */
    private Response plan(Exchange x) {
        SubjectView v = known(x);
        int from = at(x.param("from"), v);
        int to = at(x.param("to"), v);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Revision r : v.revisions().subList(Math.min(from, to), to)) {
            Schema before = v.schemaAt(r.number() - 1);
            steps.add(Map.of("revision", r.number(), "label", r.label(), "up", SqliteDialect.upgrade(before, r).text(),
                    "down", SqliteDialect.downgrade(before, r).text()));
        }
        return Response.json(200, Map.of("from", from, "to", to, "revisions", steps));
    }

    private Response release(Exchange x) {
        known(x);
        JsonNode b = x.json();
        TagReleased tag = new TagReleased(text(b, "tag"), b.path("revision").asInt(-1), text(b, "commit"), text(b, "by"),
                Instant.now());
        int added = registry.release(x.subject(), tag);
        Map<String, Object> out = new LinkedHashMap<>(tag(registry.view(x.subject()).log().tags().get(tag.tag())));
        out.put("checkpoint", checkpoint(x));
        return Response.json(added == 0 ? 200 : 201, out);
    }

    private Response deploy(Exchange x) {
        JsonNode b = x.json();
        DeploymentRecorded.Outcome outcome;
        try {
            outcome = DeploymentRecorded.Outcome.valueOf(text(b, "outcome").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.BAD_REQUEST.with("outcome must be succeeded, failed or rolled_back");
        }
        JsonNode verified = b.get("verified");
        if (verified != null && !verified.isNull() && !verified.isTextual()) {
            throw ApiError.BAD_REQUEST.with("field 'verified' must be a string such as \"passed\" or \"failed: 2 pending\"");
        }
        DeploymentRecorded d = new DeploymentRecorded(text(b, "environment"), b.path("from").asInt(-1), b.path("to").asInt(-1),
                outcome, text(b, "by"), Instant.now(), verified == null || verified.isNull() ? null : verified.asText());
        known(x);
        registry.deploy(x.subject(), d);
        Map<String, Object> out = deployment(d);
        out.put("checkpoint", checkpoint(x));
        return Response.json(201, out);
    }

    private Response audit(Exchange x) {
        known(x);
        var log = registry.log(x.subject());
        List<Map<String, Object>> problems = new ArrayList<>();
        Audit.verify(log).forEach(p -> problems.add(Map.of("subject", p.subject(), "version", p.version(), "message", p.message())));
        registry.view(x.subject()).damage().ifPresent(d -> problems.add(Map.of("subject", x.subject().name(), "version", d.version(),
                "message", d.message())));
        return Response.json(200, Map.of("verified", problems.isEmpty(), "events", log.size(),
                "head", log.isEmpty() ? "" : log.get(log.size() - 1).hash(), "problems", problems));
    }

    /** The signed checkpoint of the subject's head, as it is after this request's write. */
    private Map<String, Object> checkpoint(Exchange x) {
        known(x);
        return registry.checkpoint(x.subject()).fields();
    }

    /** The stored log from {@code from} (default 1): what a client needs to verify the chain itself. */
    private Response events(Exchange x) {
        known(x);
        String from = x.query().getOrDefault("from", "1");
        if (!from.matches("[0-9]{1,18}") || Long.parseLong(from) < 1) {
            throw ApiError.BAD_REQUEST.with("from must be a log version of 1 or more, written with the digits 0-9");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredEvent e : registry.log(x.subject(), Long.parseLong(from))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", e.version());
            m.put("type", e.event().type());
            m.put("previousHash", e.previousHash() == null ? "" : e.previousHash());
            m.put("hash", e.hash());
            m.put("payload", e.event().payload());
            out.add(m);
        }
        return Response.json(200, out);
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw ApiError.BAD_REQUEST.with("field '" + field + "' is required and must be a string");
        }
        return n.asText();
    }

    private static Map<String, Object> tag(TagReleased t) {
        return Map.of("tag", t.tag(), "revision", t.revision(), "commit", t.commit(), "by", t.by(), "at", t.at().toString());
    }

    private static Map<String, Object> deployment(DeploymentRecorded d) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(Map.of("environment", d.environment(), "from", d.from(), "to", d.to(),
                "outcome", d.outcome().name().toLowerCase(java.util.Locale.ROOT), "by", d.by(), "at", d.at().toString()));
        if (d.verified() != null) {
            out.put("verified", d.verified());
        }
        return out;
    }
}
