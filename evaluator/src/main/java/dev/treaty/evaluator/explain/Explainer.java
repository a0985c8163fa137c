package dev.treaty.evaluator.explain;

import java.util.function.Supplier;

/**
 * Whether a decision writes its explanation. The silent explainer answers every step with
 * {@link Explanation#NONE} and never calls the text's supplier, so a decision that nobody will
 * read builds no strings: the same code path, a fraction of the cost.
 */
public final class Explainer {

    public static final Explainer FULL = new Explainer(true);
    public static final Explainer SILENT = new Explainer(false);

    private final boolean explaining;

    private Explainer(boolean explaining) {
        this.explaining = explaining;
    }

    public boolean isExplaining() {
        return explaining;
    }

    public Explanation of(Supplier<String> text) {
        return explaining ? Explanation.of(text.get()) : Explanation.NONE;
    }
}
