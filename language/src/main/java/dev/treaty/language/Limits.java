package dev.treaty.language;

/**
 * Every maximum Treaty holds its inputs to, in one place, each with why. A limit is checked where
 * the input comes in, before the work, and breaking it is bad input (exit 2, HTTP 400) with a
 * message naming the limit, never a crash. docs/limits.md lists them for users; a test keeps the
 * two in step.
 */
public final class Limits {

    // ---------------------------------------------------------------- agreement files

    /** An agreement file larger than this is not a contract: 4 MiB is some 2,000 pages of text. */
    public static final int SOURCE_CHARS_MAX = 4 * 1024 * 1024;

    /** A folder with more agreement files than this is not one agreement's folder. */
    public static final int AGREEMENT_FILES_MAX = 10_000;

    /** Clause numbers such as 4.2.1 go this many parts deep at most; deeper is a typo. */
    public static final int CLAUSE_NUMBER_PARTS_MAX = 8;

    /** A kind hierarchy this deep is a mistake, not a taxonomy. */
    public static final int KIND_DEPTH_MAX = 32;

    /** Quotes and lists nested in one another this deep, in an agreement's Markdown: deeper is not a contract. */
    public static final int MARKDOWN_NESTING_MAX = 32;

    /**
     * Parentheses, brackets, braces and {@code not}s nested in one another, in a term block. A
     * contract's conditions nest three or four deep; this keeps every reader's recursion shallow.
     */
    public static final int NESTING_DEPTH_MAX = 32;

    /** Operators ({@code + - * /}, {@code and}, {@code or}, {@code not}) in one statement of a term block. */
    public static final int OPERATORS_PER_STATEMENT_MAX = 256;

    /** Diagnostics reported for one load; past this many, one more says how many were left out. */
    public static final int DIAGNOSTICS_MAX = 1_000;

    // ---------------------------------------------------------------- facts

    /** A JSON Lines event longer than this is not an event (the longest real one is under 1 KiB). */
    public static final int EVENT_LINE_CHARS_MAX = 64 * 1024;

    /** A CSV row longer than this is a broken file (an unclosed quote swallowing lines), not a revenue line. */
    public static final int CSV_ROW_BYTES_MAX = 1 << 20;

    /** Columns in a revenue file. */
    public static final int CSV_FIELDS_MAX = 1_024;

    /**
     * The largest amount one revenue line or payment may carry, in currency units: a trillion.
     * In micro-units it leaves room for eight thousand such lines in one long before a sum spills
     * into exact decimal arithmetic.
     */
    public static final long LINE_AMOUNT_UNITS_MAX = 1_000_000_000_000L;

    /**
     * The largest amount one statement line may come to, in currency units: nine trillion, so that
     * its micro-units fit the store's 64-bit integers. A settlement that owes more is refused
     * before anything is issued.
     */
    public static final long TOTAL_AMOUNT_UNITS_MAX = 9_000_000_000_000L;

    /** Valuations and spend in events, in currency units: a quadrillion. */
    public static final long EVENT_AMOUNT_UNITS_MAX = 1_000_000_000_000_000L;

    // ---------------------------------------------------------------- scenarios

    /** A scenario file is a page of settings: 1 MiB is far more than any needs (and bounds a comment's cost). */
    public static final int SCENARIO_BYTES_MAX = 1024 * 1024;

    /** YAML nesting in a scenario: its deepest real structure is three levels. */
    public static final int YAML_NESTING_MAX = 32;

    /** YAML aliases to collections in a scenario: enough to share a slice, too few for a "billion laughs". */
    public static final int YAML_ALIASES_MAX = 50;

    /** Slices in a scenario's mix. */
    public static final int SCENARIO_SLICES_MAX = 256;

    /**
     * Revenue lines one simulated run settles (months × slices): 50 years monthly of 100 slices.
     * A run holds its lines in memory, and every core runs one; this bounds the heap a simulation needs.
     */
    public static final int SCENARIO_LINES_PER_RUN_MAX = 60_000;

    /** Runs of a simulation. */
    public static final int SIMULATION_RUNS_MAX = 10_000_000;

    private Limits() {
    }
}
