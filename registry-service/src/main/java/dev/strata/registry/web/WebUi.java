package dev.strata.registry.web;

import dev.strata.events.Subject;
import dev.strata.registry.service.Registry;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The read-only web UI on Jetty's core handler: every path the API does not own ({@code /v1/…}, {@code /health},
 * {@code /ready}, {@code /metrics}). Pages need a read token, entered once on a login form and kept as an opaque
 * session id in an HttpOnly, SameSite=Strict cookie (Secure over TLS), or nothing with open reads. Every answer
 * carries a content security policy that allows no script and nothing from another origin, and the server time
 * it took in {@code Server-Timing}.
 */
public final class WebUi extends Handler.Abstract {

    static final String COOKIE = "strata_session";
    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none';"
            + " base-uri 'none'";
    private static final int MAX_FORM = 8192;

    private final Registry registry;
    private final Access access;
    private final Function<Subject, Optional<Checkpoint>> checkpoints;
    private final Sessions sessions;
    private final StaticFiles files = new StaticFiles();
    private final ChainVerdicts verdicts = new ChainVerdicts();

    /**
     * @param checkpoints the latest signed checkpoint of a subject, for the audit page; empty while the registry signs none
     */
    public WebUi(Registry registry, Access access, Function<Subject, Optional<Checkpoint>> checkpoints, Clock clock) {
        this.registry = registry;
        this.access = access;
        this.checkpoints = checkpoints;
        this.sessions = new Sessions(clock);
    }

    /** Whether the API owns {@code path}; the UI leaves those requests to it. */
    public static boolean isApi(String path) {
        return path.equals("/v1") || path.startsWith("/v1/") || path.equals("/health") || path.equals("/ready") || path.equals("/metrics");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        if (path == null || isApi(path)) {
            return false;
        }
        long start = System.nanoTime();
        String method = request.getMethod();
        if (path.startsWith("/static/") || path.equals("/favicon.ico")) {
            files.serve(path, method, response, callback);
            return true;
        }
        Optional<String> session = cookie(request);
        if (path.equals("/login") && method.equals("POST")) {
            Content.Source.asByteArrayAsync(request, MAX_FORM).whenComplete((body, failed) -> login(request, response, callback, body, start));
            return true;
        }
        if (path.equals("/logout") && method.equals("POST")) {
            sessions.close(session);
            Response.addCookie(response, HttpCookie.build(COOKIE, "").path("/").maxAge(0).httpOnly(true)
                    .sameSite(HttpCookie.SameSite.STRICT).secure(request.isSecure()).build());
            redirect(response, callback, "/", start);
            return true;
        }
        boolean live = sessions.isLive(session);
        Page page;
        if (!method.equals("GET") && !method.equals("HEAD")) {
            page = problem(405, "Not allowed", "The registry's pages are read-only: " + method + " is not allowed on " + path + ".");
        } else if (path.equals("/login")) {
            String next;
            try {
                next = query(request).getValue("next");
            } catch (IllegalArgumentException malformed) {
                next = "/";
            }
            page = LoginPage.render(LoginPage.safeNext(next), null);
        } else if (!access.openReads() && !live && !bearer(request)) {
            // to the form, remembering the page: a 401 answer would be an error in the browser's console
            String query = request.getHttpURI().getQuery();
            redirect(response, callback, "/login?next=" + Html.query(path + (query == null ? "" : "?" + query)), start);
            return true;
        } else {
            page = page(request, path);
        }
        send(response, callback, page, live, start);
        return true;
    }

    private Page page(Request request, String path) {
        try {
            return WebRoutes.page(registry, verdicts, checkpoints, path, query(request));
        } catch (NoSuchElementException e) {
            return problem(404, "Not found", e.getMessage());
        } catch (IllegalArgumentException e) {
            return problem(400, "Bad request", e.getMessage());
        } catch (RuntimeException e) {
            String incident = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            System.err.println("strata registry: incident " + incident + ": unexpected failure rendering " + path);
            e.printStackTrace(System.err);
            return problem(500, "Failed", "The page failed unexpectedly (incident " + incident + "; the registry's log has the"
                    + " details). Nothing was changed: the pages only read.");
        }
    }

    private static Fields query(Request request) {
        try {
            return Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the address's query is not valid percent-encoded UTF-8; correct the link");
        }
    }

    private void login(Request request, Response response, Callback callback, byte[] body, long start) {
        Fields form = new Fields();
        if (body != null) {
            try {
                UrlEncoded.decodeUtf8To(new String(body, StandardCharsets.UTF_8), form);
            } catch (RuntimeException malformed) {
                form = new Fields();
            }
        }
        String next = LoginPage.safeNext(form.getValue("next"));
        String token = form.getValue("token");
        if (token == null || token.isBlank() || !access.mayRead(token.strip())) {
            send(response, callback, LoginPage.render(next, "That token is unknown to this registry or may not read. No session"
                    + " was opened."), false, start);
            return;
        }
        HttpCookie cookie = HttpCookie.build(COOKIE, sessions.open()).path("/").httpOnly(true).sameSite(HttpCookie.SameSite.STRICT)
                .secure(request.isSecure()).build();
        Response.addCookie(response, cookie);
        redirect(response, callback, next, start);
    }

    private boolean bearer(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return header != null && header.startsWith("Bearer ") && access.mayRead(header.substring("Bearer ".length()).strip());
    }

    private static Optional<String> cookie(Request request) {
        for (String header : request.getHeaders().getValuesList(HttpHeader.COOKIE)) {
            for (String pair : header.split(";")) {
                String p = pair.strip();
                if (p.startsWith(COOKIE + "=")) {
                    return Optional.of(p.substring(COOKIE.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    static Page problem(int status, String title, String message) {
        Html h = new Html().element("h1", title).raw("<p>").text(message).raw("</p>\n<p>").link(Links.subjects(), "All subjects")
                .raw("</p>\n");
        return Page.of(title, h).withStatus(status);
    }

    private static void headers(Response response, long start) {
        response.getHeaders().put("Content-Security-Policy", POLICY);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "same-origin");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("Server-Timing", String.format(Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - start) / 1e6));
    }

    private static void send(Response response, Callback callback, Page page, boolean session, long start) {
        byte[] body = Layout.render(page, session).getBytes(StandardCharsets.UTF_8);
        response.setStatus(page.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        headers(response, start);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static void redirect(Response response, Callback callback, String location, long start) {
        response.setStatus(303);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        headers(response, start);
        response.write(true, null, callback);
    }
}
