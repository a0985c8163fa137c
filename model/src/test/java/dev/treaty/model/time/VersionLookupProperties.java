package dev.treaty.model.time;

import dev.treaty.model.AgreementFolder;
import dev.treaty.model.term.EventDefinition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.treaty.model.TestAgreements.HEADER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed, incrementally built timeline answers exactly what the definition says: apply,
 * in signing order, every change signed by K and effective by D. Checked against that
 * definition computed the slow way, on random histories with retroactive and out-of-order
 * amendments and restatements.
 */
class VersionLookupProperties {

    record Change(int index, int signedDay, int effectiveDay, boolean restatement, int clause) {
    }

    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    @Provide
    Arbitrary<List<Change>> histories() {
        Arbitrary<Change> change = Combinators.combine(
                Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(-60, 60),
                Arbitraries.integers().between(0, 9).map(i -> i == 0),
                Arbitraries.integers().between(1, 4)
        ).as((signed, shift, restatement, clause) -> new Change(0, signed, Math.max(0, signed + shift), restatement, clause));
        return change.list().ofMaxSize(25).map(list -> {
            List<Change> indexed = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Change c = list.get(i);
                indexed.add(new Change(i, c.signedDay, c.effectiveDay, c.restatement, c.clause));
            }
            return indexed;
        });
    }

    @Property(tries = 150)
    void lookupMatchesTheDefinition(@ForAll("histories") List<Change> changes,
                                    @ForAll("days") List<Integer> dates, @ForAll("days") List<Integer> knowledge) {
        Map<Path, String> texts = new LinkedHashMap<>();
        texts.put(Path.of("a.treaty.md"), HEADER + clause(1, "base") + clause(2, "base") + clause(3, "base"));
        for (Change change : changes) texts.put(Path.of("c" + change.index + ".treaty.md"), text(change));
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(texts, Map.of());
        assertThat(loaded.diagnostics()).isEmpty();
        AgreementHistory history = loaded.histories().get(0);

        for (int d : dates) {
            for (int k : knowledge) {
                LocalDate date = START.plusDays(d);
                LocalDate knownAt = START.plusDays(k);
                String actual = history.versionOn(date, knownAt).map(VersionLookupProperties::describe).orElse("none");
                assertThat(actual).as("on %s known %s", date, knownAt).isEqualTo(expected(changes, d, k));
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> days() {
        return Arbitraries.integers().between(-5, 470).list().ofMinSize(1).ofMaxSize(6);
    }

    private static String text(Change change) {
        String id = "c" + change.index;
        if (change.restatement) {
            return "# R\n\n```treaty\namendment " + id + " restates t\nsigned " + START.plusDays(change.signedDay)
                    + "\neffective " + START.plusDays(change.effectiveDay) + "\n```\n\n"
                    + clause(1, id) + clause(2, id) + clause(3, id);
        }
        String operation = change.clause == 4 ? "add" : "replace";
        int clause = change.clause == 4 ? 100 + change.index : change.clause;
        return "# A\n\n```treaty\namendment " + id + " amends t\nsigned " + START.plusDays(change.signedDay)
                + "\neffective " + START.plusDays(change.effectiveDay) + "\n```\n\n"
                + "## " + clause + " C\n\n```treaty\n" + operation + "\n\nevent e" + clause + "-" + id + "\n```\n\n";
    }

    private static String clause(int number, String by) {
        return "## " + number + " C\n\n```treaty\nevent e" + number + "-" + by + "\n```\n\n";
    }

    private static String describe(ConsolidatedAgreement version) {
        return String.join(",", version.termsOf(EventDefinition.class).stream().map(EventDefinition::name).toList());
    }

    /** The definition, computed from scratch. */
    private static String expected(List<Change> changes, int date, int knownAt) {
        if (date < 0 || knownAt < 0) return "none";
        TreeMap<Integer, String> clauses = new TreeMap<>(Map.of(1, "e1-base", 2, "e2-base", 3, "e3-base"));
        changes.stream()
                .filter(c -> c.signedDay <= knownAt && c.effectiveDay <= date)
                .sorted(Comparator.comparingInt(Change::signedDay).thenComparingInt(Change::effectiveDay)
                        .thenComparing(c -> "c" + c.index + ".treaty.md"))
                .forEach(c -> {
                    String id = "c" + c.index;
                    if (c.restatement) {
                        clauses.clear();
                        for (int n = 1; n <= 3; n++) clauses.put(n, "e" + n + "-" + id);
                    } else if (c.clause == 4) {
                        clauses.put(100 + c.index, "e" + (100 + c.index) + "-" + id);
                    } else if (clauses.containsKey(c.clause)) {
                        clauses.put(c.clause, "e" + c.clause + "-" + id);
                    }
                });
        return String.join(",", clauses.values());
    }
}
