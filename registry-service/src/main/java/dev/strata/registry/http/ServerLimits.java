package dev.strata.registry.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP server allows a client: how long a connection may stay silent, how slowly it may send, how big a
 * request may be, how many connections and worker threads there are, how long a stop waits for requests in flight,
 * and optional TLS from a keystore.
 *
 * <pre>ServerLimits.DEFAULT.withMaxBody(1 << 20).withIdleTimeout(Duration.ofSeconds(30))</pre>
 */
public record ServerLimits(Duration idleTimeout, long minRequestBytesPerSecond, int maxHeaderBytes, int maxBody,
                           int maxThreads, int maxConnections, Duration stopTimeout, Optional<Tls> tls) {

    /** 30 s idle, 1 KiB/s at least once a request started, 8 KiB of headers, 1 MiB bodies, 32 threads, 512 connections. */
    public static final ServerLimits DEFAULT = new ServerLimits(Duration.ofSeconds(30), 1024, 8 * 1024, 1 << 20, 32, 512,
            Duration.ofSeconds(20), Optional.empty());

    /** A keystore (PKCS12 or JKS) holding the server's key and certificate, and its password (never printed). */
    public record Tls(Path keystore, String password) {
        public Tls {
            Objects.requireNonNull(keystore, "TLS needs a keystore file");
            Objects.requireNonNull(password, "TLS needs the keystore's password");
        }

        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", password=***]";
        }
    }

    public ServerLimits {
        positive(idleTimeout, "idle timeout");
        positive(stopTimeout, "stop timeout");
        Objects.requireNonNull(tls, "tls must be given (Optional.empty() for plain HTTP)");
        if (minRequestBytesPerSecond < 0 || maxHeaderBytes < 1024 || maxBody < 1 || maxThreads < 8 || maxConnections < 1) {
            throw new IllegalArgumentException("server limits out of range: a minimum rate of 0 or more bytes/s, at least 1024 header"
                    + " bytes, 1 body byte, 8 threads and 1 connection");
        }
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be more than zero");
        }
    }

    public ServerLimits withIdleTimeout(Duration d) {
        return new ServerLimits(d, minRequestBytesPerSecond, maxHeaderBytes, maxBody, maxThreads, maxConnections, stopTimeout, tls);
    }

    public ServerLimits withMaxBody(int bytes) {
        return new ServerLimits(idleTimeout, minRequestBytesPerSecond, maxHeaderBytes, bytes, maxThreads, maxConnections, stopTimeout, tls);
    }

    public ServerLimits withMaxConnections(int n) {
        return new ServerLimits(idleTimeout, minRequestBytesPerSecond, maxHeaderBytes, maxBody, maxThreads, n, stopTimeout, tls);
    }

    public ServerLimits withMaxThreads(int n) {
        return new ServerLimits(idleTimeout, minRequestBytesPerSecond, maxHeaderBytes, maxBody, n, maxConnections, stopTimeout, tls);
    }

    public ServerLimits withTls(Tls t) {
        return new ServerLimits(idleTimeout, minRequestBytesPerSecond, maxHeaderBytes, maxBody, maxThreads, maxConnections, stopTimeout,
                Optional.of(t));
    }
}
