package dev.treaty.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Treaty's side of the Cedar comparison (bench/peers): the 16 release-gate questions of
 * bench/peers/questions.json, checked against their answers, then decided silently on one thread
 * for a number of seconds. Prints one JSON line, as gate.mjs does for Cedar.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.treaty.bench.GatePeer [--check] [--seconds N]</pre>
 * Run from the repository root. Exit 0 when every answer is the expected one, 2 otherwise.
 */
public final class GatePeer {

    /** One question with the facts it is asked against and the answer it must get. */
    record Case(String describe, AgreementHistory.AsKnown version, Facts facts, ReleaseGate.Question question, boolean allowed) {
        boolean answer() {
            return ReleaseGate.decide(version, facts, question, Explainer.SILENT).yes();
        }
    }

    public static void main(String[] args) throws IOException {
        List<String> options = List.of(args);
        int at = options.indexOf("--seconds");
        double seconds = at >= 0 ? Double.parseDouble(options.get(at + 1)) : 10;
        List<Case> cases = cases(Path.of("."));
        List<String> wrong = disagreements(cases);
        if (!wrong.isEmpty()) {
            wrong.forEach(line -> System.err.println("differs: " + line));
            System.err.println("GatePeer: " + wrong.size() + " of " + cases.size() + " answers differ from questions.json");
            System.exit(2);
        }
        StringBuilder json = new StringBuilder("{\"engine\":\"treaty\",\"questions\":" + cases.size() + ",\"agree\":" + cases.size());
        if (!options.contains("--check")) {
            Case[] round = cases.toArray(Case[]::new);
            long warmUntil = System.nanoTime() + (long) (Math.min(3, seconds) * 1e9);
            boolean sink = false;
            while (System.nanoTime() < warmUntil) sink ^= rounds(round, 100);
            long rounds = 0;
            long start = System.nanoTime();
            long stop = start + (long) (seconds * 1e9);
            long now = start;
            while (now < stop) {
                sink ^= rounds(round, 1000);
                rounds += 1000;
                now = System.nanoTime();
            }
            double elapsed = (now - start) / 1e9;
            long decisions = rounds * round.length;
            json.append(",\"decisions\":").append(decisions)
                    .append(",\"seconds\":").append(String.format("%.3f", elapsed))
                    .append(",\"decisionsPerSecond\":").append(Math.round(decisions / elapsed))
                    .append(",\"sink\":").append(sink);
        }
        System.out.println(json.append('}'));
    }

    private static boolean rounds(Case[] round, int times) {
        boolean sink = false;
        for (int i = 0; i < times; i++) {
            for (Case c : round) sink ^= c.answer();
        }
        return sink;
    }

    /** The questions of questions.json, each with the version and facts it is asked against. */
    static List<Case> cases(Path root) throws IOException {
        JsonNode suite = new ObjectMapper().readTree(root.resolve("bench/peers/questions.json").toFile());
        AgreementFolder.Loaded loaded = AgreementFolder.load(root.resolve(suite.get("folder").asText()));
        if (loaded.hasErrors()) throw new IllegalStateException("the agreements of questions.json do not load");
        AgreementHistory.AsKnown version = loaded.histories().get(0).asKnown(LocalDate.MAX);
        Path events = root.resolve(suite.get("events").asText());
        Facts facts = facts(List.of(events));
        List<Case> cases = new ArrayList<>();
        for (JsonNode q : suite.get("questions")) {
            Facts asked = q.has("extraEvents") ? facts(List.of(events, root.resolve(q.get("extraEvents").asText()))) : facts;
            ReleaseGate.Question question = new ReleaseGate.Question(q.get("product").asText(), q.get("cloud").asText(),
                    Optional.ofNullable(q.get("segment")).map(JsonNode::asText), LocalDate.parse(q.get("on").asText()));
            String describe = question.product() + " on " + question.cloud() + question.segment().map(s -> " (" + s + ")").orElse("")
                    + " on " + question.on() + (q.has("extraEvents") ? " with " + q.get("extraEvents").asText() : "");
            cases.add(new Case(describe, version, asked, question, q.get("answer").asText().equals("ALLOWED")));
        }
        return cases;
    }

    /** A line for each case whose answer is not the expected one. */
    static List<String> disagreements(List<Case> cases) {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            boolean allowed = c.answer();
            if (allowed != c.allowed()) wrong.add(c.describe() + ": Treaty " + (allowed ? "ALLOWED" : "DENIED"));
        }
        return wrong;
    }

    private static Facts facts(List<Path> files) {
        EventReader.Result read = EventReader.read(files);
        if (!read.errors().isEmpty()) throw new IllegalStateException("the events of questions.json do not read: " + read.errors());
        return new Facts(read.facts());
    }
}
