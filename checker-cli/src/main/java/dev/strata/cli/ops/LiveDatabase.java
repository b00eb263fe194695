package dev.strata.cli.ops;

import dev.strata.cli.OperationFailedException;
import dev.strata.events.schema.Schema;
import dev.strata.events.sqlite.Introspector;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/** A project's real database file: what Flyway recorded as applied, and its live schema. */
public record LiveDatabase(Path file) {

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("foreign_keys", "true");
        p.setProperty("busy_timeout", "30000");
        return DriverManager.getConnection(url(), p);
    }

    String url() {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /**
     * The revision Alembic recorded in its {@code alembic_version} table, or null when the database has no such
     * table or row (a database Alembic never managed).
     */
    public String alembicRevision() {
        if (!exists()) {
            return null;
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            try (ResultSet t = st.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'alembic_version'")) {
                if (!t.next() || t.getInt(1) == 0) {
                    return null;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT version_num FROM alembic_version")) {
                String revision = rs.next() ? rs.getString(1) : null;
                if (rs.next()) {
                    throw new OperationFailedException(file + ": alembic_version has more than one row (Alembic branches);"
                            + " merge the heads with `alembic merge heads`, upgrade, then import again");
                }
                return revision;
            }
        } catch (SQLException e) {
            throw new OperationFailedException("reading alembic_version of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Flyway's history rows with a version, in the order applied; empty for a database Flyway never touched. */
    public List<AppliedVersion> applied() {
        if (!exists()) {
            return List.of();
        }
        try (Connection c = connect()) {
            return applied(c);
        } catch (SQLException e) {
            throw new OperationFailedException("reading flyway_schema_history of " + file + ": " + e.getMessage(), e);
        }
    }

    private List<AppliedVersion> applied(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet t = st.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'flyway_schema_history'")) {
                if (!t.next() || t.getInt(1) == 0) {
                    return List.of();
                }
            }
            List<AppliedVersion> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT version, description, installed_on, success FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
                while (rs.next()) {
                    out.add(new AppliedVersion(Integer.parseInt(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4) == 1));
                }
            }
            return out;
        } catch (NumberFormatException e) {
            throw new OperationFailedException("reading flyway_schema_history of " + file + ": " + e.getMessage(), e);
        }
    }

    /** The version a database is at and its schema, as one read sees them. */
    public record State(int version, Schema schema) {
    }

    /** {@link #currentVersion()} and {@link #schema()} on one connection. */
    public State state() {
        if (!exists()) {
            return new State(0, Schema.EMPTY);
        }
        try (Connection c = connect()) {
            return new State(newest(applied(c)), Introspector.read(c));
        } catch (SQLException e) {
            throw new OperationFailedException("reading flyway_schema_history and the schema of " + file + ": " + e.getMessage(), e);
        }
    }

    /** The undo scripts strata stored with each version it applied; empty for a database without {@code strata_undo}. */
    public java.util.Map<Integer, StoredUndo> storedUndo() {
        if (!exists()) {
            return java.util.Map.of();
        }
        try (Connection c = connect()) {
            return UndoLog.read(c);
        } catch (SQLException | IllegalArgumentException e) {
            throw new OperationFailedException("reading " + UndoLog.TABLE + " of " + file + ": " + e.getMessage(), e);
        }
    }

    /** What {@code PRAGMA integrity_check} finds wrong with the file; empty when it is sound. */
    public List<String> integrityProblems() {
        return pragmaRows("PRAGMA integrity_check", rs -> rs.getString(1)).stream().filter(r -> !r.equals("ok")).toList();
    }

    /** The rows {@code PRAGMA foreign_key_check} finds pointing at no parent: {@code daily_prices row 7 -> companies}. */
    public List<String> foreignKeyViolations() {
        return pragmaRows("PRAGMA foreign_key_check", rs -> rs.getString(1) + " row " + rs.getLong(2) + " -> " + rs.getString(3));
    }

    private interface Row {
        String of(ResultSet rs) throws SQLException;
    }

    private List<String> pragmaRows(String pragma, Row row) {
        if (!exists()) {
            return List.of();
        }
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(pragma)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.of(rs));
            }
            return out;
        } catch (SQLException e) {
            return List.of(pragma + " could not run: " + e.getMessage());
        }
    }

    /** The newest version applied successfully, 0 for none. */
    public int currentVersion() {
        return newest(applied());
    }

    private static int newest(List<AppliedVersion> applied) {
        return applied.stream().filter(AppliedVersion::success).mapToInt(AppliedVersion::version).max().orElse(0);
    }

    public Schema schema() {
        if (!exists()) {
            return Schema.EMPTY;
        }
        try (Connection c = connect()) {
            return Introspector.read(c);
        } catch (SQLException e) {
            throw new OperationFailedException("reading the schema of " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} holding an exclusive lock on {@code <db>.lock}, so two strata operations on one
     * database never interleave: the second waits (saying so) and then sees the first one's result.
     */
    public <T> T locked(Consumer<String> say, java.util.function.Supplier<T> work) {
        Path lockFile = file.toAbsolutePath().resolveSibling(file.getFileName() + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = tryLock(ch);
                if (lock == null) {
                    say.accept("waiting for another strata operation on " + file + " to finish ...");
                    while ((lock = tryLock(ch)) == null) {
                        Thread.sleep(50);
                    }
                }
                try {
                    return work.get();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new OperationFailedException("locking " + lockFile + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while waiting for the lock on " + lockFile, e);
        }
    }

    /** The lock, or null while another process (or another thread of this one) holds it. */
    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }
}
