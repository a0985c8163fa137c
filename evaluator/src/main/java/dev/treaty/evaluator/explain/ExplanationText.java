package dev.treaty.evaluator.explain;

/** Prints an explanation as an indented tree, each step followed by what it cites. */
public final class ExplanationText {

    private ExplanationText() {
    }

    public static String render(Explanation explanation) {
        StringBuilder out = new StringBuilder();
        render(explanation, "", true, true, out);
        return out.toString();
    }

    private static void render(Explanation step, String indent, boolean last, boolean root, StringBuilder out) {
        String branch = root ? "" : (last ? "└─ " : "├─ ");
        out.append(indent).append(branch).append(step.text()).append('\n');
        String childIndent = root ? indent : indent + (last ? "   " : "│  ");
        for (Explanation.Reference reference : step.references()) {
            out.append(childIndent).append(step.because().isEmpty() ? "   " : "│  ").append("· ").append(reference).append('\n');
        }
        for (int i = 0; i < step.because().size(); i++) {
            render(step.because().get(i), childIndent, i == step.because().size() - 1, false, out);
        }
    }
}
