package dev.treaty.cli;

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

import java.io.PrintWriter;
import java.util.Map;

/** JSON output: trees built explicitly, so the format is stated here and not by reflection. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    static void print(PrintWriter out, Object node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree cannot fail to print", e);
        }
    }

    static ObjectNode document(Document document) {
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

    static ObjectNode explanation(dev.treaty.evaluator.explain.Explanation explanation) {
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

    static ObjectNode decision(dev.treaty.evaluator.decide.Decision decision,
                               dev.treaty.model.time.ConsolidatedAgreement version) {
        ObjectNode node = object();
        node.put("verdict", decision.verdict());
        node.put("yes", decision.yes());
        node.put("version", version.latest().id());
        node.set("explanation", explanation(decision.why()));
        return node;
    }

    static ObjectNode provenance(Provenance provenance) {
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

    static ObjectNode term(Term term, Map<String, Assumption> assumptions) {
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

    static ObjectNode obligations(dev.treaty.app.Obligations.Result result) {
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

    static ObjectNode settlementDiff(dev.treaty.evaluator.settle.SettlementDiff diff) {
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
}
