package dev.strata.events.json;

import dev.strata.events.Revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** The revision files of a project: one JSON file per revision in the events folder. */
public final class RevisionFiles {

    private RevisionFiles() {
    }

    /**
     * All revisions in {@code folder}, sorted by number; an absent folder has none.
     *
     * @param shownAs how the folder is named in messages (e.g. {@code schema/events})
     * @throws RevisionFormatException naming the file for anything unreadable or malformed
     */
    public static List<Revision> readAll(Path folder, String shownAs) {
        return reading(folder, shownAs).result();
    }

    /**
     * The revision files in {@code folder}, listed now, to be read and parsed by whichever threads help: a long
     * history's files are read by two threads where the caller has one that would otherwise wait.
     */
    public static Reading reading(Path folder, String shownAs) {
        if (!Files.isDirectory(folder)) {
            return new Reading(List.of(), shownAs);
        }
        try (Stream<Path> s = Files.list(folder)) {
            return new Reading(s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList(), shownAs);
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + shownAs + ": " + e.getMessage(), e);
        }
    }

    /** Revision files being read: each thread that calls {@link #help} reads and parses the next file not yet taken. */
    public static final class Reading {
        private final List<Path> files;
        private final String shownAs;
        private final AtomicInteger next = new AtomicInteger();
        private final Revision[] parsed;
        private final RuntimeException[] failed;
        private final CountDownLatch left;

        private Reading(List<Path> files, String shownAs) {
            this.files = files;
            this.shownAs = shownAs;
            this.parsed = new Revision[files.size()];
            this.failed = new RuntimeException[files.size()];
            this.left = new CountDownLatch(files.size());
        }

        /** Reads files until none is left to take. */
        public void help() {
            for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                try {
                    parsed[i] = read(files.get(i), shownAs);
                } catch (RuntimeException e) {
                    failed[i] = e;
                } finally {
                    left.countDown();
                }
            }
        }

        /**
         * The revisions, sorted by number, once every file is read (this thread helps).
         *
         * @throws RevisionFormatException for the first file, by name, that cannot be read or parsed
         */
        public List<Revision> result() {
            help();
            try {
                left.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + shownAs, e);
            }
            for (RuntimeException e : failed) {
                if (e != null) {
                    throw e;
                }
            }
            return ordered(new ArrayList<>(java.util.Arrays.asList(parsed)), shownAs);
        }
    }

    private static Revision read(Path p, String shownAs) {
        String name = shownAs + "/" + p.getFileName();
        // a FIFO or device would block the read for ever: only regular files (or links to them) are revisions
        if (!Files.isRegularFile(p)) {
            throw new RevisionFormatException(name + ": not a regular file (a folder, FIFO or device); remove it from "
                    + shownAs + " or replace it by the revision's JSON file");
        }
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new RevisionFormatException(name + ": the file is not UTF-8 text");
        } catch (IOException e) {
            throw new RevisionFormatException(name + ": cannot read the file: " + e.getMessage(), e);
        }
        return parse(p.getFileName().toString(), text, shownAs);
    }

    /**
     * Revisions from file names and contents (read from disk or from git), sorted by number.
     *
     * @param shownAs how their folder is named in messages ({@code schema/events}, {@code v0.2.0:schema/events})
     */
    public static List<Revision> parse(Map<String, String> files, String shownAs) {
        List<Revision> out = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getKey().endsWith(".json")) {
                out.add(parse(f.getKey(), f.getValue(), shownAs));
            }
        }
        return ordered(out, shownAs);
    }

    private static Revision parse(String fileName, String text, String shownAs) {
        String name = shownAs + "/" + fileName;
        Revision r = RevisionCodec.read(text, name);
        if (!fileName.equals(r.eventFileName())) {
            throw new RevisionFormatException(name + ": the file holds revision " + r.label()
                    + ", so it must be named " + r.eventFileName() + "; rename it (revision files are never edited)");
        }
        return r;
    }

    private static List<Revision> ordered(List<Revision> out, String shownAs) {
        out.sort(Comparator.comparingInt(Revision::number));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).number() == out.get(i - 1).number()) {
                throw new RevisionFormatException(shownAs + ": two files hold revision " + out.get(i).number() + ": "
                        + out.get(i - 1).eventFileName() + " and " + out.get(i).eventFileName()
                        + "; two branches each added one: renumber yours onto the other");
            }
        }
        return out;
    }

    /** Writes a revision file atomically: a temporary file in the same folder, then a rename. */
    public static Path write(Path folder, Revision r) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(r.eventFileName());
            writeAtomically(target, RevisionCodec.write(r));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + r.eventFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces {@code target} with {@code text} so that a crash leaves the old file or the new one. The new file has
     * the permissions of the one it replaces, or {@code rw-r--r--} (not the temporary file's private {@code rw-------}:
     * deploy plans, revisions and migrations are read by others).
     */
    public static void writeAtomically(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (Files.getFileStore(temp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (var ch = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
