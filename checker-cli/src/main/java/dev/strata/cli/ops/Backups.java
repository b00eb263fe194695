package dev.strata.cli.ops;

import dev.strata.cli.OperationFailedException;
import dev.strata.cli.project.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Online backups of a SQLite database (a byte copy taken while writers are held off, so others keep reading) to
 * {@code <dir>/<db-name>.<UTC timestamp>.db} with a {@code .sha256} beside it, and restores that
 * refuse anything that is not the backup it claims to be.
 */
public final class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Duration CHECKPOINT_PATIENCE = Duration.ofSeconds(2);

    private Backups() {
    }

    /** Backs up {@code db} into {@code dir}, keeping the newest {@code keep} timestamped backups of it. */
    public static Backup backup(Path db, Path dir, int keep, Clock clock) {
        return backup(db, dir, keep, clock, () -> { });
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    /**
     * A backup named {@code <db-name>.<name>.db} that pruning never removes (a deploy's mandatory backup); refuses
     * a name already taken.
     */
    public static Backup named(Path db, Path dir, String name) {
        if (!NAME.matcher(name).matches() || name.matches("\\d{8}T\\d{6}\\.\\d{3}Z")) {
            throw new InvalidInputException("--name " + name + ": use letters, digits, '.', '_' or '-' (at most 80, not a timestamp),"
                    + " such as before-v0.3.0");
        }
        Path target = dir.resolve(base(db) + "." + name + ".db");
        if (Files.exists(target)) {
            throw new InvalidInputException(target + " already exists: a named backup is never replaced; choose another --name"
                    + " or delete it first; nothing was changed");
        }
        return copy(db, dir, target, -1, () -> { });
    }

    private static String base(Path db) {
        return db.getFileName().toString().replaceAll("\\.db$", "");
    }

    /**
     * As {@link #backup(Path, Path, int, Clock)}, running {@code beforeWritersHeldOff} at the last
     * moment another connection can still commit: tests commit there.
     */
    static Backup backup(Path db, Path dir, int keep, Clock clock, Runnable beforeWritersHeldOff) {
        return copy(db, dir, dir.resolve(base(db) + "." + STAMP.format(clock.instant()) + ".db"), keep, beforeWritersHeldOff);
    }

    /** Copies {@code db} to {@code target} and then, unless {@code keep < 0}, prunes the oldest timestamped backups. */
    private static Backup copy(Path db, Path dir, Path target, int keep, Runnable beforeWritersHeldOff) {
        try {
            Files.createDirectories(dir);
            String base = base(db);
            Path temp = dir.resolve("." + target.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            try (Connection c = open(db); Statement st = c.createStatement()) {
                beforeWritersHeldOff.run();
                // hold off writers first, then fold a write-ahead log into the file: a commit between the
                // two would stay in the -wal file and be missing from the byte copy
                st.execute("BEGIN IMMEDIATE");
                try {
                    checkpoint(db);
                    Files.copy(db, temp, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    st.execute("ROLLBACK");
                }
            }
            move(temp, target);
            String sum = sha256(target);
            Files.writeString(dir.resolve(target.getFileName() + ".sha256"), sum + "  " + target.getFileName() + "\n");
            return new Backup(target, sum, keep < 0 ? List.of() : prune(dir, base, keep));
        } catch (IOException | SQLException e) {
            String kind = Failures.kind(e, null);
            throw new OperationFailedException((kind == null ? "" : kind + ": ") + "backing up " + db + " into " + dir + " failed: "
                    + e.getMessage() + "; nothing was changed, the database is intact", e);
        }
    }

    private static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    /**
     * Copies every committed page of a write-ahead log into the database file (a no-op in other
     * journal modes). It runs on a second connection because SQLite refuses a checkpoint inside the
     * transaction that holds the write lock, and in PASSIVE mode because the fuller modes wait for
     * that lock. A reader still on an older snapshot keeps the newer frames out of the file for as
     * long as it reads, so wait for it a little, then fail rather than copy an incomplete file.
     */
    private static void checkpoint(Path db) throws SQLException {
        long deadline = System.nanoTime() + CHECKPOINT_PATIENCE.toNanos();
        try (Connection c = open(db); Statement st = c.createStatement()) {
            while (true) {
                int logged;
                int copied;
                try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                    rs.next();
                    logged = rs.getInt(2);
                    copied = rs.getInt(3);
                }
                if (copied == logged) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new SQLException("only " + copied + " of the " + logged + " pages in " + db.getFileName()
                            + "-wal reached the database file after " + CHECKPOINT_PATIENCE.toMillis()
                            + " ms, because another connection keeps reading an older state; try again when it has finished");
                }
                sleep();
            }
        }
    }

    private static void sleep() throws SQLException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a reader to finish", e);
        }
    }

    /**
     * Replaces {@code db} by {@code backup} atomically, after checking that the backup is a SQLite
     * database whose SHA-256 matches the one recorded beside it (or {@code expectedSha256}).
     */
    public static void restore(Path backup, Path db, String expectedSha256) {
        try {
            check(backup, expectedSha256);
            Path temp = db.toAbsolutePath().resolveSibling("." + db.getFileName() + ".restore.tmp");
            Files.copy(backup, temp, StandardCopyOption.REPLACE_EXISTING);
            keepOwnerAndMode(db, temp);
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            }
            move(temp, db);
        } catch (IOException e) {
            String kind = Failures.kind(e, null);
            throw new OperationFailedException((kind == null ? "" : kind + ": ") + "restoring " + db + " from " + backup + " failed: "
                    + e.getMessage() + "; " + db.getFileName() + " was not replaced", e);
        }
    }

    /** Gives {@code copy} the owner, group and permissions of {@code original}, so a restore changes the bytes only. */
    private static void keepOwnerAndMode(Path original, Path copy) throws IOException {
        if (!Files.exists(original)) {
            return;
        }
        var view = Files.getFileAttributeView(original, java.nio.file.attribute.PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        var attributes = view.readAttributes();
        var target = Files.getFileAttributeView(copy, java.nio.file.attribute.PosixFileAttributeView.class);
        target.setPermissions(attributes.permissions());
        if (!attributes.owner().equals(Files.getOwner(copy)) || !attributes.group().equals(target.readAttributes().group())) {
            try {
                target.setOwner(attributes.owner());
                target.setGroup(attributes.group());
            } catch (IOException notAllowed) {
                throw new IOException(original + " belongs to " + attributes.owner().getName() + ":" + attributes.group().getName()
                        + " and only they (or root) can restore it with its owner kept; run the restore as that user ("
                        + notAllowed.getMessage() + ")", notAllowed);
            }
        }
    }

    /**
     * Refuses (changing nothing) a backup that is missing, not a SQLite database, or whose SHA-256 differs from
     * {@code expectedSha256} or, when that is null, from the one recorded beside it.
     */
    public static void check(Path backup, String expectedSha256) throws IOException {
        if (!Files.isRegularFile(backup)) {
            throw new InvalidInputException(backup + ": no such file; nothing was restored");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(backup)) {
            head = in.readNBytes(SQLITE_HEADER.length);
        }
        if (!Arrays.equals(head, SQLITE_HEADER)) {
            throw new InvalidInputException(backup + " is not a SQLite database (its header is not 'SQLite format 3'); nothing was restored");
        }
        String expected = expectedSha256 != null ? expectedSha256 : recordedSha256(backup);
        String actual = sha256(backup);
        if (!actual.equals(expected)) {
            throw new InvalidInputException(backup + ": SHA-256 is " + actual + " but " + expected
                    + " was recorded when it was made; the file changed, nothing was restored");
        }
    }

    private static String recordedSha256(Path backup) throws IOException {
        Path sum = backup.resolveSibling(backup.getFileName() + ".sha256");
        if (!Files.isRegularFile(sum)) {
            throw new InvalidInputException(backup + ": no " + sum.getFileName() + " beside it, so its integrity cannot be checked;"
                    + " restore only backups strata made");
        }
        return Files.readString(sum).strip().split("\\s+")[0];
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Path> prune(Path dir, String base, int keep) throws IOException {
        List<Path> backups;
        try (Stream<Path> s = Files.list(dir)) {
            backups = s.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(base) + "\\.\\d{8}T\\d{6}\\.\\d{3}Z\\.db"))
                    .sorted(Comparator.comparing(Path::toString).reversed()).toList();
        }
        List<Path> removed = backups.subList(Math.min(keep, backups.size()), backups.size());
        for (Path old : removed) {
            Files.deleteIfExists(old);
            Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".sha256"));
        }
        return removed;
    }
}
