package dev.strata.maven.hibernate;

import jakarta.persistence.Entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the {@code @Entity} classes among a project's compiled classes (its target/classes), in the
 * packages asked for (all when none are). Classes are loaded without running their static initializers;
 * one that cannot be loaded from the runtime classpath (its superclass is a provided dependency) is not
 * an entity Hibernate could map, and is passed over.
 */
public final class EntityScan {

    private EntityScan() {
    }

    /** The entity classes under {@code classes}, in name order. */
    public static List<Class<?>> entities(Path classes, List<String> packages, ClassLoader loader) {
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().equals("module-info.class"))
                    .map(f -> className(classes.relativize(f)))
                    .filter(name -> inPackages(name, packages))
                    .sorted()
                    .flatMap(name -> load(name, loader))
                    .filter(c -> c.isAnnotationPresent(Entity.class))
                    .sorted(Comparator.comparing(Class::getName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing the classes in " + classes + ": " + e.getMessage(), e);
        }
    }

    private static String className(Path relative) {
        String s = relative.toString().replace('\\', '/');
        return s.substring(0, s.length() - ".class".length()).replace('/', '.');
    }

    private static boolean inPackages(String name, List<String> packages) {
        return packages.isEmpty() || packages.stream().anyMatch(p -> name.startsWith(p + "."));
    }

    private static Stream<Class<?>> load(String name, ClassLoader loader) {
        try {
            return Stream.of(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Stream.empty();
        }
    }
}
