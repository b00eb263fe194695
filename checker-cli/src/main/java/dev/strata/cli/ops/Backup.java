package dev.strata.cli.ops;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A backup file and the SHA-256 of its bytes.
 *
 * @param pruned the older timestamped backups removed to keep the newest ones (named backups never are)
 */
public record Backup(Path file, String sha256, List<Path> pruned) {

    public Backup {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        pruned = List.copyOf(pruned);
    }
}
