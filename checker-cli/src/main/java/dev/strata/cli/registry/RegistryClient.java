package dev.strata.cli.registry;

import dev.strata.cli.OperationFailedException;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.events.Revision;
import dev.strata.events.json.RevisionCodec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The CLI's side of the registry's HTTP API. The token comes from {@code STRATA_REGISTRY_TOKEN} and is
 * sent as a bearer token, never printed.
 */
public final class RegistryClient {

    /** A response: status and body. */
    public record Reply(int status, String body) {
    }

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public RegistryClient(String url, String token) {
        try {
            this.base = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--registry " + url + ": not a URL, e.g. http://localhost:8080");
        }
        this.token = token;
    }

    public static RegistryClient fromEnvironment(String url) {
        return new RegistryClient(url, System.getenv("STRATA_REGISTRY_TOKEN"));
    }

    public Reply push(String subject, List<Revision> revisions) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < revisions.size(); i++) {
            body.append(i == 0 ? "" : ",").append(RevisionCodec.write(revisions.get(i)));
        }
        return send("POST", "v1/subjects/" + subject + "/revisions", body.append("]").toString());
    }

    public Reply release(String subject, String tag, int revision, String commit, String by) {
        return send("POST", "v1/subjects/" + subject + "/tags", "{\"tag\":" + quote(tag) + ",\"revision\":" + revision
                + ",\"commit\":" + quote(commit) + ",\"by\":" + quote(by) + "}");
    }

    /** @param verified what {@code strata verify} found right after ({@code passed}, {@code failed: ...}), or null */
    public Reply deployment(String subject, String environment, int from, int to, String outcome, String by, String verified) {
        return send("POST", "v1/subjects/" + subject + "/deployments", "{\"environment\":" + quote(environment) + ",\"from\":" + from
                + ",\"to\":" + to + ",\"outcome\":" + quote(outcome) + ",\"by\":" + quote(by)
                + (verified == null ? "" : ",\"verified\":" + quote(verified)) + "}");
    }

    public Reply audit(String subject) {
        return send("GET", "v1/subjects/" + subject + "/audit", null);
    }

    /** The public key checkpoints are signed with: {@code {algorithm, keyId, publicKey}}. */
    public Reply signingKey() {
        return send("GET", "v1/signing-key", null);
    }

    public Reply checkpoint(String subject) {
        return send("GET", "v1/subjects/" + subject + "/checkpoint", null);
    }

    /** The subject's stored log from event {@code from} on (empty past its end). */
    public Reply events(String subject, long from) {
        return send("GET", "v1/subjects/" + subject + "/events?from=" + from, null);
    }

    /** The subject's revisions: number, slug, hash, ... */
    public Reply revisions(String subject) {
        return send("GET", "v1/subjects/" + subject + "/revisions", null);
    }

    /** Where the registry is, for messages. */
    public String url() {
        return base.toString();
    }

    private Reply send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new OperationFailedException("the registry at " + base + " did not answer " + method + " /" + path + ": " + why(e)
                    + "; check that it runs and that --registry (or 'registry' in strata.yaml) points at it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while calling the registry at " + base, e);
        }
    }

    /** What went wrong in words: the JDK's client often gives a ConnectException with no message at all. */
    static String why(IOException e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "nothing accepts connections there (connection refused)";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "no answer within the time limit";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "the TLS handshake failed (" + (t.getMessage() == null ? "no reason given" : t.getMessage()) + ")";
            }
            if (message == null && t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? "the connection closed without an answer" : message;
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
