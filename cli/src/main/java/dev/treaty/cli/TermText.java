package dev.treaty.cli;

import dev.treaty.model.Assumption;
import dev.treaty.model.term.Term;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;

/** How terms read as text: the full attribute listing (the one-line summary is {@link dev.treaty.report.Wording#summary}). */
final class TermText {

    private TermText() {
    }

    /** The full listing: every attribute, then the assumptions behind them. */
    static void print(PrintWriter out, Term term, Map<String, Assumption> assumptions, String indent, LocalDate on) {
        String title = term.header().title().isEmpty() ? "" : " \"" + term.header().title() + "\"";
        String status = on == null ? "" : dev.treaty.report.Wording.status(term, on);
        out.println(indent + term.header().label() + title + (status.isEmpty() ? "" : "  [" + status + "]"));
        int width = term.attributes().keySet().stream().mapToInt(String::length).max().orElse(0);
        term.attributes().forEach((name, value) ->
                out.println(indent + "  " + pad(name + ":", width + 1) + " " + value));
        for (String name : term.header().assumptions()) {
            Assumption assumption = assumptions.get(name);
            if (assumption != null) {
                out.println(indent + "  assumption $" + name + " = " + assumption.value() + " (" + assumption.basis() + ")");
            }
        }
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
