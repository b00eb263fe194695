package dev.strata.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;

/**
 * The options every command shares: each key of strata.yaml as a flag of the same name, {@code -C}
 * to run as if started in another folder, and {@code --stacktrace} for bug reports.
 */
public final class ProjectOptions {

    @Option(scope = ScopeType.INHERIT, names = "-C", paramLabel = "DIR", description = "Run as if strata was started in DIR.")
    public Path directory;

    @Option(scope = ScopeType.INHERIT, names = "--subject", paramLabel = "NAME", description = "The database's subject name (default: strata.yaml's, or the folder's name).")
    public String subject;

    @Option(scope = ScopeType.INHERIT, names = "--models", paramLabel = "FILE|sqlalchemy:MODULE:BASE",
            description = "The declared schema: models.yaml, models.sql, or SQLAlchemy metadata such as sqlalchemy:app.models:Base (default: schema/models.yaml).")
    public String models;

    @Option(scope = ScopeType.INHERIT, names = "--models-python", paramLabel = "PYTHON",
            description = "For SQLAlchemy models: the interpreter, or a virtual environment's folder (default: python3).")
    public String modelsPython;

    @Option(scope = ScopeType.INHERIT, names = "--models-path", paramLabel = "DIR",
            description = "For SQLAlchemy models: the folder that holds the package, put first on Python's path (default: the project's folder).")
    public Path modelsPath;

    @Option(scope = ScopeType.INHERIT, names = "--events", paramLabel = "DIR", description = "The revision files (default: schema/events).")
    public Path events;

    @Option(scope = ScopeType.INHERIT, names = "--migrations", paramLabel = "DIR", description = "The migrations: a folder in any"
            + " layout --layout names, or a Liquibase changelog file (default: db/migration).")
    public Path migrations;

    @Option(scope = ScopeType.INHERIT, names = "--layout", paramLabel = "NAME", description = "The migration tool whose files --migrations"
            + " holds: flyway, golang-migrate, goose, dbmate, sqlx, diesel or liquibase (default: strata.yaml's layout, else recognised"
            + " from the files; see docs/layouts.md).")
    public String layout;

    @Option(scope = ScopeType.INHERIT, names = "--db", paramLabel = "FILE", description = "The local database (default: data/<subject>.db).")
    public Path database;

    @Option(scope = ScopeType.INHERIT, names = "--url", paramLabel = "JDBC_URL",
            description = "The database as a JDBC URL (jdbc:sqlite:FILE); overrides --db.")
    public String url;

    @Option(scope = ScopeType.INHERIT, names = "--keep-backups", paramLabel = "N",
            description = "How many backups of the database to keep (default: strata.yaml's keepBackups, else 10).")
    public Integer keepBackups;

    @Option(scope = ScopeType.INHERIT, names = "--backups", paramLabel = "DIR", description = "Where backups go (default: backup).")
    public Path backups;

    @Option(scope = ScopeType.INHERIT, names = "--registry", paramLabel = "URL", description = "The registry service, e.g. http://localhost:8080.")
    public String registry;

    @Option(scope = ScopeType.INHERIT, names = "--stacktrace", description = "Print the stack trace of an error (for bug reports).")
    public boolean stacktrace;
}
