package dev.strata.cli.check;

import dev.strata.events.sqlite.Sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Strata's version and which build of it runs: a jar's size and time, or for classes in folders (a development
 * build) the newest class file's time. Part of every check cache key: a new build never finds what an older one kept.
 */
public final class BuildId {

    private static volatile String current;

    private BuildId() {
    }

    public static String current() {
        String b = current;
        if (b == null) {
            StringBuilder s = new StringBuilder(version());
            for (Class<?> c : List.of(BuildId.class, Sandbox.class)) {
                s.append(' ').append(location(c));
            }
            b = s.toString();
            current = b;
        }
        return b;
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = BuildId.class.getResourceAsStream("/strata-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no version: the build's time still tells builds apart
        }
        return p.getProperty("version", "unknown");
    }

    private static String location(Class<?> c) {
        try {
            Path where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(where)) {
                return where.getFileName() + ":" + Files.size(where) + ":" + Files.getLastModifiedTime(where).toMillis();
            }
            try (Stream<Path> files = Files.walk(where)) {
                return where + ":" + files.filter(p -> p.toString().endsWith(".class")).mapToLong(BuildId::modified).max().orElse(0);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // an unknown build shares nothing with another run
            return "unknown:" + System.nanoTime();
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
