package dev.treaty.cli;

import dev.treaty.report.Json;
import dev.treaty.evaluator.decide.Decision;
import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.explain.ExplanationText;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Set;

/** A decision as text: the verdict, the steps that decide it and what they cite; the whole tree with --explain. */
final class DecisionText {

    private DecisionText() {
    }

    static void print(PrintWriter out, Explanation why, boolean explain) {
        if (explain) {
            out.print(ExplanationText.render(why));
            return;
        }
        out.println(why.text());
        steps(out, why, "  ");
        Set<String> cited = new LinkedHashSet<>();
        why.allReferences().forEach(r -> cited.add(r.toString()));
        cited.forEach(c -> out.println("  · " + c));
    }

    /** The steps without their citations; "X applies on D" steps only through what they rest on. */
    private static void steps(PrintWriter out, Explanation step, String indent) {
        for (Explanation child : step.because()) {
            if (child.text().contains(" applies on ")) {
                steps(out, child, indent);
                continue;
            }
            out.println(indent + child.text());
            steps(out, child, indent + "  ");
        }
    }

    /** Prints a decision as JSON or text and returns its exit code: 0 for yes, 1 for no. */
    static int answer(PrintWriter out, dev.treaty.app.Decisions.Answer answer, boolean json, boolean explain) {
        if (json) {
            Json.print(out, Json.decision(answer.decision(), answer.version()));
        } else {
            print(out, answer.decision(), explain);
        }
        out.flush();
        return answer.decision().yes() ? ExitCodes.OK : ExitCodes.NO;
    }

    static void print(PrintWriter out, Decision decision, boolean explain) {
        print(out, decision.why(), explain);
    }
}
