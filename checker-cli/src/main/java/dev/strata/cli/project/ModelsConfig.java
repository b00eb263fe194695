package dev.strata.cli.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code models} key of strata.yaml and its flags: a file ({@code models: schema/models.yaml}), or
 * the application's code ({@code models: {sqlalchemy: "app.models:Base", python: .venv, path: .}}, on the
 * command line {@code --models sqlalchemy:app.models:Base --models-python .venv --models-path .}).
 */
final class ModelsConfig {

    static final String DEFAULT = "schema/models.yaml";
    private static final Set<String> CODE_KEYS = Set.of("sqlalchemy", "python", "path");
    private static final String KEY = ProjectConfig.FILE + ": models";

    private ModelsConfig() {
    }

    /** The models source the flags and strata.yaml's {@code models} value (null when absent) name. */
    static ModelsSource read(Path root, ProjectConfig.Overrides flags, JsonNode yaml) {
        if (yaml != null && yaml.isNull()) {
            yaml = null;
        }
        String yamlPython = null;
        Path yamlPath = null;
        if (yaml != null && yaml.isObject()) {
            yaml.fieldNames().forEachRemaining(n -> {
                if (!CODE_KEYS.contains(n)) {
                    throw new InvalidInputException(KEY + "." + n + ": unknown key; valid keys are " + new TreeSet<>(CODE_KEYS)
                            + ", such as models: {sqlalchemy: \"app.models:Base\", python: .venv, path: .}");
                }
            });
            yamlPython = ProjectConfig.text(yaml, "python");
            String folder = ProjectConfig.text(yaml, "path");
            yamlPath = folder == null ? null : Path.of(folder);
        }
        if (flags.models() != null) {
            // a flag replaces the key; strata.yaml's python and path still serve SQLAlchemy models named by the flag
            boolean code = flags.models().startsWith(SqlAlchemyModels.PREFIX);
            return named(root, flags.models(), "--models", first(flags.modelsPython(), code ? yamlPython : null),
                    first(flags.modelsPath(), code ? yamlPath : null));
        }
        String python = first(flags.modelsPython(), yamlPython);
        Path path = first(flags.modelsPath(), yamlPath);
        if (yaml == null) {
            if (python != null || path != null) {
                throw new InvalidInputException("--models-python and --models-path go with SQLAlchemy models: add "
                        + "--models sqlalchemy:app.models:Base, or models: {sqlalchemy: ...} in " + ProjectConfig.FILE);
            }
            return file(root, DEFAULT, false);
        }
        if (yaml.isObject()) {
            String target = ProjectConfig.text(yaml, "sqlalchemy");
            if (target == null) {
                throw new InvalidInputException(KEY + ": name the code that declares the models, such as "
                        + "models: {sqlalchemy: \"app.models:Base\"}; or give a file, such as models: " + DEFAULT);
            }
            return sqlalchemy(root, target, KEY + ".sqlalchemy", python, path);
        }
        if (!yaml.isValueNode()) {
            throw new InvalidInputException(KEY + ": expected a file, such as " + DEFAULT + ", or keys such as {sqlalchemy: \"app.models:Base\"}");
        }
        return named(root, yaml.asText(), KEY, python, path);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private static ModelsSource named(Path root, String value, String where, String python, Path path) {
        if (value.startsWith(SqlAlchemyModels.PREFIX)) {
            return sqlalchemy(root, value.substring(SqlAlchemyModels.PREFIX.length()), where, python, path);
        }
        if (python != null || path != null) {
            throw new InvalidInputException("models.python and models.path go with SQLAlchemy models, not with the file " + value);
        }
        return file(root, value, true);
    }

    private static ModelsFile file(Path root, String value, boolean named) {
        Path file = root.resolve(value).normalize();
        return new ModelsFile(file, ProjectConfig.show(root, file), named);
    }

    private static SqlAlchemyModels sqlalchemy(Path root, String target, String where, String python, Path path) {
        try {
            return new SqlAlchemyModels(target.strip(), python, root.resolve(path == null ? Path.of(".") : path).normalize(), root);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ": " + e.getMessage());
        }
    }
}
