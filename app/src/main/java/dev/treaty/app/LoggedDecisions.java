package dev.treaty.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.Document;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.store.Database;
import dev.treaty.store.DecisionLog;
import dev.treaty.store.Store;
import dev.treaty.store.StoreException;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decisions as the decision log keeps them, and replayed from it: the question as canonical JSON,
 * the version as document ids with content hashes, and a digest of the explanation, so a replay
 * can say whether the same question, asked of the store as it then was, gets the same answer.
 */
public final class LoggedDecisions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A question the log can hold and a replay can ask again. */
    public sealed interface Question {
        String kind();

        LocalDate on();

        /** The question as canonical JSON (fields in a fixed order, optional ones left out when absent). */
        default String json() {
            return node().toString();
        }

        ObjectNode node();

        /** Asks the question; the workspace must hold revenue for a settlement (a store). */
        Outcome ask(Workspace workspace);
    }

    /**
     * What a question got, as the log compares it.
     *
     * @param answer      the verdict, or for a settlement "sha256:" and the digest of its lines' figures
     * @param version     the version decided under (for a settlement, the one in force on its last day)
     * @param explanation the explanation's text (for a settlement, every line's)
     * @param decision    the decision itself, for a gate or licence question
     * @param settlement  the settlement itself, for a settlement
     */
    public record Outcome(String answer, ConsolidatedAgreement version, String explanation, String explanationDigest,
                          Optional<Decisions.Answer> decision, Optional<SettlementResult> settlement) {

        static Outcome of(Decisions.Answer answer) {
            String explanation = ExplanationText.render(answer.decision().why());
            return new Outcome(answer.decision().verdict(), answer.version(), explanation, Snapshot.sha256(explanation),
                    Optional.of(answer), Optional.empty());
        }
    }

    public record Gate(ReleaseGate.Question question) implements Question {
        public String kind() {
            return "gate";
        }

        public LocalDate on() {
            return question.on();
        }

        public ObjectNode node() {
            ObjectNode node = JSON.createObjectNode().put("kind", kind()).put("product", question.product()).put("cloud", question.cloud());
            question.segment().ifPresent(s -> node.put("segment", s));
            return node.put("on", question.on().toString());
        }

        /** The same text as {@code node().toString()}, written directly: a service writes one per decision. */
        @Override
        public String json() {
            StringBuilder json = new StringBuilder(96).append("{\"kind\":\"gate\",\"product\":");
            quoted(json, question.product()).append(",\"cloud\":");
            quoted(json, question.cloud());
            question.segment().ifPresent(s -> quoted(json.append(",\"segment\":"), s));
            return json.append(",\"on\":\"").append(question.on()).append("\"}").toString();
        }

        public Outcome ask(Workspace workspace) {
            return Outcome.of(Decisions.gate(workspace, question, true));
        }
    }

    public record License(LicenceCheck.Question question) implements Question {
        public String kind() {
            return "license";
        }

        public LocalDate on() {
            return question.on();
        }

        public ObjectNode node() {
            ObjectNode node = JSON.createObjectNode().put("kind", kind()).put("licensee", question.licensee()).put("class", question.ipClass());
            question.subject().ifPresent(s -> node.put("subject", s));
            return node.put("on", question.on().toString());
        }

        /** The same text as {@code node().toString()}, written directly. */
        @Override
        public String json() {
            StringBuilder json = new StringBuilder(96).append("{\"kind\":\"license\",\"licensee\":");
            quoted(json, question.licensee()).append(",\"class\":");
            quoted(json, question.ipClass());
            question.subject().ifPresent(s -> quoted(json.append(",\"subject\":"), s));
            return json.append(",\"on\":\"").append(question.on()).append("\"}").toString();
        }

        public Outcome ask(Workspace workspace) {
            return Outcome.of(Decisions.licence(workspace, question, true));
        }
    }

    /** A settlement: its answer is a digest of every line's figures, its explanation every line's. */
    public record Settle(Settlements.Request request) implements Question {
        public String kind() {
            return "settle";
        }

        public LocalDate on() {
            return request.through();
        }

        public ObjectNode node() {
            ObjectNode node = JSON.createObjectNode().put("kind", kind()).put("through", request.through().toString());
            request.from().ifPresent(f -> node.put("from", f.toString()));
            request.term().ifPresent(t -> node.put("term", t));
            return node;
        }

        public Outcome ask(Workspace workspace) {
            SettlementResult result = Settlements.settle(workspace, request);
            StringBuilder figures = new StringBuilder();
            StringBuilder why = new StringBuilder();
            for (Statement statement : result.statements()) {
                for (StatementLine line : statement.lines()) {
                    figures.append(String.join("|", statement.term(), statement.payer(), statement.payee(), line.period(),
                            line.from().toString(), line.through().toString(), line.base().toPlainString(), line.gross().toPlainString(),
                            line.recouped().toPlainString(), line.minimumTopUp().toPlainString(), line.capCut().toPlainString(),
                            line.due().toPlainString(), line.due().currency().getCurrencyCode(), line.dueDate().toString(),
                            line.cumulativeDue().toPlainString())).append('\n');
                    why.append(ExplanationText.render(line.why())).append('\n');
                }
            }
            return new Outcome("sha256:" + Snapshot.sha256(figures.toString()), workspace.versionOn(request.through()), why.toString(),
                    Snapshot.sha256(why.toString()), Optional.empty(), Optional.of(result));
        }
    }

    /** Reads a question back from the log's JSON. */
    public static Question question(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            LocalDate on = LocalDate.parse(node.has("through") ? node.get("through").asText() : node.get("on").asText());
            return switch (node.get("kind").asText()) {
                case "gate" -> new Gate(new ReleaseGate.Question(node.get("product").asText(), node.get("cloud").asText(),
                        Optional.ofNullable(node.get("segment")).map(JsonNode::asText), on));
                case "license" -> new License(new LicenceCheck.Question(node.get("licensee").asText(), node.get("class").asText(),
                        Optional.ofNullable(node.get("subject")).map(JsonNode::asText), on));
                case "settle" -> new Settle(new Settlements.Request(on, Optional.ofNullable(node.get("from")).map(n -> LocalDate.parse(n.asText())),
                        Optional.ofNullable(node.get("term")).map(JsonNode::asText), false));
                default -> throw new BadRequest("the logged request is of an unknown kind: " + json);
            };
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadRequest bad) throw bad;
            throw new BadRequest("the logged request cannot be read: " + json);
        }
    }

    private LoggedDecisions() {
    }

    /** The content hash of each file of a load, by the path documents carry. */
    public static Map<String, String> contentHashes(AgreementFolder.Loaded loaded) {
        Map<String, String> hashes = new HashMap<>();
        loaded.sources().forEach((path, source) -> hashes.put(path.toString(), Snapshot.sha256(source.text())));
        return hashes;
    }

    /** The version an answer used, as the log and the API show it: the documents applied with their content hashes. */
    public static ObjectNode version(ConsolidatedAgreement version, Map<String, String> hashes) {
        ObjectNode node = JSON.createObjectNode().put("agreement", version.agreementId()).put("in_force", version.inForce().toString());
        var documents = node.putArray("documents");
        for (Document document : version.applied()) {
            documents.addObject().put("id", document.id()).put("kind", document.kind().label())
                    .put("sha256", hashes.getOrDefault(document.path().toString(), ""));
        }
        return node;
    }

    /** A JSON string, escaped by Jackson's own encoder. */
    static StringBuilder quoted(StringBuilder out, String text) {
        out.append('"');
        com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"');
    }

    /** "everything recorded", or the instant. */
    public static String asKnown(Instant asKnown) {
        return asKnown.equals(Instant.MAX) ? "everything recorded" : asKnown.toString();
    }

    static Instant asKnown(String logged) {
        return logged.equals("everything recorded") ? Instant.MAX : Instant.parse(logged);
    }

    /**
     * A logged decision asked again.
     *
     * @param identical whether the answer, the version (ids and hashes) and the explanation's digest all match the log
     */
    public record Replayed(DecisionLog.Logged logged, String answer, String versions, String explanationDigest, boolean identical) {
    }

    /**
     * Asks a logged decision again of the store as it was recorded when the decision was made, and as
     * known at the decision's as-known instant.
     *
     * @throws BadRequest when no decision has the id
     */
    public static Replayed replay(Database database, String id) {
        return replay(database, List.of(id)).get(0);
    }

    /**
     * Replays many decisions, in the order given; decisions that read the store at the same revision
     * and as known at the same instant share one opening of it.
     */
    public static List<Replayed> replay(Database database, List<String> ids) {
        List<DecisionLog.Logged> logged = new java.util.ArrayList<>();
        try (Store store = Store.open(database, false)) {
            for (String id : ids) {
                logged.add(DecisionLog.find(store, id).orElseThrow(() -> new BadRequest("no decision '" + id + "' is logged in "
                        + database.describe())));
            }
        } catch (StoreException e) {
            throw new BadRequest(e.getMessage());
        }
        Map<String, List<Integer>> byOpening = new java.util.LinkedHashMap<>();
        for (int i = 0; i < logged.size(); i++) {
            DecisionLog.Entry entry = logged.get(i).entry();
            if (entry.request().startsWith("masked:")) throw new BadRequest("decision " + entry.id() + ": its request is masked in the log,"
                    + " so it cannot be asked again");
            byOpening.computeIfAbsent(entry.agreement() + "\n" + entry.recordedThrough() + "\n" + entry.asKnown(), k -> new java.util.ArrayList<>())
                    .add(i);
        }
        Replayed[] replayed = new Replayed[logged.size()];
        for (List<Integer> group : byOpening.values()) {
            DecisionLog.Entry first = logged.get(group.get(0)).entry();
            Workspace.Inputs inputs = new Workspace.Inputs(Optional.empty(), Optional.of(database.argument()), Optional.of(first.agreement()),
                    Map.of(), List.of(), List.of(), false, asKnown(first.asKnown()), Store.instant(first.recordedThrough()), false);
            try (Workspace workspace = Workspace.open(inputs, notice -> { }, RevenueReader.Progress.NONE)) {
                Map<String, String> hashes = contentHashes(workspace.loaded());
                for (int i : group) {
                    DecisionLog.Entry entry = logged.get(i).entry();
                    Outcome outcome = question(entry.request()).ask(workspace);
                    String versions = version(outcome.version(), hashes).toString();
                    String digest = outcome.explanationDigest();
                    boolean identical = outcome.answer().equals(entry.answer()) && versions.equals(entry.versions())
                            && digest.equals(entry.explanationDigest());
                    replayed[i] = new Replayed(logged.get(i), outcome.answer(), versions, digest, identical);
                }
            }
        }
        return List.of(replayed);
    }
}
