package dev.strata.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the strata command in-process and keeps what it printed. */
public record Cli(int exit, String out, String err) {

    public static Cli run(String... args) {
        return runAt(java.time.Clock.systemUTC(), args);
    }

    /** {@link #run} with the time taken from {@code clock}. */
    public static Cli runAt(java.time.Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StrataCommand.commandLine(clock, args).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** {@code strata -C project args...}: the command run as if started in {@code project}. */
    public static Cli in(java.nio.file.Path project, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-C";
        all[1] = project.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
}
