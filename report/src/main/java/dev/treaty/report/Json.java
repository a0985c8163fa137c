package dev.treaty.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.model.Assumption;
import dev.treaty.model.Document;
import dev.treaty.model.term.Term;
import dev.treaty.model.time.Provenance;

import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.value.Money;

import dev.treaty.model.time.AgreementDiff;
import dev.treaty.model.time.AgreementDiff.ClauseChange;
import dev.treaty.model.time.AgreementDiff.TermChange;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ClauseInForce;
import dev.treaty.model.time.ConsolidatedAgreement;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON output: trees built explicitly, so the format is stated here and not by reflection. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static void print(PrintWriter out, Object node) {
        out.println(pretty(node));
    }

    /** The tree as the command line prints it (indented), so a service can answer byte for byte the same. */
    public static String pretty(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree cannot fail to print", e);
        }
    }

    public static ObjectNode document(Document document) {
        ObjectNode node = object();
        node.put("id", document.id());
        node.put("kind", document.kind().label());
        node.put("title", document.title());
        node.put("file", document.path().toString());
        node.put("signed", document.signed().toString());
        node.put("effective", document.effective().toString());
        node.put("retroactive", document.isRetroactive());
        return node;
    }

    public static ObjectNode explanation(dev.treaty.evaluator.explain.Explanation explanation) {
        ObjectNode node = object();
        node.put("text", explanation.text());
        ArrayNode references = node.putArray("references");
        for (var reference : explanation.references()) {
            ObjectNode r = references.addObject();
            switch (reference) {
                case dev.treaty.evaluator.explain.Explanation.Reference.Clause c -> r.put("type", "clause").put("clause", c.clause())
                        .put("title", c.title()).put("document", c.document()).put("documentKind", c.documentKind())
                        .put("file", c.file()).put("line", c.line()).put("signed", c.signed().toString())
                        .put("effective", c.effective().toString());
                case dev.treaty.evaluator.explain.Explanation.Reference.FactRef f -> r.put("type", "fact").put("id", f.id())
                        .put("factType", f.type()).put("file", f.file()).put("line", f.line());
                case dev.treaty.evaluator.explain.Explanation.Reference.Lines l -> r.put("type", "revenue-lines").put("file", l.file())
                        .put("count", l.count()).put("firstLine", l.firstLine()).put("lastLine", l.lastLine());
                case dev.treaty.evaluator.explain.Explanation.Reference.AssumptionRef a -> r.put("type", "assumption")
                        .put("name", a.name()).put("value", a.value()).put("basis", a.basis());
            }
        }
        ArrayNode because = node.putArray("because");
        explanation.because().forEach(step -> because.add(explanation(step)));
        return node;
    }

    public static ObjectNode decision(dev.treaty.evaluator.decide.Decision decision,
                               dev.treaty.model.time.ConsolidatedAgreement version) {
        ObjectNode node = object();
        node.put("verdict", decision.verdict());
        node.put("yes", decision.yes());
        node.put("version", version.latest().id());
        node.set("explanation", explanation(decision.why()));
        return node;
    }

    public static ObjectNode provenance(Provenance provenance) {
        ObjectNode node = object();
        node.put("document", provenance.documentId());
        node.put("documentKind", provenance.documentKind().label());
        node.put("how", provenance.how().label());
        node.put("file", provenance.at().file().toString());
        node.put("line", provenance.at().line());
        node.put("signed", provenance.signed().toString());
        node.put("effective", provenance.effective().toString());
        return node;
    }

    public static ObjectNode term(Term term, Map<String, Assumption> assumptions) {
        ObjectNode node = object();
        node.put("kind", term.kind().keyword());
        node.put("name", term.name());
        node.put("title", term.header().title());
        node.put("file", term.header().at().file().toString());
        node.put("line", term.header().at().line());
        ObjectNode attributes = node.putObject("attributes");
        term.attributes().forEach(attributes::put);
        ObjectNode used = node.putObject("assumptions");
        for (String name : term.header().assumptions()) {
            Assumption assumption = assumptions.get(name);
            if (assumption == null) continue;
            used.putObject(name).put("value", assumption.value().toString()).put("basis", assumption.basis())
                    .put("overridden", assumption.overridden());
        }
        return node;
    }

    public static ObjectNode obligations(dev.treaty.app.Obligations.Result result) {
        ObjectNode root = object();
        root.put("on", result.on().toString());
        root.put("agreement", result.version().agreementId());
        root.put("version", result.version().latest().id());
        root.put("withPayments", result.withPayments());
        ArrayNode parties = root.putArray("parties");
        result.byParty().forEach((party, items) -> {
            ObjectNode node = parties.addObject().put("party", party.shortName());
            ArrayNode list = node.putArray("items");
            for (dev.treaty.app.Obligations.Item item : items) {
                ObjectNode entry = list.addObject().put("text", item.text().strip());
                ArrayNode citations = entry.putArray("citations");
                item.citations().forEach(citations::add);
            }
        });
        return root;
    }

    public static ObjectNode settlementDiff(dev.treaty.evaluator.settle.SettlementDiff diff) {
        ObjectNode root = object();
        ArrayNode rows = root.putArray("byTermAndPeriod");
        diff.byTermAndPeriod().forEach((key, row) -> rows.addObject().put("term", key.term()).put("period", key.period())
                .put("before", row.before().toPlainString()).put("after", row.after().toPlainString())
                .put("change", row.change().toPlainString()));
        ArrayNode totals = root.putArray("byParties");
        diff.byParties().forEach((parties, row) -> totals.addObject().put("parties", parties).put("before", row.before().toPlainString())
                .put("after", row.after().toPlainString()).put("change", row.change().toPlainString())
                .put("currency", row.before().currency().getCurrencyCode()));
        return root;
    }

    /** A settlement as `treaty settle --json` prints it and the service returns it. */
    public static ObjectNode settlement(SettlementResult result, boolean explain) {
        ObjectNode root = object();
        ArrayNode statements = root.putArray("statements");
        for (Statement statement : result.statements()) {
            ObjectNode s = statements.addObject();
            s.put("term", statement.term()).put("payer", statement.payer()).put("payee", statement.payee());
            s.put("totalBase", statement.totalBase().toPlainString()).put("totalGross", statement.totalGross().toPlainString())
                    .put("totalDue", statement.totalDue().toPlainString());
            ArrayNode lines = s.putArray("lines");
            for (StatementLine line : statement.lines()) {
                ObjectNode l = lines.addObject();
                l.put("period", line.period()).put("from", line.from().toString()).put("through", line.through().toString());
                l.put("document", line.documentId()).put("clause", line.clauseId());
                l.put("currency", line.due().currency().getCurrencyCode());
                l.put("base", line.base().toPlainString()).put("lines", line.lines()).put("rate", line.rate());
                l.put("gross", line.gross().toPlainString()).put("recouped", line.recouped().toPlainString());
                l.put("minimumTopUp", line.minimumTopUp().toPlainString()).put("capCut", line.capCut().toPlainString());
                l.put("due", line.due().toPlainString()).put("dueDate", line.dueDate().toString());
                ArrayNode instalments = l.putArray("instalments");
                line.instalments().forEach(i -> instalments.addObject().put("due", i.due().toString()).put("amount", i.amount().toPlainString()));
                l.put("cumulativeDue", line.cumulativeDue().toPlainString());
                l.put("capRemaining", line.capRemaining().map(Money::toPlainString).orElse(null));
                line.paid().ifPresent(paid -> l.putObject("paid").put("currency", paid.amount().currency().getCurrencyCode())
                        .put("amount", paid.amount().toPlainString()).put("rate", paid.rate().toPlainString())
                        .put("rateDay", paid.rateDay().toString()).put("fact", paid.fact()));
                if (explain) l.set("explanation", explanation(line.why()));
            }
        }
        ArrayNode net = root.putArray("net");
        for (SettlementResult.NetPosition position : result.net()) {
            net.addObject().put("period", position.period()).put("debtor", position.debtor()).put("creditor", position.creditor())
                    .put("owed", position.owed().toPlainString()).put("currency", position.owed().currency().getCurrencyCode());
        }
        root.put("revenueLines", result.revenueLines()).put("ignoredLines", result.ignoredLines());
        return root;
    }

    /** The terms in force on a date, as `treaty show --json` prints them. */
    public static ObjectNode terms(ConsolidatedAgreement version, LocalDate on, LocalDate asKnown, Map<String, Assumption> assumptions) {
        ObjectNode root = object();
        root.put("agreement", version.agreementId());
        root.put("title", version.title());
        root.put("on", on.toString());
        root.put("asKnown", asKnown == null ? null : asKnown.toString());
        root.putObject("inForce")
                .put("from", version.inForce().from().map(Object::toString).orElse(null))
                .put("through", version.inForce().through().map(Object::toString).orElse(null));
        ArrayNode parties = root.putArray("parties");
        version.parties().forEach(p -> parties.addObject().put("shortName", p.shortName()).put("fullName", p.fullName()));
        ArrayNode documents = root.putArray("documents");
        version.applied().forEach(d -> documents.add(document(d)));
        ArrayNode clauses = root.putArray("clauses");
        for (ClauseInForce clause : version.clauses().values()) {
            ObjectNode node = clauses.addObject();
            node.put("id", clause.clause().id().toString());
            node.put("title", clause.clause().title());
            node.put("prose", clause.clause().prose());
            node.set("provenance", provenance(clause.provenance()));
            ArrayNode terms = node.putArray("terms");
            for (Term term : clause.clause().terms()) {
                ObjectNode t = term(term, assumptions);
                String status = dev.treaty.report.Wording.status(term, on);
                t.put("inForceOnDate", status.isEmpty());
                terms.add(t);
            }
        }
        return root;
    }

    /** The versions of an agreement and what each changed, as `treaty timeline --json` prints them. */
    public static ObjectNode timeline(AgreementHistory history, List<ConsolidatedAgreement> versions) {
        ObjectNode root = object();
        root.put("agreement", history.id());
        root.put("title", history.agreement().title());
        ArrayNode array = root.putArray("versions");
        ConsolidatedAgreement previous = null;
        for (ConsolidatedAgreement version : versions) {
            ObjectNode node = array.addObject();
            node.put("from", version.inForce().from().map(Object::toString).orElse(null));
            node.put("through", version.inForce().through().map(Object::toString).orElse(null));
            ArrayNode documents = node.putArray("documents");
            version.joinedSince(java.util.Optional.ofNullable(previous)).forEach(d -> documents.add(document(d)));
            if (previous != null) node.set("changes", clauseChanges(previous, AgreementDiff.between(previous, version), version));
            previous = version;
        }
        return root;
    }

    /** What changed, clause by clause and term by term. */
    public static ArrayNode clauseChanges(ConsolidatedAgreement from, List<ClauseChange> changes, ConsolidatedAgreement to) {
        ArrayNode array = array();
        for (ClauseChange change : changes) {
            ObjectNode node = array.addObject();
            node.put("clause", change.id().toString());
            node.put("title", change.title());
            node.put("change", change.kind().name().toLowerCase(Locale.ROOT));
            node.put("by", Wording.changedBy(change, from, to));
            node.put("textChanged", change.textChanged());
            ArrayNode terms = node.putArray("terms");
            for (TermChange term : change.terms()) {
                ObjectNode t = terms.addObject();
                t.put("kind", term.termKind().keyword());
                t.put("name", term.name());
                t.put("change", term.kind().name().toLowerCase(Locale.ROOT));
                ArrayNode attributes = t.putArray("attributes");
                for (AgreementDiff.AttributeChange a : term.attributes()) {
                    ObjectNode attribute = attributes.addObject();
                    attribute.put("attribute", a.attribute());
                    attribute.put("before", a.before().orElse(null));
                    attribute.put("after", a.after().orElse(null));
                }
            }
        }
        return array;
    }

    /** Agreement tests run: `treaty test --json` and the service's answer to a test file. */
    public static ObjectNode testRun(dev.treaty.app.testing.TestRunner.Run run) {
        ObjectNode root = object();
        root.put("passed", run.passed()).put("tests", run.results().size()).put("failed", run.failed()).put("skipped", run.skipped())
                .put("expectations", run.expectations());
        ArrayNode results = root.putArray("results");
        for (dev.treaty.app.testing.TestRunner.Result result : run.results()) {
            ObjectNode node = results.addObject().put("name", result.test().name()).put("file", result.test().file().toString())
                    .put("line", result.test().line()).put("passed", result.passed());
            result.error().ifPresent(e -> node.put("error", e));
            result.skipped().ifPresent(why -> node.put("skipped", why));
            ArrayNode checks = node.putArray("expectations");
            for (dev.treaty.app.testing.TestRunner.Check check : result.checks()) {
                checks.addObject().put("line", check.expectation().line()).put("column", check.expectation().column())
                        .put("expect", check.expectation().subject()).put("expected", check.expectation().expected())
                        .put("actual", check.actual()).put("passed", check.passed()).put("explanation", check.explanation());
            }
        }
        return root;
    }

    /** Two dates' versions, what changed between them and, when settled, what it is worth: `treaty diff --json`. */
    public static ObjectNode changes(String agreement, java.time.LocalDate from, java.time.LocalDate to, dev.treaty.app.Changes.Result result) {
        ObjectNode root = object();
        result.worth().ifPresent(worth -> root.set("money", settlementDiff(worth)));
        root.put("agreement", agreement);
        root.set("from", side(from, result.before()));
        root.set("to", side(to, result.after()));
        root.set("changes", clauseChanges(result.before(), result.changes(), result.after()));
        return root;
    }

    private static ObjectNode side(LocalDate date, ConsolidatedAgreement version) {
        ObjectNode node = object();
        node.put("date", date.toString());
        node.put("versionFrom", version.inForce().from().map(Object::toString).orElse(null));
        ArrayNode documents = node.putArray("documents");
        for (Document document : version.applied()) documents.add(document(document));
        return node;
    }
}
