package dev.strata.cli.check;

import dev.strata.cli.project.MigrationScript;
import dev.strata.events.Revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/** How the check cache's keys are made: SHA-256 over fields, each written so that no two sequences of fields read the same. */
public final class CacheKeys {

    private CacheKeys() {
    }

    /** A field with its length first. */
    public static void field(StringBuilder b, String value) {
        b.append(value.length()).append(':').append(value).append('\n');
    }

    /** A migration script's every field that the checks read: its file, name, transaction rule and text. */
    public static void script(StringBuilder b, MigrationScript s) {
        if (s == null) {
            field(b, "none");
            return;
        }
        field(b, s.file());
        field(b, s.name());
        field(b, String.valueOf(s.transactional()));
        field(b, String.valueOf(s.firstLine()));
        field(b, s.outsideTransaction());
        field(b, s.text());
    }

    public static byte[] digest(byte[] previous, String fields) {
        return digest(previous, fields.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] digest(byte[] previous, byte[] bytes) {
        MessageDigest sha = sha256();
        if (previous != null) {
            sha.update(previous);
        }
        return sha.digest(bytes);
    }

    /**
     * For each revision, a hash of it and every revision before it, over what they hold and the hashes they state:
     * what the schemas up to it, and the files projected from it, are made of.
     *
     * @param computed each revision's hash over everything it holds but its stated hash ({@code RevisionHasher.hash})
     */
    public static List<byte[]> revisions(List<Revision> revisions, List<String> computed) {
        MessageDigest sha = sha256();
        byte[] key = sha.digest("strata-revisions 1".getBytes(StandardCharsets.UTF_8));
        List<byte[]> out = new ArrayList<>(revisions.size());
        for (int i = 0; i < revisions.size(); i++) {
            StringBuilder b = new StringBuilder();
            field(b, computed.get(i));
            field(b, String.valueOf(revisions.get(i).hash()));
            sha.update(key);
            key = sha.digest(b.toString().getBytes(StandardCharsets.UTF_8));
            out.add(key);
        }
        return out;
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
