package dev.strata.cli.project;

import dev.strata.events.schema.Schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Models declared by the application as SQLAlchemy classes: Python renders their metadata with
 * SQLAlchemy's own SQLite dialect, and the CREATE statements are read as models.sql is.
 *
 * <pre>models: {sqlalchemy: "app.models:Base", python: .venv, path: .}</pre>
 *
 * @param target the module and the declarative base or MetaData in it, {@code app.models:Base}
 * @param python the interpreter as configured: a file, a virtual environment's folder, a command on
 *               the PATH; null for {@code python3}
 * @param path   the folder put first on Python's path (where the package lives), absolute
 * @param root   the project's folder: Python runs there, and relative interpreters start there
 */
public record SqlAlchemyModels(String target, String python, Path path, Path root) implements ModelsSource {

    public static final String PREFIX = "sqlalchemy:";
    private static final Pattern TARGET = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*:[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*");

    public SqlAlchemyModels {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(root, "root");
        if (!TARGET.matcher(target).matches()) {
            throw new IllegalArgumentException("'" + target + "' is not MODULE:ATTRIBUTE; name the module and its declarative base, "
                    + "such as app.models:Base");
        }
        if (python != null && python.isBlank()) {
            throw new IllegalArgumentException("python must name an interpreter or a virtual environment, such as .venv");
        }
    }

    /** The module to import: {@code app.models}. */
    public String module() {
        return target.substring(0, target.indexOf(':'));
    }

    @Override
    public String shown() {
        return "sqlalchemy " + target;
    }

    @Override
    public String flag() {
        return PREFIX + target;
    }

    /** The module's top-level package (a folder under {@link #path()}), or the module file when it has no package. */
    @Override
    public List<Path> sources() {
        String top = module().split("\\.")[0];
        Path folder = path.resolve(top);
        return List.of(Files.isDirectory(folder) || module().contains(".") ? folder : path.resolve(top + ".py"));
    }

    @Override
    public boolean declared() {
        return true;
    }

    @Override
    public Schema read() {
        String ddl = SqlAlchemyRender.ddl(this);
        return ModelsFile.fromSql(ddl, shown(), "SQLAlchemy rendered it for SQLite this way; fix the model (or the DDL attached to "
                + "its metadata) in " + module());
    }

    /**
     * The interpreter's command: a virtual environment's {@code bin/python}, a file, or a name looked up
     * on the PATH ({@code python3} when none is configured).
     *
     * @throws InvalidInputException for a configured path that does not exist
     */
    public String interpreter() {
        if (python == null) {
            return "python3";
        }
        Path p = root.resolve(python).normalize();
        boolean command = !python.contains("/") && !python.contains("\\") && !python.startsWith(".");
        if (command && !Files.exists(p)) {
            return python;
        }
        if (Files.isDirectory(p)) {
            for (String candidate : new String[] {"bin/python", "bin/python3", "Scripts/python.exe"}) {
                if (Files.isRegularFile(p.resolve(candidate))) {
                    return p.resolve(candidate).toString();
                }
            }
            throw new InvalidInputException("models.python: " + python + " is a folder without bin/python; point it at a virtual "
                    + "environment (python3 -m venv " + python + ") or at an interpreter");
        }
        if (!Files.isRegularFile(p)) {
            throw new InvalidInputException("models.python: " + python + ": no such file or folder; create the virtual environment "
                    + "(python3 -m venv .venv && .venv/bin/pip install sqlalchemy) or point python at an interpreter");
        }
        return p.toString();
    }
}
