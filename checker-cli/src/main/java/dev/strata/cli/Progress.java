package dev.strata.cli;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * A progress line for long walks, rewritten in place on an interactive terminal; silent when output
 * is not a terminal or {@code CI} is set, so CI logs stay clean. Lanes of a walk may report from any thread.
 */
public final class Progress implements IntConsumer, AutoCloseable {

    private final PrintWriter err;
    private final String what;
    private final int total;
    private final boolean enabled;
    private boolean shown;

    public Progress(PrintWriter err, String what, int total) {
        this(err, what, total, System.console() != null && System.getenv("CI") == null);
    }

    Progress(PrintWriter err, String what, int total, boolean terminal) {
        this.err = err;
        this.what = what;
        this.total = total;
        this.enabled = terminal && total > 1;
    }

    @Override
    public synchronized void accept(int value) {
        if (enabled) {
            err.print("\r" + what + " " + value + " of " + total + "   ");
            err.flush();
            shown = true;
        }
    }

    @Override
    public synchronized void close() {
        if (shown) {
            err.print("\r" + " ".repeat(what.length() + 30) + "\r");
            err.flush();
        }
    }
}
