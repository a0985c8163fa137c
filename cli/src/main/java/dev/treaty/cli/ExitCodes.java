package dev.treaty.cli;

/** The exit codes of every treaty command. */
public final class ExitCodes {
    /** The command answered. */
    public static final int OK = 0;
    /** A decision command answered "no" (denied, not licensed). */
    public static final int NO = 1;
    /** The input was bad: reasons on stderr. */
    public static final int BAD_INPUT = 2;
    /** A replayed decision did not come out identical (not 1: that is a "no"). */
    public static final int DIFFERENT = 3;
    /** {@code treaty fmt --check}: a file is not formatted (not 1: that is a "no"). */
    public static final int NOT_FORMATTED = 4;
    /** A bug in Treaty. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
