package dev.treaty.lsp;

import dev.treaty.model.Assumption;
import dev.treaty.model.Document;
import dev.treaty.model.term.Term;
import dev.treaty.model.term.TermKind;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ClauseInForce;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;
import dev.treaty.model.value.ClauseId;
import dev.treaty.report.Wording;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a name means, in Markdown: a term in plain words with its standing in the version in
 * force today (and, in an amendment, on the day the amendment takes effect); an assumption's
 * value, basis and where it is stated; in an amendment, the clause a heading replaces as it
 * stood the day before.
 */
final class Hovers {

    /** A replaced clause's text is shown up to this many characters. */
    private static final int CLAUSE_TEXT_MAX = 1_500;

    private Hovers() {
    }

    static Optional<Hover> hover(TreatyTextDocuments.Request request, Position position) {
        Optional<Occurrence> at = request.file().occurrenceAt(position.getLine(), position.getCharacter());
        if (at.isEmpty()) return Optional.empty();
        Occurrence occurrence = at.get();
        Optional<String> markdown = switch (occurrence.kind()) {
            case ASSUMPTION -> assumption(request, occurrence.name());
            case CLAUSE -> clause(request, occurrence);
            default -> declaration(request, occurrence).flatMap(d -> describe(request, d));
        };
        return markdown.map(text -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, text), Words.range(occurrence)));
    }

    /** The declaration a name refers to: itself, or the folder's declaration of that name. */
    private static Optional<Occurrence> declaration(TreatyTextDocuments.Request request, Occurrence occurrence) {
        if (occurrence.declaration()) return Optional.of(occurrence);
        return request.folder().occurrences().stream().filter(o -> o.declaration() && o.sameThingAs(occurrence)).findFirst();
    }

    private static Optional<String> describe(TreatyTextDocuments.Request request, Occurrence declaration) {
        return switch (declaration.kind()) {
            case TERM, EVENT -> term(request, declaration);
            case PARTY -> Optional.of("**party " + declaration.name() + "**" + (declaration.detail().isEmpty() ? "" : " — " + declaration.detail()));
            case KIND -> Optional.of("**product kind " + declaration.name() + "**" + titled(declaration));
            case CLOUD -> Optional.of("**cloud " + declaration.name() + "**" + titled(declaration));
            case UNIT -> Optional.of("**unit " + declaration.name() + "**" + titled(declaration));
            case AGREEMENT -> Optional.of("**" + declaration.name() + "**" + titled(declaration) + " — " + declaration.file().getFileName());
            default -> Optional.empty();
        };
    }

    private static String titled(Occurrence declaration) {
        return declaration.detail().isEmpty() ? "" : " — " + declaration.detail();
    }

    private static Optional<String> term(TreatyTextDocuments.Request request, Occurrence declaration) {
        Optional<FileIndex.TermSpan> span = request.folder().file(declaration.file()).flatMap(f -> f.terms().stream()
                .filter(t -> t.name().equals(declaration.name()) && t.startLine() <= declaration.line() && t.endLine() >= declaration.line())
                .findFirst());
        if (span.isEmpty()) return Optional.empty();
        TermKind kind;
        try {
            kind = TermKind.fromKeyword(span.get().kind());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        parts.add("**" + kind.keyword() + " " + declaration.name() + "**" + (span.get().title().isEmpty() ? "" : " — " + span.get().title()));
        Optional<AgreementHistory> history = request.folder().historyOf(declaration.file());
        if (history.isEmpty()) {
            parts.add("_Not part of an agreement that builds: see the problems reported._");
            return Optional.of(String.join("\n\n", parts));
        }
        parts.add(onDay(history.get(), kind, declaration.name(), request.today(), "today"));
        Optional<Document> document = request.folder().documentOf(declaration.file());
        if (document.isPresent() && !document.get().kind().label().equals("agreement")) {
            LocalDate effective = document.get().effective();
            parts.add(onDay(history.get(), kind, declaration.name(), effective, "when " + document.get().id() + " takes effect"));
        }
        return Optional.of(String.join("\n\n", parts));
    }

    private static String onDay(AgreementHistory history, TermKind kind, String name, LocalDate day, String label) {
        Optional<ConsolidatedAgreement> version = history.versionOn(day);
        Optional<TermInForce> inForce = version.flatMap(v -> v.term(kind, name));
        String heading = "**In force " + label + "** (" + day + ")";
        if (inForce.isEmpty()) {
            return heading + ": not in the version in force" + (version.isEmpty() ? " (no version is in force on that day)" : "");
        }
        Term term = inForce.get().term();
        String status = Wording.status(term, day);
        return heading + ", " + inForce.get().clause().clause().heading() + ":\n\n" + Wording.summary(term)
                + (status.isEmpty() ? "" : "\n\n_" + status + "_");
    }

    private static Optional<String> assumption(TreatyTextDocuments.Request request, String name) {
        Assumption assumption = request.folder().loaded().assumptions().get(name);
        if (assumption == null) return Optional.of("**$" + name + "** — no such assumption in this folder");
        String source = assumption.at().file().getFileName() + ":" + assumption.at().line();
        return Optional.of("**$" + name + "** = `" + assumption.value() + "`"
                + (assumption.basis().isEmpty() ? "" : "\n\n" + assumption.basis())
                + assumption.publicSince().map(d -> "\n\nPublic since " + d).orElse("")
                + (assumption.overridden() ? "\n\n_Overridden on the command line._" : "")
                + "\n\nStated at " + source);
    }

    /** A clause heading: in an amendment, the clause it replaces as it stood the day before the amendment took effect. */
    private static Optional<String> clause(TreatyTextDocuments.Request request, Occurrence occurrence) {
        if (request.folder().historyOf(occurrence.file()).isEmpty() || !ClauseId.isValid(occurrence.name())) return Optional.empty();
        ClauseId id = ClauseId.parse(occurrence.name());
        Optional<Document> document = request.folder().documentOf(occurrence.file());
        boolean change = isChange(document);
        LocalDate day = change ? document.get().effective().minusDays(1) : request.today();
        Optional<ClauseInForce> clause = clauseOn(request, occurrence, day);
        if (clause.isEmpty()) {
            return Optional.of("**Clause " + id + "**: no clause " + id + " was in force on " + day
                    + (change ? " (the day before " + document.get().id() + " takes effect): this one is new" : ""));
        }
        String prose = clause.get().clause().prose().strip();
        if (prose.length() > CLAUSE_TEXT_MAX) prose = prose.substring(0, CLAUSE_TEXT_MAX) + " …";
        String heading = change ? "**Replaces " + clause.get().clause().heading() + "**, as in force on " + day
                : "**" + clause.get().clause().heading() + "**, in force today (" + day + ")";
        return Optional.of(heading + " — " + clause.get().provenance() + "\n\n" + quote(prose));
    }

    private static boolean isChange(Optional<Document> document) {
        return document.isPresent() && !document.get().kind().label().equals("agreement");
    }

    private static Optional<ClauseInForce> clauseOn(TreatyTextDocuments.Request request, Occurrence occurrence, LocalDate day) {
        if (!ClauseId.isValid(occurrence.name())) return Optional.empty();
        ClauseId id = ClauseId.parse(occurrence.name());
        return request.folder().historyOf(occurrence.file()).flatMap(h -> h.versionOn(day)).map(v -> v.clauses().get(id));
    }

    /** The clause a number in a change names, as in force the day before the change took effect (today, in an agreement). */
    static Optional<ClauseInForce> clauseBefore(TreatyTextDocuments.Request request, Occurrence occurrence) {
        Optional<Document> document = request.folder().documentOf(occurrence.file());
        LocalDate day = isChange(document) ? document.get().effective().minusDays(1) : request.today();
        return clauseOn(request, occurrence, day);
    }

    private static String quote(String prose) {
        return prose.isEmpty() ? "_(no text)_" : "> " + prose.replace("\n", "\n> ");
    }
}
