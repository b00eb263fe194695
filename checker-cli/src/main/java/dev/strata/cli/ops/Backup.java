package dev.strata.cli.ops;

import java.nio.file.Path;

/** A backup file and the SHA-256 of its bytes. */
public record Backup(Path file, String sha256) {
}
