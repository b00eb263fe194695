package dev.strata.cli.check.walk;

import dev.strata.cli.project.MigrationPair;

import java.util.Arrays;
import java.util.List;

/**
 * Where each lane's round trips start: lane k owns versions {@code starts[k]} to {@code starts[k + 1] - 1},
 * after upgrading straight through the versions before them. The split evens out an estimate of each
 * lane's work: a round trip runs three scripts, an upgrade on the way one, and a statement costs more the
 * later it comes, as SQLite's ALTER reads the whole schema (measured: about twice as much 500 versions in).
 */
final class LaneSplit {

    private static final double DOUBLED_AFTER = 500;

    private LaneSplit() {
    }

    static int[] of(List<MigrationPair> pairs, int lanes) {
        int n = pairs.size();
        double[] upgrades = new double[n + 1];
        double[] trips = new double[n + 1];
        for (int j = 0; j < n; j++) {
            MigrationPair pair = pairs.get(j);
            double later = 1 + (double) j / DOUBLED_AFTER;
            int up = pair.up().script().statements().size();
            int down = pair.down() == null ? 0 : pair.down().script().statements().size();
            upgrades[j + 1] = upgrades[j] + up * later;
            // the reads, comparisons and seeded rows of a round trip count as about two statements
            trips[j + 1] = trips[j] + (2 * up + down + 2) * later;
        }
        // the least work per lane that covers every version, to a thousandth of the whole
        double low = 0;
        double high = trips[n];
        while (high - low > trips[n] / 1000) {
            double mid = (low + high) / 2;
            if (cover(upgrades, trips, lanes, mid, null)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        int[] starts = new int[lanes + 1];
        cover(upgrades, trips, lanes, high, starts);
        return starts;
    }

    /** Whether {@code lanes} lanes of at most {@code work} each cover every version; fills {@code starts} if given. */
    private static boolean cover(double[] upgrades, double[] trips, int lanes, double work, int[] starts) {
        int n = trips.length - 1;
        if (starts != null) {
            Arrays.fill(starts, n);
        }
        int start = 0;
        for (int k = 0; k < lanes && start < n; k++) {
            if (starts != null) {
                starts[k] = start;
            }
            int end = start;
            while (end < n && upgrades[start] + trips[end + 1] - trips[start] <= work) {
                end++;
            }
            start = end;
        }
        return start == n;
    }
}
