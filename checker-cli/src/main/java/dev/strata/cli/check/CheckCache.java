package dev.strata.cli.check;

import java.util.List;
import java.util.Map;

/**
 * Where checks keep what they found about each revision, under keys that hash everything deciding it, so that a
 * later check of the same revisions takes it instead of working it out again. Any failure is the cache's to note:
 * a check then works everything out, with the same findings.
 */
public interface CheckCache {

    /** The texts kept under {@code keys}, by the index of their key; a key with none has no entry. */
    Map<Integer, String> texts(List<byte[]> keys);

    /** Keeps texts by key, all or none. */
    void keep(Map<byte[], String> texts);
}
