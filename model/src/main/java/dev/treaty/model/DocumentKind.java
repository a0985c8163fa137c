package dev.treaty.model;

/** What a file is. */
public enum DocumentKind {
    /** The base agreement: parties, dates and its clauses. */
    AGREEMENT("agreement"),
    /** Replaces, adds or strikes clauses of the agreement in force. */
    AMENDMENT("amendment"),
    /** A definitive agreement that restates the whole agreement and supersedes all before it. */
    RESTATEMENT("restatement"),
    /** A statement that changes no term, recorded in the timeline. */
    CLARIFICATION("clarification"),
    /** The named assumptions that stand in for figures the record lacks. */
    ASSUMPTIONS("assumptions");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
