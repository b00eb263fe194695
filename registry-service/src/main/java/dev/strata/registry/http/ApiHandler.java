package dev.strata.registry.http;

import dev.strata.registry.domain.ConflictException;
import dev.strata.registry.domain.DamagedSubjectException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;

/**
 * The API on Jetty's core handler: matches a route, checks the token before reading any body, reads the body
 * without holding a thread while the client sends it (and no more than the limit), calls the route, and answers
 * JSON from the {@link ApiError} table. Failures the registry did not expect are logged with an incident number;
 * the client sees the number, never a class name.
 */
final class ApiHandler extends Handler.Abstract {

    private final List<RegistryServer.Route> routes;
    private final Tokens tokens;
    private final int maxBody;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

    ApiHandler(List<RegistryServer.Route> routes, Tokens tokens, int maxBody) {
        this.routes = routes;
        this.tokens = tokens;
        this.maxBody = maxBody;
    }

    @Override
    public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        RegistryServer.Route match;
        Exchange.Query query;
        List<String> params = new ArrayList<>();
        Optional<String> auth = Optional.ofNullable(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        try {
            match = match(method, path == null ? "" : path, params);
            tokens.authorize(auth, match.role());
            query = Exchange.Query.parse(request.getHttpURI().getQuery());
            if (request.getLength() > maxBody) {
                throw tooLarge();
            }
        } catch (RuntimeException e) {
            send(response, callback, method, "unmatched", failure(e));
            return true;
        }
        Content.Source.asByteArrayAsync(request, maxBody).whenComplete((body, failed) -> {
            Response answer;
            if (failed != null) {
                answer = request.getLength() < 0 && failed instanceof IllegalStateException ? failure(tooLarge())
                        : error(ApiError.BAD_REQUEST, "the request body could not be read: the client stopped sending it");
            } else {
                try {
                    answer = match.handler().apply(new Exchange(method, params, query.values(), body, auth));
                } catch (RuntimeException e) {
                    answer = failure(e);
                }
            }
            send(response, callback, method, match.template(), answer);
        });
        return true;
    }

    private RegistryServer.Route match(String method, String path, List<String> params) {
        boolean pathKnown = false;
        for (RegistryServer.Route r : routes) {
            Matcher m = r.path().matcher(path);
            if (m.matches()) {
                pathKnown = true;
                if (r.method().equals(method)) {
                    for (int i = 1; i <= m.groupCount(); i++) {
                        params.add(m.group(i));
                    }
                    return r;
                }
            }
        }
        throw pathKnown ? ApiError.METHOD_NOT_ALLOWED.with(method + " is not allowed on " + path)
                : ApiError.NOT_FOUND.with("no such endpoint: " + path + " (see /v1/openapi.json)");
    }

    private ApiException tooLarge() {
        return ApiError.PAYLOAD_TOO_LARGE.with("the request body is larger than " + maxBody + " bytes; push in smaller parts");
    }

    static Response failure(RuntimeException e) {
        if (e instanceof ApiException api) {
            return error(api.error(), api.getMessage());
        }
        if (e instanceof DamagedSubjectException) {
            return error(ApiError.SUBJECT_DAMAGED, e.getMessage());
        }
        if (e instanceof ConflictException) {
            return error(ApiError.CONFLICT, e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return error(ApiError.BAD_REQUEST, e.getMessage());
        }
        String incident = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        System.err.println("strata registry: incident " + incident + ": unexpected failure");
        e.printStackTrace(System.err);
        return error(ApiError.INTERNAL, "the registry failed unexpectedly (incident " + incident + "); its log has the details");
    }

    static Response error(ApiError error, String message) {
        return Response.json(error.status(), Map.of("error", error.code(),
                "message", message == null || message.isBlank() ? error.message() : message));
    }

    private void send(org.eclipse.jetty.server.Response response, Callback callback, String method, String template, Response answer) {
        requests.computeIfAbsent(method + " " + template + " " + answer.status(), k -> new LongAdder()).increment();
        write(response, callback, answer);
    }

    static void write(org.eclipse.jetty.server.Response response, Callback callback, Response answer) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType() + "; charset=utf-8");
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    /** Request counters in Prometheus text format. */
    String metrics() {
        StringBuilder out = new StringBuilder("# HELP strata_registry_requests_total HTTP requests by route and status.\n"
                + "# TYPE strata_registry_requests_total counter\n");
        requests.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] k = e.getKey().split(" ");
            out.append("strata_registry_requests_total{method=\"").append(k[0]).append("\",route=\"").append(k[1])
                    .append("\",status=\"").append(k[2]).append("\"} ").append(e.getValue().sum()).append('\n');
        });
        return out.toString();
    }
}
