package dev.treaty.evaluator;

import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.settle.Settlement;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Agreements, revenue and settlements for evaluator tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path root() {
        String root = System.getProperty("treaty.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    public static AgreementFolder.Loaded load(Path folder) {
        AgreementFolder.Loaded loaded = AgreementFolder.load(folder);
        if (loaded.hasErrors()) throw new AssertionError("fixture has errors: " + loaded.diagnostics());
        return loaded;
    }

    public static AgreementFolder.Loaded loadText(String text) {
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(Map.of(Path.of("t.treaty.md"), text), Map.of());
        if (loaded.hasErrors()) throw new AssertionError("fixture has errors: " + loaded.diagnostics());
        return loaded;
    }

    public static RevenueLine line(String date, String party, String category, String amount) {
        return new RevenueLine(LocalDate.parse(date), party, "", "", category, "", "", "",
                new java.math.BigDecimal(amount).movePointRight(6).longValueExact(), "USD", new FactSource(Path.of("test.csv"), 2));
    }

    public static SettlementResult settle(AgreementFolder.Loaded loaded, Facts facts, LocalDate knownAt, LocalDate through,
                                          List<RevenueLine> lines) {
        AgreementHistory history = loaded.histories().get(0);
        List<SettlementPlan.VersionSpan> schedule = history.versions(knownAt).stream()
                .map(v -> new SettlementPlan.VersionSpan(v.inForce(), v)).toList();
        SettlementPlan plan = SettlementPlan.of(schedule, facts, through, Optional.empty());
        lines.forEach(plan);
        return Settlement.compute(plan, loaded.assumptions(), Optional.empty());
    }
}
