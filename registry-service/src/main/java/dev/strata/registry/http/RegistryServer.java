package dev.strata.registry.http;

import dev.strata.registry.service.Registry;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The registry's HTTP API on Jetty 12 (its core handlers, no servlets), bound to the given address (127.0.0.1
 * by default) with the {@link ServerLimits}: a silent connection is closed after the idle timeout, a client that
 * sends slower than the minimum rate is cut off, headers and bodies have a size limit, threads and connections
 * are bounded, and no thread waits on a slow client. {@link #close()} stops taking requests and lets those in
 * flight (acknowledged writes among them) finish.
 */
public final class RegistryServer implements AutoCloseable {

    /** One route: a method, a path with {@code {name}} segments, the role it needs, and its handler. */
    record Route(String method, Pattern path, String template, Tokens.Role role, Function<Exchange, Response> handler) {
    }

    private final Server server;
    private final ServerConnector connector;
    private final GracefulHandler graceful;

    private RegistryServer(Server server, ServerConnector connector, GracefulHandler graceful) {
        this.server = server;
        this.connector = connector;
        this.graceful = graceful;
    }

    /** Starts the API with the default limits and a request-body limit of {@code maxBody} bytes. */
    public static RegistryServer start(InetSocketAddress address, Registry registry, Tokens tokens, int maxBody) {
        return start(address, registry, tokens, ServerLimits.DEFAULT.withMaxBody(maxBody));
    }

    public static RegistryServer start(InetSocketAddress address, Registry registry, Tokens tokens, ServerLimits limits) {
        return start(address, registry, tokens, limits, Optional.empty());
    }

    /**
     * Starts the API and, before it, {@code pages}: a handler for the paths the API leaves alone (the web UI), which
     * declines (returns false) the API's own, under the same limits, graceful stop and error answers.
     */
    public static RegistryServer start(InetSocketAddress address, Registry registry, Tokens tokens, ServerLimits limits,
                                       Optional<Handler> pages) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()), 60_000,
                new BlockingArrayQueue<>(64, 64, 4096));
        threads.setName("registry-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, factories(http, limits));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));

        AtomicBoolean ready = new AtomicBoolean(true);
        List<Route> routes = new ArrayList<>();
        ApiHandler api = new ApiHandler(routes, tokens, limits.maxBody());
        routes.addAll(new Routes(registry, api::metrics, ready::get).all());
        Handler root = pages.<Handler>map(p -> new Handler.Sequence(p, api)).orElse(api);
        GracefulHandler graceful = new GracefulHandler(new MinimumDataRateHandler(root, limits.minRequestBytesPerSecond(), 0));
        server.setHandler(graceful);
        server.setErrorHandler(RegistryServer::jettyError);
        server.setStopTimeout(limits.stopTimeout().toMillis());
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception stop) {
                e.addSuppressed(stop);
            }
            throw new IllegalStateException("starting the registry's HTTP server on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage(), e);
        }
        RegistryServer out = new RegistryServer(server, connector, graceful);
        server.addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(org.eclipse.jetty.util.component.LifeCycle event) {
                ready.set(false);
            }
        });
        return out;
    }

    private static ConnectionFactory[] factories(HttpConfiguration http, ServerLimits limits) {
        if (limits.tls().isEmpty()) {
            return new ConnectionFactory[] {new HttpConnectionFactory(http)};
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(limits.tls().get().keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(limits.tls().get().password());
        http.addCustomizer(new SecureRequestCustomizer());
        HttpConnectionFactory h1 = new HttpConnectionFactory(http);
        return new ConnectionFactory[] {new SslConnectionFactory(ssl, h1.getProtocol()), h1};
    }

    /** What Jetty answers on its own (a malformed request line, headers too large): the same JSON, no class names. */
    private static boolean jettyError(Request request, org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback) {
        Object status = request.getAttribute(ErrorHandler.ERROR_STATUS);
        ApiError error = ApiError.forStatus(status instanceof Integer s ? s : response.getStatus());
        Response answer = ApiHandler.error(error, error.message());
        ApiHandler.write(response, callback, new Response(status instanceof Integer s ? s : error.status(), answer.contentType(),
                answer.body()));
        return true;
    }

    static Route route(String method, String template, Tokens.Role role, Function<Exchange, Response> handler) {
        String regex = template.replaceAll("\\{[a-z]+}", "([^/]+)");
        return new Route(method, Pattern.compile(regex), template, role, handler);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Stops taking requests (/ready answers 503 meanwhile), waits up to the stop timeout for those in flight, then stops. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the registry's HTTP server: " + e.getMessage(), e);
        }
    }

    /** Whether a stop has begun and requests in flight are finishing. */
    boolean stopping() {
        return graceful.isShutdown();
    }
}
