package dev.strata.cli.ops;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/** What kind of thing failed, named first in every failure message: the disk, permissions, or the migration itself. */
final class Failures {

    private Failures() {
    }

    /** {@code the disk is full}, {@code permissions}, or {@code fallback} when the cause is none of those. */
    static String kind(Throwable failure, String fallback) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                SQLiteErrorCode code = s.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_FULL) {
                    return "the disk is full";
                }
                if (code.name().startsWith("SQLITE_READONLY") || code == SQLiteErrorCode.SQLITE_PERM
                        || code.name().startsWith("SQLITE_CANTOPEN")) {
                    return "permissions";
                }
            }
            if (t instanceof AccessDeniedException) {
                return "permissions";
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no space left on device") || message.contains("database or disk is full")
                    || (t instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("No space left"))) {
                return "the disk is full";
            }
            if (message.contains("readonly database") || message.contains("read-only file system") || message.contains("permission denied")) {
                return "permissions";
            }
        }
        return fallback;
    }
}
