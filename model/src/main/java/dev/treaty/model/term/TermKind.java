package dev.treaty.model.term;

/** The kinds of term, by the keyword that introduces them in a term block. */
public enum TermKind {
    REVENUE_SHARE("revenue-share"),
    LICENCE("licence"),
    CLOUD_EXCLUSIVITY("cloud-exclusivity"),
    FIRST_SHIP("first-ship"),
    RELEASE_PERMISSION("release-permission"),
    RIGHT_OF_FIRST_REFUSAL("right-of-first-refusal"),
    STAKE("stake"),
    PURCHASE_COMMITMENT("purchase-commitment"),
    PENALTY("penalty"),
    INSTALMENT_SALE("instalment-sale"),
    COMPUTED("computed"),
    EVENT("event");

    private final String keyword;

    TermKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static TermKind fromKeyword(String keyword) {
        String normalised = keyword.equals("license") ? "licence" : keyword.equals("installment-sale") ? "instalment-sale" : keyword;
        for (TermKind kind : values()) {
            if (kind.keyword.equals(normalised)) return kind;
        }
        throw new IllegalArgumentException("not a term kind: " + keyword);
    }

    /** Whether this kind decides where products may be released. */
    public boolean isReleaseRule() {
        return this == CLOUD_EXCLUSIVITY || this == FIRST_SHIP || this == RELEASE_PERMISSION;
    }
}
