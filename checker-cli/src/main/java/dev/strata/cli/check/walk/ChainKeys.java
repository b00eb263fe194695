package dev.strata.cli.check.walk;

import dev.strata.cli.check.BuildId;
import dev.strata.cli.check.CacheKeys;
import dev.strata.cli.check.CheckContext;
import dev.strata.cli.check.CheckOptions;
import dev.strata.cli.project.MigrationPair;
import dev.strata.events.sqlite.Sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The keys of a walk's states: for each version, a hash over everything that decides its outcome and the
 * database after it — Strata's own build, the check's options, the names of columns seeded with JSON, and
 * every script up to and including it, with its file name, label and transaction rule. A state cached under a
 * key can only be found again by a walk that would reach exactly that state.
 */
final class ChainKeys {

    private static final String FORMAT = "strata-walk 1";

    private ChainKeys() {
    }

    static List<byte[]> of(CheckContext context, Set<String> jsonNames) {
        MessageDigest sha = CacheKeys.sha256();
        CheckOptions o = context.options();
        StringBuilder head = new StringBuilder(FORMAT).append('\n').append(BuildId.current()).append('\n')
                .append("foreignKeys=").append(o.foreignKeys()).append('\n')
                .append("rowsPerTable=").append(o.rowsPerTable()).append('\n')
                .append("functions=").append(new TreeMap<>(o.functions().specs())).append('\n')
                .append("budget=").append(Sandbox.budget().toMillis()).append('\n')
                .append("json=").append(new TreeSet<>(jsonNames)).append('\n')
                .append("migrations=").append(context.migrations().shownAs()).append('\n');
        if (o.prelude() != null) {
            head.append("prelude=").append(o.preludeFile()).append('\n');
            o.prelude().statements().forEach(s -> CacheKeys.field(head, s));
        }
        byte[] key = sha.digest(head.toString().getBytes(StandardCharsets.UTF_8));
        List<byte[]> out = new ArrayList<>();
        List<MigrationPair> pairs = context.migrations().pairs();
        List<byte[]> scripts = context.scriptKeys();
        for (int i = 0; i < pairs.size(); i++) {
            MigrationPair pair = pairs.get(i);
            StringBuilder b = new StringBuilder();
            CacheKeys.field(b, String.valueOf(pair.version()));
            CacheKeys.field(b, pair.description());
            CacheKeys.field(b, context.label(pair));
            CacheKeys.field(b, java.util.HexFormat.of().formatHex(scripts.get(i)));
            sha.update(key);
            key = sha.digest(b.toString().getBytes(StandardCharsets.UTF_8));
            out.add(key);
        }
        return out;
    }
}
