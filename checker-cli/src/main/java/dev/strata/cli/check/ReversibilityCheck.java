package dev.strata.cli.check;

import java.util.List;

/** {@code reversibility}: for every revision, up then down restores the schema before; up again gives the same schema. */
public final class ReversibilityCheck implements Check {

    @Override
    public String name() {
        return HistoryWalk.REVERSIBILITY;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        return context.walk().reversibility();
    }
}
