package dev.treaty.cli;

/** The exit codes of every treaty command. */
public final class ExitCodes {
    /** The command answered. */
    public static final int OK = 0;
    /** A decision command answered "no" (denied, not licensed). */
    public static final int NO = 1;
    /** The input was bad: reasons on stderr. */
    public static final int BAD_INPUT = 2;
    /** A bug in Treaty. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
