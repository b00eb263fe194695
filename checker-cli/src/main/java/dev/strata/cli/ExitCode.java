package dev.strata.cli;

/** The exit codes of every strata command. */
public final class ExitCode {

    /** Success. */
    public static final int OK = 0;
    /** A check failed, or the gate is closed. */
    public static final int CHECK_FAILED = 1;
    /** Bad usage or bad input; nothing was written. */
    public static final int BAD_INPUT = 2;
    /** An operation failed (the database was restored). */
    public static final int OPERATION_FAILED = 3;

    private ExitCode() {
    }
}
