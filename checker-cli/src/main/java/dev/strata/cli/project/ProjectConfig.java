package dev.strata.cli.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A project's configuration: {@code strata.yaml} at its root, every key optional, each overridden by
 * the flag of the same name. Built once and never changed.
 *
 * @param root the folder the project's relative paths start from
 * @param hasConfigFile whether a strata.yaml was found
 * @param layout the migration tool whose layout {@code migrations} has ({@code goose}), or null to recognise it
 * @param checkCache the folder where checks keep the states of their walks, or null for none
 * @param checkCacheLimit the size in bytes the check cache may grow to
 */
public record ProjectConfig(Path root, boolean hasConfigFile, String subject, ModelsSource models,
                            Path events, Path migrations, Path database, Path backups, String registry,
                            List<String> disabledLintRules, boolean foreignKeys, int keepBackups, Path prelude,
                            Map<String, String> functions, String layout, Path checkCache, long checkCacheLimit) {

    public static final String FILE = "strata.yaml";
    /** The size the check cache may grow to unless {@code check.cacheLimit} says otherwise, in megabytes. */
    public static final long DEFAULT_CACHE_LIMIT_MB = 256;
    // configured once, then only read from: safe to share, and costly to build per command
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> KEYS = Set.of("subject", "models", "events", "migrations", "database", "backups",
            "registry", "lint", "check", "keepBackups", "layout");

    public ProjectConfig {
        disabledLintRules = List.copyOf(disabledLintRules);
        functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }

    /** What flags say; null where a flag was not given. */
    public record Overrides(Path directory, String subject, String models, String modelsPython, Path modelsPath, Path events,
                            Path migrations, Path database, Path backups, String registry, Integer keepBackups, String layout) {
    }

    /**
     * Reads strata.yaml (if present) under the folder the flags name, and applies the flags.
     *
     * @throws InvalidInputException for an unreadable or malformed strata.yaml, naming the key and the fix
     */
    public static ProjectConfig load(Path workingDirectory, Overrides flags) {
        Path root = (flags.directory() == null ? workingDirectory : workingDirectory.resolve(flags.directory()))
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException("-C " + flags.directory() + ": no such folder");
        }
        Path file = root.resolve(FILE);
        JsonNode yaml = null;
        if (Files.isRegularFile(file)) {
            yaml = read(file);
        }
        String subject = first(flags.subject(), text(yaml, "subject"), null);
        if (subject == null) {
            // a folder's name need not be a valid subject: one is only needed to talk to a registry
            String named = root.getFileName() == null ? "" : root.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9._-]", "-");
            subject = dev.strata.events.Subject.isValid(named) ? named : "database";
        }
        try {
            new dev.strata.events.Subject(subject);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException((flags.subject() != null ? "--subject" : FILE + ": subject") + ": " + e.getMessage());
        }
        ModelsSource models = ModelsConfig.read(root, flags, yaml == null ? null : yaml.get("models"));
        Path events = path(root, flags.events(), text(yaml, "events"), "schema/events");
        Path migrations = path(root, flags.migrations(), text(yaml, "migrations"), "db/migration");
        Path database = path(root, flags.database(), text(yaml, "database"), "data/" + subject + ".db");
        Path backups = path(root, flags.backups(), text(yaml, "backups"), "backup");
        String registry = first(flags.registry(), text(yaml, "registry"), null);
        List<String> disabled = new ArrayList<>();
        boolean foreignKeys = true;
        if (yaml != null && yaml.has("lint")) {
            JsonNode lint = section(yaml, "lint", Set.of("disable"));
            if (lint.has("disable")) {
                if (!lint.get("disable").isArray()) {
                    throw new InvalidInputException(FILE + ": lint.disable: expected a list of rule ids, such as [rename-column]");
                }
                lint.get("disable").forEach(n -> disabled.add(n.asText()));
            }
        }
        Path prelude = null;
        Map<String, String> functions = new LinkedHashMap<>();
        if (yaml != null && yaml.has("check")) {
            JsonNode check = section(yaml, "check", Set.of("foreignKeys", "prelude", "functions", "cache", "cacheLimit"));
            if (check.has("foreignKeys")) {
                if (!check.get("foreignKeys").isBoolean()) {
                    throw new InvalidInputException(FILE + ": check.foreignKeys: expected true or false");
                }
                foreignKeys = check.get("foreignKeys").booleanValue();
            }
            if (check.has("prelude")) {
                if (!check.get("prelude").isTextual()) {
                    throw new InvalidInputException(FILE + ": check.prelude: expected the path of an SQL file, such as schema/prelude.sql");
                }
                prelude = root.resolve(check.get("prelude").asText()).normalize();
            }
            if (check.has("functions")) {
                JsonNode f = check.get("functions");
                if (!f.isObject()) {
                    throw new InvalidInputException(FILE + ": check.functions: expected NAME: SPEC lines, such as 'to_base64: base64'");
                }
                f.fields().forEachRemaining(e -> {
                    if (!e.getValue().isValueNode()) {
                        throw new InvalidInputException(FILE + ": check.functions." + e.getKey()
                                + ": expected a built-in name or an SQL expression over ?1, ?2, ...");
                    }
                    functions.put(e.getKey(), e.getValue().asText());
                });
            }
        }
        Path cache = root.resolve(".strata/cache");
        long cacheLimit = DEFAULT_CACHE_LIMIT_MB << 20;
        JsonNode check = yaml == null ? null : yaml.get("check");
        if (check != null && check.has("cache")) {
            JsonNode c = check.get("cache");
            if (c.isBoolean() && !c.booleanValue()) {
                cache = null;
            } else if (c.isTextual() && !c.asText().isBlank()) {
                cache = root.resolve(c.asText()).normalize();
            } else {
                throw new InvalidInputException(FILE + ": check.cache: expected a folder (such as .strata/cache) or false for none");
            }
        }
        if (check != null && check.has("cacheLimit")) {
            JsonNode l = check.get("cacheLimit");
            if (!l.isIntegralNumber() || l.longValue() < 1 || l.longValue() > 1 << 20) {
                throw new InvalidInputException(FILE + ": check.cacheLimit: expected a size in megabytes, such as "
                        + DEFAULT_CACHE_LIMIT_MB);
            }
            cacheLimit = l.longValue() << 20;
        }
        int keep = 10;
        if (flags.keepBackups() != null) {
            keep = flags.keepBackups();
        } else if (text(yaml, "keepBackups") != null) {
            if (!yaml.get("keepBackups").canConvertToInt()) {
                throw new InvalidInputException(FILE + ": keepBackups: expected a whole number, such as 10");
            }
            keep = yaml.get("keepBackups").intValue();
        }
        if (keep < 1) {
            throw new InvalidInputException("keepBackups must be at least 1, not " + keep + "; the newest backup is the one a restore needs");
        }
        String layout = first(flags.layout(), text(yaml, "layout"), null);
        return new ProjectConfig(root, yaml != null, subject, models, events, migrations, database, backups,
                registry, disabled, foreignKeys, keep, prelude, functions, layout, cache, cacheLimit);
    }

    /** A path as shown in messages: relative to the project root, with '/'. */
    public String show(Path p) {
        return show(root, p);
    }

    static String show(Path root, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        String s = abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
        return s.isEmpty() ? "." : s.replace('\\', '/');
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode node = YAML.readTree(Files.readString(file));
            if (node == null || node.isNull() || node.isMissingNode()) {
                return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new InvalidInputException(FILE + ": expected keys such as 'subject: stock-analyzer', found " + node.getNodeType());
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!KEYS.contains(name)) {
                    throw new InvalidInputException(FILE + ": unknown key '" + name + "'; valid keys are " + new TreeSet<>(KEYS));
                }
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr() + ":";
            throw new InvalidInputException(FILE + ":" + where + " malformed YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException(FILE + ": cannot read it: " + e.getMessage());
        }
    }

    private static JsonNode section(JsonNode yaml, String key, Set<String> allowed) {
        JsonNode s = yaml.get(key);
        if (!s.isObject()) {
            throw new InvalidInputException(FILE + ": " + key + ": expected keys " + new TreeSet<>(allowed));
        }
        s.fieldNames().forEachRemaining(n -> {
            if (!allowed.contains(n)) {
                throw new InvalidInputException(FILE + ": " + key + "." + n + ": unknown key; valid keys are " + new TreeSet<>(allowed));
            }
        });
        return s;
    }

    static String text(JsonNode yaml, String key) {
        if (yaml == null || !yaml.has(key) || yaml.get(key).isNull()) {
            return null;
        }
        if (!yaml.get(key).isValueNode()) {
            throw new InvalidInputException(FILE + ": " + key + ": expected a single value");
        }
        return yaml.get(key).asText();
    }

    private static Path path(Path root, Path flag, String yaml, String fallback) {
        if (flag != null) {
            return root.resolve(flag).normalize();
        }
        return root.resolve(yaml != null ? yaml : fallback).normalize();
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
