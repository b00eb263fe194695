package dev.strata.cli.check.walk;

import dev.strata.cli.check.CheckContext;
import dev.strata.cli.check.CheckOptions;
import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;
import dev.strata.events.sqlite.Sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The keys of a walk's states: for each version, a hash over everything that decides its outcome and the
 * database after it — Strata's own build, the check's options, the names of columns seeded with JSON, and
 * every script up to and including it, with its file name, label and transaction rule. A state cached under a
 * key can only be found again by a walk that would reach exactly that state.
 */
final class ChainKeys {

    private static final String FORMAT = "strata-walk 1";
    private static volatile String build;

    private ChainKeys() {
    }

    static List<byte[]> of(CheckContext context, Set<String> jsonNames) {
        MessageDigest sha = sha256();
        CheckOptions o = context.options();
        StringBuilder head = new StringBuilder(FORMAT).append('\n').append(build()).append('\n')
                .append("foreignKeys=").append(o.foreignKeys()).append('\n')
                .append("rowsPerTable=").append(o.rowsPerTable()).append('\n')
                .append("functions=").append(new TreeMap<>(o.functions().specs())).append('\n')
                .append("budget=").append(Sandbox.budget().toMillis()).append('\n')
                .append("json=").append(new TreeSet<>(jsonNames)).append('\n')
                .append("migrations=").append(context.migrations().shownAs()).append('\n');
        if (o.prelude() != null) {
            head.append("prelude=").append(o.preludeFile()).append('\n');
            o.prelude().statements().forEach(s -> field(head, s));
        }
        byte[] key = sha.digest(head.toString().getBytes(StandardCharsets.UTF_8));
        List<byte[]> out = new ArrayList<>();
        for (MigrationPair pair : context.migrations().pairs()) {
            StringBuilder b = new StringBuilder();
            field(b, String.valueOf(pair.version()));
            field(b, pair.description());
            field(b, context.label(pair));
            script(b, pair.up());
            script(b, pair.down());
            sha.update(key);
            key = sha.digest(b.toString().getBytes(StandardCharsets.UTF_8));
            out.add(key);
        }
        return out;
    }

    private static void script(StringBuilder b, MigrationScript s) {
        if (s == null) {
            field(b, "none");
            return;
        }
        field(b, s.file());
        field(b, s.name());
        field(b, String.valueOf(s.transactional()));
        field(b, String.valueOf(s.firstLine()));
        field(b, s.outsideTransaction());
        field(b, s.text());
    }

    /** A field with its length first, so no two different sequences of fields read the same. */
    private static void field(StringBuilder b, String value) {
        b.append(value.length()).append(':').append(value).append('\n');
    }

    /**
     * Strata's version and which build of it runs: a jar's size and time, or for classes in folders (a
     * development build) the newest class file's time. A new build never finds the states of an older one.
     */
    static String build() {
        String b = build;
        if (b == null) {
            StringBuilder s = new StringBuilder(version());
            for (Class<?> c : List.of(Walk.class, Sandbox.class)) {
                s.append(' ').append(location(c));
            }
            b = s.toString();
            build = b;
        }
        return b;
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = Walk.class.getResourceAsStream("/strata-version.properties")) {
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
                return where + ":" + files.filter(p -> p.toString().endsWith(".class")).mapToLong(ChainKeys::modified).max().orElse(0);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // an unknown build shares states with no other run
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
