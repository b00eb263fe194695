package dev.strata.registry.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The stylesheet and icon, read from the jar once; nothing else is served from files and nothing from elsewhere. */
final class StaticFiles {

    private record File(String type, byte[] bytes) {
    }

    private final Map<String, File> files = Map.of(
            "/static/strata.css", load("strata.css", "text/css; charset=utf-8"),
            "/static/favicon.svg", load("favicon.svg", "image/svg+xml"),
            "/favicon.ico", load("favicon.svg", "image/svg+xml"));

    private static File load(String name, String type) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the registry's jar lacks dev/strata/registry/web/static/" + name + "; rebuild it");
            }
            return new File(type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading static/" + name + " from the registry's jar", e);
        }
    }

    void serve(String path, String method, Response response, Callback callback) {
        File f = files.get(path);
        response.getHeaders().put("Content-Security-Policy", WebUi.POLICY);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (f == null || !(method.equals("GET") || method.equals("HEAD"))) {
            response.setStatus(f == null ? 404 : 405);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.write(true, ByteBuffer.wrap((f == null ? "no such file\n" : "read-only\n").getBytes(StandardCharsets.UTF_8)), callback);
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, f.type());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "max-age=3600");
        response.write(true, ByteBuffer.wrap(f.bytes()), callback);
    }
}
