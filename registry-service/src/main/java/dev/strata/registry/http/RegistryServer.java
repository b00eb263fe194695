package dev.strata.registry.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strata.registry.domain.ConflictException;
import dev.strata.registry.service.Registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry's HTTP API on the JDK's HTTP server: a table of routes (method, path pattern, role,
 * handler), JSON errors from one table ({@link ApiError}), a request-body limit, and request counters
 * for /metrics. Binds to the given address (127.0.0.1 by default).
 */
public final class RegistryServer implements AutoCloseable {

    /** One route: a method, a path with {@code {name}} segments, the role it needs, and its handler. */
    record Route(String method, Pattern path, String template, Tokens.Role role, Function<Exchange, Response> handler) {
    }

    private final HttpServer server;
    private final List<Route> routes;
    private final Tokens tokens;
    private final int maxBody;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

    private RegistryServer(HttpServer server, List<Route> routes, Tokens tokens, int maxBody) {
        this.server = server;
        this.routes = routes;
        this.tokens = tokens;
        this.maxBody = maxBody;
    }

    public static RegistryServer start(InetSocketAddress address, Registry registry, Tokens tokens, int maxBody) throws IOException {
        HttpServer http = HttpServer.create(address, 0);
        List<Route> routes = new ArrayList<>();
        RegistryServer server = new RegistryServer(http, routes, tokens, maxBody);
        routes.addAll(new Routes(registry, server::metrics).all());
        http.createContext("/", server::handle);
        http.setExecutor(Executors.newFixedThreadPool(16));
        http.start();
        return server;
    }

    static Route route(String method, String template, Tokens.Role role, Function<Exchange, Response> handler) {
        String regex = template.replaceAll("\\{[a-z]+}", "([^/]+)");
        return new Route(method, Pattern.compile(regex), template, role, handler);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange http) throws IOException {
        Response response;
        String template = "unmatched";
        try {
            String path = http.getRequestURI().getPath();
            Route match = null;
            List<String> params = List.of();
            boolean pathKnown = false;
            for (Route r : routes) {
                Matcher m = r.path().matcher(path);
                if (m.matches()) {
                    pathKnown = true;
                    if (r.method().equals(http.getRequestMethod())) {
                        match = r;
                        params = new ArrayList<>();
                        for (int i = 1; i <= m.groupCount(); i++) {
                            params.add(m.group(i));
                        }
                        break;
                    }
                }
            }
            if (match == null) {
                throw pathKnown ? ApiError.METHOD_NOT_ALLOWED.with(http.getRequestMethod() + " is not allowed on " + path)
                        : ApiError.NOT_FOUND.with("no such endpoint: " + path + " (see /v1/openapi.json)");
            }
            template = match.template();
            Optional<String> auth = Optional.ofNullable(http.getRequestHeaders().getFirst("Authorization"));
            tokens.authorize(auth, match.role());
            byte[] body = readBody(http);
            response = match.handler().apply(new Exchange(http.getRequestMethod(), params,
                    Exchange.parseQuery(http.getRequestURI().getRawQuery()), body, auth));
        } catch (ApiException e) {
            response = error(e.error(), e.getMessage());
        } catch (ConflictException e) {
            response = error(ApiError.CONFLICT, e.getMessage());
        } catch (IllegalArgumentException e) {
            response = error(ApiError.BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            response = error(ApiError.INTERNAL, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        requests.computeIfAbsent(http.getRequestMethod() + " " + template + " " + response.status(), k -> new LongAdder()).increment();
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", response.contentType() + "; charset=utf-8");
        http.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    private byte[] readBody(HttpExchange http) throws IOException {
        try (InputStream in = http.getRequestBody()) {
            byte[] body = in.readNBytes(maxBody + 1);
            if (body.length > maxBody) {
                throw ApiError.PAYLOAD_TOO_LARGE.with("the request body is larger than " + maxBody + " bytes; push in smaller parts");
            }
            return body;
        }
    }

    private static Response error(ApiError error, String message) {
        return Response.json(error.status(), Map.of("error", error.code(), "message", message == null ? "" : message));
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

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
