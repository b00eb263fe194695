package dev.strata.cli.git;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A release tag such as {@code v0.2.1}, ordered by semantic version. */
public record VersionTag(String name, int major, int minor, int patch, String commit) implements Comparable<VersionTag> {

    private static final Pattern SEMVER = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Comparator<VersionTag> ORDER = Comparator.comparingInt(VersionTag::major)
            .thenComparingInt(VersionTag::minor).thenComparingInt(VersionTag::patch);

    /** The tag if its name is a version ({@code v1.2.3} or {@code 1.2.3}), else null. */
    static VersionTag parse(String name, String commit) {
        Matcher m = SEMVER.matcher(name);
        return m.matches() ? new VersionTag(name, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), commit) : null;
    }

    @Override
    public int compareTo(VersionTag other) {
        return ORDER.compare(this, other);
    }
}
