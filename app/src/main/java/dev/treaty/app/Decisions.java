package dev.treaty.app;

import dev.treaty.evaluator.decide.Decision;
import dev.treaty.evaluator.decide.FirstRefusal;
import dev.treaty.evaluator.decide.Holdings;
import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.decide.UnanswerableQuestion;
import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.model.time.ConsolidatedAgreement;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The yes-or-no questions (may it ship, is it licensed, may it buy elsewhere) and the holdings, each
 * answered with the version it used. A question naming something unknown is a {@link BadRequest},
 * never a "no".
 */
public final class Decisions {

    /** An answer and the version of the agreement it was decided under. */
    public record Answer(Decision decision, ConsolidatedAgreement version) {

        /** The exit-code equivalent: 0 yes, 1 no. */
        public int exitCode() {
            return decision.yes() ? 0 : 1;
        }
    }

    private Decisions() {
    }

    /** May a product ship on a cloud (for a segment) on a date? */
    public static Answer gate(Workspace workspace, ReleaseGate.Question question, boolean explain) {
        ConsolidatedAgreement version = workspace.versionOn(question.on());
        return new Answer(answer(() -> ReleaseGate.decide(workspace.agreement(), workspace.facts(), question,
                explain ? Explainer.FULL : Explainer.SILENT), " (give the events file that declares it with --events)"), version);
    }

    /** Does a party hold a licence to a class (and a subject) on a date? */
    public static Answer licence(Workspace workspace, LicenceCheck.Question question, boolean explain) {
        ConsolidatedAgreement version = workspace.versionOn(question.on());
        return new Answer(answer(() -> LicenceCheck.decide(workspace.agreement(), workspace.facts(), question,
                explain ? Explainer.FULL : Explainer.SILENT), ""), version);
    }

    /** May the grantor of a right of first refusal buy from another provider on a date? */
    public static Answer firstRefusal(Workspace workspace, FirstRefusal.Question question, boolean explain) {
        ConsolidatedAgreement version = workspace.versionOn(question.on());
        return new Answer(answer(() -> FirstRefusal.decide(workspace.agreement(), workspace.facts(), question,
                explain ? Explainer.FULL : Explainer.SILENT), ""), version);
    }

    /**
     * The rows and columns of a release matrix: every product the facts name (the report lists them
     * all; {@code declaredBy} keeps those declared on or before a day), and the usual clouds with every
     * cloud something was released on.
     */
    public record ReleaseAxes(List<String> products, List<String> clouds) {
        public ReleaseAxes {
            products = List.copyOf(products);
            clouds = List.copyOf(clouds);
        }
    }

    public static ReleaseAxes releaseAxes(Workspace workspace, java.util.Optional<LocalDate> declaredBy) {
        java.util.Set<String> products = new java.util.LinkedHashSet<>();
        workspace.facts().of(dev.treaty.evaluator.facts.Fact.Product.class).forEach(p -> {
            if (declaredBy.isEmpty() || workspace.facts().product(p.name(), declaredBy.get()).isPresent()) products.add(p.name());
        });
        java.util.Set<String> clouds = new java.util.LinkedHashSet<>(List.of("azure", "aws", "gcp", "oracle"));
        workspace.facts().of(dev.treaty.evaluator.facts.Fact.Release.class).forEach(r -> clouds.add(r.cloud()));
        return new ReleaseAxes(List.copyOf(products), List.copyOf(clouds));
    }

    /** A holder's stake on a date. */
    public static Holdings.StakePosition stake(Workspace workspace, String holder, LocalDate on) {
        ConsolidatedAgreement version = workspace.versionOn(on);
        return Holdings.stake(version, workspace.facts(), holder, on).orElseThrow(() ->
                new BadRequest("no stake of '" + holder + "' is in force on " + on + " (version " + version.latest().id() + ")"));
    }

    /** The purchase commitments in force on a date. */
    public static List<Holdings.CommitmentPosition> commitments(Workspace workspace, LocalDate on) {
        List<Holdings.CommitmentPosition> positions = Holdings.commitments(workspace.versionOn(on), workspace.facts(), on);
        if (positions.isEmpty()) throw new BadRequest("no purchase commitment is in force on " + on);
        return positions;
    }

    private static Decision answer(Supplier<Decision> decide, String hint) {
        try {
            return decide.get();
        } catch (UnanswerableQuestion e) {
            throw new BadRequest(e.getMessage() + (e.getMessage().startsWith("no product event") ? hint : ""));
        }
    }
}
