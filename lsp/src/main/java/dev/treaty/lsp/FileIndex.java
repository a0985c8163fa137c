package dev.treaty.lsp;

import dev.treaty.language.Diagnostics;
import dev.treaty.language.LiterateDocument;
import dev.treaty.language.LiterateReader;
import dev.treaty.language.SourceClause;
import dev.treaty.language.SourcePosition;
import dev.treaty.language.TermBlock;
import dev.treaty.language.grammar.TreatyParser;
import dev.treaty.language.grammar.TreatyParserBaseVisitor;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code *.treaty.md} file as the editor sees it: its clauses and term blocks as the reader
 * reads them, the document header (kind, id, target), every name declared or used, and the
 * terms with their line ranges. Built from the text alone; the folder's model is in
 * {@link FolderAnalysis}.
 */
final class FileIndex {

    /** A term or event block statement with the lines it spans (0-based, inclusive). */
    record TermSpan(String kind, String name, String title, int startLine, int startColumn, int endLine, int endColumn,
                    int openBraceLine, int closeBraceLine, String clauseId) {
    }

    private final Path path;
    private final String text;
    private final List<String> lines;
    private final LiterateDocument document;
    private final List<TermBlock> blocks = new ArrayList<>();
    private final List<Occurrence> occurrences = new ArrayList<>();
    private final List<TermSpan> terms = new ArrayList<>();
    private String documentKind = "";
    private String documentId = "";
    private String target = "";

    FileIndex(Path path, String text) {
        this.path = path;
        this.text = text;
        this.lines = List.of(text.split("\r?\n", -1));
        this.document = LiterateReader.read(path, text, new Diagnostics());
        blocks.addAll(document.preambleBlocks());
        for (SourceClause clause : document.clauses()) blocks.addAll(clause.blocks());
        for (TermBlock block : document.preambleBlocks()) index(block, "");
        for (SourceClause clause : document.clauses()) {
            for (TermBlock block : clause.blocks()) index(block, clause.id());
        }
        for (SourceClause clause : document.clauses()) heading(clause);
        occurrences.sort(Comparator.comparingInt(Occurrence::line).thenComparingInt(Occurrence::start));
    }

    Path path() {
        return path;
    }

    String text() {
        return text;
    }

    List<String> lines() {
        return lines;
    }

    String line(int index) {
        return index >= 0 && index < lines.size() ? lines.get(index) : "";
    }

    LiterateDocument document() {
        return document;
    }

    List<TermBlock> blocks() {
        return blocks;
    }

    List<Occurrence> occurrences() {
        return occurrences;
    }

    List<TermSpan> terms() {
        return terms;
    }

    /** "agreement", "amendment", "clarification", "assumptions" or "" when the file has no header. */
    String documentKind() {
        return documentKind;
    }

    String documentId() {
        return documentId;
    }

    /** The agreement an amendment amends (or restates) or a clarification or assumption file is for; "" for an agreement. */
    String target() {
        return target;
    }

    Optional<Occurrence> occurrenceAt(int line, int character) {
        return occurrences.stream().filter(o -> o.contains(line, character)).findFirst();
    }

    /** The term whose lines hold {@code line}, innermost (last starting) first. */
    Optional<TermSpan> termAt(int line) {
        return terms.stream().filter(t -> line >= t.startLine() && line <= t.endLine())
                .max(Comparator.comparingInt(TermSpan::startLine));
    }

    /** The block (by its 0-based content lines) that holds {@code line}. */
    Optional<TermBlock> blockAt(int line) {
        return blocks.stream().filter(b -> line >= b.firstLine() - 1 && line < b.firstLine() - 1 + b.lineCount()).findFirst();
    }

    private void heading(SourceClause clause) {
        SourcePosition at = clause.at();
        String headingLine = line(at.line() - 1);
        int hashes = 0;
        while (hashes < headingLine.length() && (headingLine.charAt(hashes) == '#' || headingLine.charAt(hashes) == ' ')) hashes++;
        int start = headingLine.indexOf(clause.id(), hashes);
        if (start < 0) return;
        boolean declares = documentKind.equals("agreement") || documentKind.isEmpty();
        occurrences.add(new Occurrence(Occurrence.Kind.CLAUSE, clause.id(), path, at.line() - 1, start, start + clause.id().length(),
                declares, clause.title()));
    }

    private void index(TermBlock block, String clauseId) {
        if (block.tree() == null) return;
        Map<ParserRuleContext, Boolean> handled = new IdentityHashMap<>();
        new TreatyParserBaseVisitor<Void>() {
            @Override
            public Void visitAgreementHeader(TreatyParser.AgreementHeaderContext ctx) {
                documentKind = "agreement";
                documentId = text(ctx.id);
                declare(ctx.id, Occurrence.Kind.AGREEMENT, unquote(ctx.title));
                return visitChildren(ctx);
            }

            @Override
            public Void visitAmendmentHeader(TreatyParser.AmendmentHeaderContext ctx) {
                documentKind = "amendment";
                documentId = text(ctx.id);
                target = text(ctx.target);
                declare(ctx.id, Occurrence.Kind.AGREEMENT, unquote(ctx.title));
                use(ctx.target, Occurrence.Kind.AGREEMENT);
                return visitChildren(ctx);
            }

            @Override
            public Void visitClarificationHeader(TreatyParser.ClarificationHeaderContext ctx) {
                documentKind = "clarification";
                documentId = text(ctx.id);
                target = text(ctx.target);
                declare(ctx.id, Occurrence.Kind.AGREEMENT, unquote(ctx.title));
                use(ctx.target, Occurrence.Kind.AGREEMENT);
                return visitChildren(ctx);
            }

            @Override
            public Void visitAssumptionsHeader(TreatyParser.AssumptionsHeaderContext ctx) {
                documentKind = "assumptions";
                target = text(ctx.target);
                use(ctx.target, Occurrence.Kind.AGREEMENT);
                return visitChildren(ctx);
            }

            @Override
            public Void visitPartyDecl(TreatyParser.PartyDeclContext ctx) {
                declare(ctx.shortName, Occurrence.Kind.PARTY, unquote(ctx.fullName));
                return visitChildren(ctx);
            }

            @Override
            public Void visitAssumption(TreatyParser.AssumptionContext ctx) {
                declare(ctx.assumed, Occurrence.Kind.ASSUMPTION, unquote(ctx.basis));
                return visitChildren(ctx);
            }

            @Override
            public Void visitKindDecl(TreatyParser.KindDeclContext ctx) {
                declare(ctx.kind, Occurrence.Kind.KIND, unquote(ctx.title));
                use(ctx.parent, Occurrence.Kind.KIND);
                return visitChildren(ctx);
            }

            @Override
            public Void visitCloudDecl(TreatyParser.CloudDeclContext ctx) {
                declare(ctx.cloud, Occurrence.Kind.CLOUD, unquote(ctx.title));
                return visitChildren(ctx);
            }

            @Override
            public Void visitUnitDecl(TreatyParser.UnitDeclContext ctx) {
                declare(ctx.unit, Occurrence.Kind.UNIT, unquote(ctx.title));
                return visitChildren(ctx);
            }

            @Override
            public Void visitEventDecl(TreatyParser.EventDeclContext ctx) {
                declare(ctx.name(), Occurrence.Kind.EVENT, unquote(ctx.title));
                span(ctx, "event", ctx.name(), ctx.title, ctx.LBRACE(), ctx.RBRACE());
                return visitChildren(ctx);
            }

            @Override
            public Void visitTerm(TreatyParser.TermContext ctx) {
                String kind = ctx.termKind() == null ? "" : ctx.termKind().getText();
                declare(ctx.name(), Occurrence.Kind.TERM, kind + (ctx.title == null ? "" : " " + ctx.title.getText()));
                span(ctx, kind, ctx.name(), ctx.title, ctx.LBRACE(), ctx.RBRACE());
                return visitChildren(ctx);
            }

            @Override
            public Void visitRoleAttr(TreatyParser.RoleAttrContext ctx) {
                use(ctx.name(), Occurrence.Kind.PARTY);
                return visitChildren(ctx);
            }

            @Override
            public Void visitDeclaredBy(TreatyParser.DeclaredByContext ctx) {
                use(ctx.name(), Occurrence.Kind.PARTY);
                return visitChildren(ctx);
            }

            @Override
            public Void visitVerifiedBy(TreatyParser.VerifiedByContext ctx) {
                use(ctx.name(), Occurrence.Kind.PARTY);
                return visitChildren(ctx);
            }

            @Override
            public Void visitDeclaredCondition(TreatyParser.DeclaredConditionContext ctx) {
                use(ctx.event, Occurrence.Kind.EVENT);
                use(ctx.by, Occurrence.Kind.PARTY);
                return visitChildren(ctx);
            }

            @Override
            public Void visitVerifiedCondition(TreatyParser.VerifiedConditionContext ctx) {
                use(ctx.event, Occurrence.Kind.EVENT);
                use(ctx.by, Occurrence.Kind.PARTY);
                return visitChildren(ctx);
            }

            @Override
            public Void visitDueAfterEventAttr(TreatyParser.DueAfterEventAttrContext ctx) {
                use(ctx.event, Occurrence.Kind.EVENT);
                return visitChildren(ctx);
            }

            @Override
            public Void visitExceptionToAttr(TreatyParser.ExceptionToAttrContext ctx) {
                use(ctx.name(), Occurrence.Kind.TERM);
                return visitChildren(ctx);
            }

            @Override
            public Void visitCloudAttr(TreatyParser.CloudAttrContext ctx) {
                use(ctx.name(), Occurrence.Kind.CLOUD);
                return visitChildren(ctx);
            }

            @Override
            public Void visitCloudsAttr(TreatyParser.CloudsAttrContext ctx) {
                if (ctx.nameList() != null) ctx.nameList().name().forEach(n -> use(n, Occurrence.Kind.CLOUD));
                return visitChildren(ctx);
            }

            @Override
            public Void visitStrikeOp(TreatyParser.StrikeOpContext ctx) {
                for (TreatyParser.ClauseRefContext ref : ctx.clauseRef()) {
                    add(ref.getStart(), Occurrence.Kind.CLAUSE, ref.getText(), false, "");
                }
                return visitChildren(ctx);
            }

            @Override
            public Void visitName(TreatyParser.NameContext ctx) {
                if (!handled.containsKey(ctx)) add(ctx.getStart(), Occurrence.Kind.NAME, ctx.getText(), false, "");
                return visitChildren(ctx);
            }

            @Override
            public Void visitTerminal(TerminalNode node) {
                Token token = node.getSymbol();
                if (token.getType() == dev.treaty.language.grammar.TreatyLexer.ASSUMPTION_REF) {
                    add(token, Occurrence.Kind.ASSUMPTION, token.getText().substring(1), false, "");
                }
                return null;
            }

            private void declare(ParserRuleContext name, Occurrence.Kind kind, String detail) {
                if (name == null || name.getStart() == null || name.exception != null) return;
                handled.put(name, true);
                add(name.getStart(), kind, name.getText(), true, detail);
            }

            private void use(ParserRuleContext name, Occurrence.Kind kind) {
                if (name == null || name.getStart() == null || name.exception != null) return;
                handled.put(name, true);
                add(name.getStart(), kind, name.getText(), false, "");
            }

            private void add(Token token, Occurrence.Kind kind, String name, boolean declaration, String detail) {
                if (token == null || token.getType() == Token.EOF) return;
                SourcePosition at = block.positionOf(token);
                int start = at.column() - 1;
                int length = token.getText().length();
                if (kind == Occurrence.Kind.ASSUMPTION && !declaration) {
                    length = token.getText().length();      // the $ is part of the reference
                }
                occurrences.add(new Occurrence(kind, name, path, at.line() - 1, start, start + length, declaration, detail));
            }

            private void span(ParserRuleContext ctx, String kind, TreatyParser.NameContext name, Token title,
                              TerminalNode open, TerminalNode close) {
                if (name == null || ctx.getStart() == null) return;
                SourcePosition start = block.positionOf(ctx.getStart());
                Token last = ctx.getStop() != null && ctx.getStop().getType() != Token.EOF ? ctx.getStop() : ctx.getStart();
                SourcePosition end = block.positionOf(last);
                int openLine = open == null ? start.line() - 1 : block.positionOf(open.getSymbol()).line() - 1;
                int closeLine = close == null || close.getSymbol().getTokenIndex() < 0 ? end.line() - 1
                        : block.positionOf(close.getSymbol()).line() - 1;
                terms.add(new TermSpan(kind, name.getText(), unquote(title), start.line() - 1, start.column() - 1, end.line() - 1,
                        end.column() - 1 + last.getText().length(), openLine, closeLine, clauseId));
            }
        }.visit(block.tree());
    }

    private static String text(ParserRuleContext context) {
        return context == null ? "" : context.getText();
    }

    private static String unquote(Token token) {
        if (token == null) return "";
        String text = token.getText();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
