package dev.treaty.app.testing;

import dev.treaty.model.AgreementFolder;
import dev.treaty.model.term.ReleasePermission;
import dev.treaty.model.term.RevenueShare;
import dev.treaty.model.term.Term;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the tests exercised, per document: each clause with a term, each term, and each branch of
 * a term that has them (a capped revenue share: the cap reached and not reached; an exception: the
 * exception applied). A term is exercised when an answer comes from it as the version in force
 * stated it (a settlement line of its clause; the term, stake or commitment asked of on a date), or
 * when an answer's explanation cites its clause (gate, licence).
 * Tiers and {@code until}/{@code unless} conditions are not yet counted as branches.
 */
public final class Coverage {

    /** A branch of a term, and whether a test took it. */
    public record Branch(String name, boolean covered) {
    }

    /** A term of a clause of a document, and whether a test exercised it and its branches. */
    public record Unit(String document, String clause, String title, String kind, String term, boolean covered, List<Branch> branches) {
        public Unit {
            branches = List.copyOf(branches);
        }

        public boolean fullyCovered() {
            return covered && branches.stream().allMatch(Branch::covered);
        }
    }

    /** The units of one agreement folder. */
    public record Report(Path folder, String agreement, List<Unit> units) {
        public Report {
            units = List.copyOf(units);
        }

        public long covered() {
            return units.stream().filter(Unit::fullyCovered).count();
        }
    }

    private Coverage() {
    }

    /** The coverage of each folder's agreement by the run. */
    public static List<Report> of(List<Path> folders, TestRunner.Run run) {
        Set<String> touched = new HashSet<>();
        run.results().forEach(r -> r.checks().forEach(c -> touched.addAll(c.touched())));
        List<Report> reports = new ArrayList<>();
        for (Path folder : folders) {
            AgreementFolder.Loaded loaded = AgreementFolder.load(List.of(folder), Map.of());
            for (AgreementHistory history : loaded.histories()) {
                Map<String, Unit> units = new LinkedHashMap<>();
                for (ConsolidatedAgreement version : history.versions()) {
                    for (TermInForce inForce : version.terms()) {
                        Term term = inForce.term();
                        String document = inForce.provenance().documentId();
                        String clause = inForce.clause().clause().id().toString();
                        String key = document + "§" + clause + "/" + term.name();
                        if (units.containsKey(key)) continue;
                        String unit = document + "§" + clause + "/" + term.name();
                        boolean covered = touched.contains("term:" + unit) || touched.contains("clause:" + document + "§" + clause);
                        List<Branch> branches = new ArrayList<>();
                        if (term instanceof RevenueShare share && share.totalCap().isPresent()) {
                            branches.add(new Branch("cap not reached", touched.contains("branch:" + unit + ":cap not reached")));
                            branches.add(new Branch("cap reached", touched.contains("branch:" + unit + ":cap reached")));
                        }
                        if (term instanceof ReleasePermission permission && permission.exceptionTo().isPresent()) {
                            branches.add(new Branch("exception to " + permission.exceptionTo().get() + " applies",
                                    touched.contains("yes:clause:" + document + "§" + clause)));
                        }
                        units.put(key, new Unit(document, clause, inForce.clause().clause().title(), term.kind().keyword(), term.name(), covered, branches));
                    }
                }
                reports.add(new Report(folder, history.id(), List.copyOf(units.values())));
            }
        }
        return reports;
    }
}
