package dev.treaty.model.build;

import dev.treaty.language.Diagnostics;
import dev.treaty.language.LiterateDocument;
import dev.treaty.language.SourceClause;
import dev.treaty.language.SourcePosition;
import dev.treaty.language.Syntax;
import dev.treaty.language.TermBlock;
import dev.treaty.language.grammar.TreatyParser;
import dev.treaty.language.grammar.TreatyParser.*;
import dev.treaty.model.Assumption;
import dev.treaty.model.Clause;
import dev.treaty.model.ClauseOperation;
import dev.treaty.model.Document;
import dev.treaty.model.DocumentKind;
import dev.treaty.model.Party;
import dev.treaty.model.term.ProductKinds;
import dev.treaty.model.term.Term;
import dev.treaty.model.value.ClauseId;
import dev.treaty.model.value.Quantity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Gives meaning to one literate file: its header (what kind of document it is, its id, parties
 * and dates), its clauses with their terms, and for amendments the operation each clause states.
 */
public final class DocumentBuilder {

    /** The header of a file as read from its preamble blocks. */
    public record Header(DocumentKind kind, String id, String title, Optional<String> target,
                         List<Party> parties, LocalDate signed, LocalDate effective, SourcePosition at,
                         List<ProductKinds.Declaration> kinds, List<String> clouds, List<dev.treaty.model.term.Units.Declaration> units) {
    }

    private DocumentBuilder() {
    }

    /** Reads the header from the blocks before the first clause; reports a missing or partial one. */
    public static Optional<Header> header(LiterateDocument document, Diagnostics diagnostics) {
        Map<String, Party> parties = new LinkedHashMap<>();
        List<ProductKinds.Declaration> kinds = new ArrayList<>();
        List<String> clouds = new ArrayList<>();
        List<dev.treaty.model.term.Units.Declaration> units = new ArrayList<>();
        DocumentKind kind = null;
        String id = null;
        String title = document.title();
        String target = null;
        SourcePosition at = null;
        LocalDate signed = null;
        LocalDate effective = null;
        SourcePosition signedAt = null;
        boolean valid = true;
        // A header with a syntax error has been reported; what it seems to lack follows from that error.
        boolean syntaxError = false;
        for (TermBlock block : document.preambleBlocks()) {
            syntaxError |= Syntax.hasErrors(block.tree());
            BlockScope scope = new BlockScope(block, "", diagnostics);
            for (StatementContext statement : block.tree().statement()) {
                if (Syntax.hasErrors(statement)) continue;
                switch (statement) {
                    case AgreementHeaderContext agreement -> {
                        if (kind != null) {
                            scope.error(statement, "a file holds one document; it already began with '" + kind.label() + " " + id + "'");
                            valid = false;
                            continue;
                        }
                        kind = DocumentKind.AGREEMENT;
                        id = agreement.id.getText();
                        title = titleOr(agreement.title, title);
                        at = scope.at(statement);
                    }
                    case AmendmentHeaderContext amendment -> {
                        if (kind != null) {
                            scope.error(statement, "a file holds one document; it already began with '" + kind.label() + " " + id + "'");
                            valid = false;
                            continue;
                        }
                        kind = amendment.RESTATES() != null ? DocumentKind.RESTATEMENT : DocumentKind.AMENDMENT;
                        id = amendment.id.getText();
                        title = titleOr(amendment.title, title);
                        target = amendment.target.getText();
                        at = scope.at(statement);
                    }
                    case ClarificationHeaderContext clarification -> {
                        if (kind != null) {
                            scope.error(statement, "a file holds one document; it already began with '" + kind.label() + " " + id + "'");
                            valid = false;
                            continue;
                        }
                        kind = DocumentKind.CLARIFICATION;
                        id = clarification.id.getText();
                        title = titleOr(clarification.title, title);
                        target = clarification.target.getText();
                        at = scope.at(statement);
                    }
                    case AssumptionsHeaderContext assumptions -> {
                        if (kind != null) {
                            scope.error(statement, "a file holds one document; it already began with '" + kind.label() + " " + id + "'");
                            valid = false;
                            continue;
                        }
                        kind = DocumentKind.ASSUMPTIONS;
                        id = "assumptions:" + assumptions.target.getText();
                        target = assumptions.target.getText();
                        at = scope.at(statement);
                    }
                    case PartyDeclContext party -> {
                        String shortName = party.shortName.getText();
                        if (parties.containsKey(shortName)) {
                            scope.error(party.shortName, "party " + shortName + " is declared twice");
                        } else {
                            parties.put(shortName, new Party(shortName, TermBuilder.unquote(party.fullName)));
                        }
                    }
                    case SignedDeclContext signedDecl -> {
                        if (signed != null) scope.error(statement, "'signed' is stated twice");
                        signed = date(signedDecl.expr(), "signed", scope);
                        signedAt = scope.at(statement);
                        if (signed == null) valid = false;
                    }
                    case EffectiveDeclContext effectiveDecl -> {
                        if (effective != null) scope.error(statement, "'effective' is stated twice");
                        effective = date(effectiveDecl.expr(), "effective", scope);
                        if (effective == null) valid = false;
                    }
                    case AssumptionContext ignored -> {
                        // read by assumptions(); only valid in an assumptions file (checked there)
                    }
                    case CloudDeclContext declared -> clouds.add(declared.cloud.getText());
                    case UnitDeclContext declared -> {
                        java.math.BigDecimal factor = declared.factor == null ? null : new java.math.BigDecimal(declared.factor.getText());
                        if (factor != null && factor.signum() <= 0) {
                            scope.error(declared, "a unit is a positive number of another, not " + declared.factor.getText());
                        } else {
                            units.add(new dev.treaty.model.term.Units.Declaration(declared.unit.getText(), Optional.ofNullable(factor),
                                    Optional.ofNullable(declared.base).map(b -> b.getText()), TermBuilder.unquote(declared.title), scope.at(declared.unit)));
                        }
                    }
                    case KindDeclContext declared -> kinds.add(new ProductKinds.Declaration(declared.kind.getText(),
                            Optional.ofNullable(declared.parent).map(p -> p.getText()), TermBuilder.unquote(declared.title),
                            scope.at(declared.kind)));
                    default -> {
                        scope.error(statement, "this belongs under a numbered clause heading such as '## 1 Parties';"
                                + " the blocks before the first clause hold the document header");
                        valid = false;
                    }
                }
            }
        }
        if (syntaxError) return Optional.empty();
        SourcePosition fileStart = SourcePosition.of(document.source().path(), 1, 1);
        if (kind == null) {
            if (document.preambleBlocks().isEmpty() && document.clauses().isEmpty() && diagnostics.hasErrorIn(fileStart.file())) {
                return Optional.empty();          // the file was refused whole (a limit), and said so
            }
            diagnostics.error(fileStart, "", "no document header: begin the file with a ```treaty block stating"
                    + " 'agreement ID', 'amendment ID amends AGREEMENT', 'amendment ID restates AGREEMENT',"
                    + " 'clarification ID clarifies AGREEMENT' or 'assumptions for AGREEMENT'");
            return Optional.empty();
        }
        if (kind == DocumentKind.ASSUMPTIONS) {
            if (!parties.isEmpty() || signed != null || effective != null || !kinds.isEmpty() || !clouds.isEmpty() || !units.isEmpty()) {
                diagnostics.error(at, "", "an assumptions file has no parties, kinds, clouds or dates; it only names assumptions");
                return Optional.empty();
            }
            return valid ? Optional.of(new Header(kind, id, title, Optional.ofNullable(target), List.of(),
                    LocalDate.MIN, LocalDate.MIN, at, List.of(), List.of(), List.of())) : Optional.empty();
        }
        if (signed == null && valid) {
            diagnostics.error(at, "", kind.label() + " " + id + " needs 'signed DATE'");
            valid = false;
        }
        if (effective == null && signed != null && kind == DocumentKind.CLARIFICATION) {
            effective = signed;
        }
        if (effective == null && valid) {
            diagnostics.error(at, "", kind.label() + " " + id + " needs 'effective DATE'");
            valid = false;
        }
        if (kind == DocumentKind.AGREEMENT || kind == DocumentKind.RESTATEMENT) {
            if (parties.size() < 2 && (kind == DocumentKind.AGREEMENT || !parties.isEmpty())) {
                diagnostics.error(at, "", kind.label() + " " + id + " needs at least two parties ('party SHORT \"Full name\"')");
                valid = false;
            }
        }
        if (kind == DocumentKind.AGREEMENT && valid && effective.isBefore(signed)) {
            diagnostics.warning(signedAt, "", "agreement " + id + " takes effect on " + effective + ", before it was signed on " + signed);
        }
        return valid ? Optional.of(new Header(kind, id, title, Optional.ofNullable(target),
                List.copyOf(parties.values()), signed, effective, at, List.copyOf(kinds), List.copyOf(clouds),
                List.copyOf(units))) : Optional.empty();
    }

    /**
     * The assumptions a file declares: those accepted, and where those refused were declared (a use
     * of one points there rather than calling it unknown).
     */
    public record Declared(List<Assumption> accepted, Map<String, SourcePosition> refused) {
    }

    /** Reads the {@code assume} statements of an assumptions file, and reports them anywhere else. */
    public static Declared assumptions(LiterateDocument document, DocumentKind kind, Diagnostics diagnostics) {
        List<Assumption> assumptions = new ArrayList<>();
        Map<String, SourcePosition> refused = new TreeMap<>();
        List<TermBlock> blocks = new ArrayList<>(document.preambleBlocks());
        Map<TermBlock, String> contexts = new HashMap<>();
        for (SourceClause clause : document.clauses()) {
            for (TermBlock block : clause.blocks()) {
                blocks.add(block);
                contexts.put(block, clause.heading());
            }
        }
        for (TermBlock block : blocks) {
            BlockScope scope = new BlockScope(block, contexts.getOrDefault(block, ""), diagnostics);
            for (StatementContext statement : block.tree().statement()) {
                if (!(statement instanceof AssumptionContext assume) || Syntax.hasErrors(statement)) continue;
                if (kind != DocumentKind.ASSUMPTIONS) {
                    scope.error(statement, "assumptions are kept in one place: move this to the folder's assumptions file"
                            + " ('assumptions for AGREEMENT')");
                    continue;
                }
                String name = assume.assumed.getText();
                if (assume.basis == null) {
                    scope.error(assume.assumed, "assumption '" + name
                            + "' needs its basis as a quoted label, e.g. \"20%, press reports\"");
                    refused.putIfAbsent(name, scope.at(assume.assumed));
                    continue;
                }
                List<String> refers = new ArrayList<>();
                if (assume.value != null) {
                    org.antlr.v4.runtime.tree.Trees.findAllTokenNodes(assume.value, dev.treaty.language.grammar.TreatyLexer.ASSUMPTION_REF)
                            .forEach(node -> refers.add(node.getText()));
                }
                if (!refers.isEmpty()) {
                    // checked before evaluating: a formula over assumptions (a cycle among them too) is never looked up
                    scope.error(assume.value, "an assumption is a figure, not a formula over other assumptions; it names "
                            + String.join(", ", refers));
                    refused.putIfAbsent(name, scope.at(assume.assumed));
                    continue;
                }
                Optional<Quantity> value = assume.word != null ? Optional.of(new Quantity.OfWord(assume.word.getText()))
                        : Expressions.evaluate(assume.value, scope);
                Optional<LocalDate> since = Optional.empty();
                if (assume.since != null) {
                    LocalDate day = date(assume.since, "public since", scope);
                    if (day == null) {
                        refused.putIfAbsent(name, scope.at(assume.assumed));
                        continue;
                    }
                    since = Optional.of(day);
                }
                if (value.isEmpty()) {
                    refused.putIfAbsent(name, scope.at(assume.assumed));                  // evaluate() said why
                    continue;
                }
                assumptions.add(new Assumption(name, value.get(), TermBuilder.unquote(assume.basis),
                        scope.at(assume.assumed), false, since));
            }
        }
        return new Declared(List.copyOf(assumptions), Map.copyOf(refused));
    }

    /** Builds the document's clauses and operations; empty if the header is unusable. */
    public static Document build(LiterateDocument document, Header header, Map<String, Assumption> assumptions,
                                 Map<String, SourcePosition> refusedAssumptions, Diagnostics diagnostics) {
        List<Clause> clauses = new ArrayList<>();
        List<ClauseOperation> operations = new ArrayList<>();
        Map<ClauseId, SourcePosition> ids = new HashMap<>();
        for (SourceClause source : document.clauses()) {
            if (!ClauseId.isValid(source.id())) {
                diagnostics.error(source.at(), source.heading(), "clause number '" + source.id() + "' is not usable");
                continue;
            }
            ClauseId id = ClauseId.parse(source.id());
            SourcePosition earlier = ids.putIfAbsent(id, source.at());
            if (earlier != null) {
                diagnostics.error(source.at(), source.heading(), "clause " + id + " is numbered twice in this file (first at line "
                        + earlier.line() + ")");
                continue;
            }
            clause(source, id, header, assumptions, refusedAssumptions, diagnostics, clauses, operations);
        }
        return new Document(document.source().path(), header.kind(), header.id(), header.title(), header.target(),
                header.parties(), header.signed(), header.effective(), clauses, operations, document.preambleProse(), header.at(),
                header.kinds(), header.clouds(), header.units());
    }

    private static void clause(SourceClause source, ClauseId id, Header header, Map<String, Assumption> assumptions, Map<String, SourcePosition> refusedAssumptions,
                               Diagnostics diagnostics, List<Clause> clauses, List<ClauseOperation> operations) {
        List<Term> terms = new ArrayList<>();
        List<StatementContext> operationStatements = new ArrayList<>();
        List<TermBlock> operationBlocks = new ArrayList<>();
        for (TermBlock block : source.blocks()) {
            BlockScope scope = new BlockScope(block, source.heading(), assumptions, refusedAssumptions, diagnostics);
            for (StatementContext statement : block.tree().statement()) {
                if (Syntax.hasErrors(statement)) continue;
                switch (statement) {
                    case TermContext term -> TermBuilder.build(term, scope).ifPresent(terms::add);
                    case EventDeclContext event -> TermBuilder.event(event, scope).ifPresent(terms::add);
                    case ReplaceOpContext ignored -> {
                        operationStatements.add(statement);
                        operationBlocks.add(block);
                    }
                    case AddOpContext ignored -> {
                        operationStatements.add(statement);
                        operationBlocks.add(block);
                    }
                    case StrikeOpContext ignored -> {
                        operationStatements.add(statement);
                        operationBlocks.add(block);
                    }
                    case AssumptionContext ignored -> {
                        // reported by assumptions()
                    }
                    default -> scope.error(statement, "document header statements belong in the blocks before the first clause");
                }
            }
        }
        Clause clause = new Clause(id, source.title(), source.prose(), terms, source.at());
        boolean isAmendment = header.kind() == DocumentKind.AMENDMENT;
        if (!isAmendment) {
            for (int i = 0; i < operationStatements.size(); i++) {
                new BlockScope(operationBlocks.get(i), source.heading(), assumptions, refusedAssumptions, diagnostics).error(operationStatements.get(i),
                        "replace, add and strike belong in amendments; a" + (header.kind() == DocumentKind.AGREEMENT ? "n " : " ")
                                + header.kind().label() + " states its clauses as they are");
            }
            if (header.kind() == DocumentKind.ASSUMPTIONS || header.kind() == DocumentKind.CLARIFICATION) {
                if (!terms.isEmpty()) {
                    diagnostics.error(terms.get(0).header().at(), source.heading(), "a " + header.kind().label()
                            + " changes no term; state terms in an agreement or amendment");
                }
                return;
            }
            clauses.add(clause);
            return;
        }
        if (operationStatements.isEmpty()) {
            diagnostics.error(source.at(), source.heading(), "clause " + id + " of an amendment must say what it does:"
                    + " a ```treaty block with 'replace', 'add' or 'strike'");
            return;
        }
        if (operationStatements.size() > 1) {
            new BlockScope(operationBlocks.get(1), source.heading(), assumptions, refusedAssumptions, diagnostics).error(operationStatements.get(1),
                    "clause " + id + " states more than one operation");
            return;
        }
        StatementContext statement = operationStatements.get(0);
        BlockScope scope = new BlockScope(operationBlocks.get(0), source.heading(), assumptions, refusedAssumptions, diagnostics);
        SourcePosition at = scope.at(statement);
        switch (statement) {
            case ReplaceOpContext ignored -> operations.add(new ClauseOperation(ClauseOperation.Kind.REPLACE, id, Optional.of(clause), at));
            case AddOpContext ignored -> operations.add(new ClauseOperation(ClauseOperation.Kind.ADD, id, Optional.of(clause), at));
            case StrikeOpContext strike -> {
                if (!terms.isEmpty()) {
                    scope.error(statement, "a struck clause has no terms; to change terms, 'replace' the clause");
                    return;
                }
                if (strike.clauseRef().isEmpty()) {
                    operations.add(new ClauseOperation(ClauseOperation.Kind.STRIKE, id, Optional.empty(), at));
                }
                for (ClauseRefContext ref : strike.clauseRef()) {
                    if (!ClauseId.isValid(ref.getText())) {
                        scope.error(ref, "'" + ref.getText() + "' is not a clause number");
                        continue;
                    }
                    operations.add(new ClauseOperation(ClauseOperation.Kind.STRIKE, ClauseId.parse(ref.getText()),
                            Optional.empty(), scope.at(ref)));
                }
            }
            default -> throw new IllegalStateException("not an operation: " + statement.getText());
        }
    }

    private static LocalDate date(TreatyParser.ExprContext expr, String what, BlockScope scope) {
        Optional<Quantity> value = Expressions.evaluate(expr, scope);
        if (value.isEmpty()) return null;
        if (value.get() instanceof Quantity.OfDate date) return date.date();
        scope.error(expr, "'" + what + "' takes a date, not " + value.get().typeName() + " (" + value.get() + ")");
        return null;
    }

    private static String titleOr(org.antlr.v4.runtime.Token title, String fallback) {
        return title == null ? fallback : TermBuilder.unquote(title);
    }

    /** A bare word on the command line: yes, no, decline, support, … */
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*(-[\\p{L}\\p{N}_]+)*");

    /** Evaluates a command-line value ({@code --assume name=value}) with the term grammar; a bare word is a word. */
    public static Optional<Quantity> commandLineValue(String text, Diagnostics diagnostics) {
        if (WORD.matcher(text).matches()) return Optional.of(new Quantity.OfWord(text));
        var origin = java.nio.file.Path.of("--assume");
        TreatyParser.StandaloneExprContext expr = dev.treaty.language.LiterateReader.parseExpression(text, origin, diagnostics);
        if (diagnostics.hasErrors() || Syntax.hasErrors(expr)) return Optional.empty();
        TermBlock block = dev.treaty.language.LiterateReader.expressionBlock(origin);
        return Expressions.evaluate(expr.expr(), new BlockScope(block, "", diagnostics));
    }
}
