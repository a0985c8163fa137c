package dev.treaty.cli;

import dev.treaty.evaluator.decide.Decision;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.model.time.ConsolidatedAgreement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code treaty gate}: may this product ship on this cloud today? Exit 0 allowed, 1 denied, 2 bad input. */
@Command(name = "gate", description = "May a product be released on a cloud (for a customer segment) on a date?"
        + " Prints ALLOWED or DENIED with the clause and facts that decide it; exit 0 allowed, 1 denied, 2 bad input.")
final class GateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Mixin
    FactsOptions facts;

    @Option(names = "--product", required = true, paramLabel = "P", description = "The product, as named by a product event.")
    String product;

    @Option(names = "--cloud", required = true, paramLabel = "C", description = "The cloud, e.g. azure, aws, gcp, oracle.")
    String cloud;

    @Option(names = "--segment", paramLabel = "S", description = "The customer segment, e.g. us-national-security.")
    String segment;

    @Option(names = "--on", required = true, paramLabel = "DATE", description = "The day of the release.")
    LocalDate on;

    @Override
    public Integer call() {
        Evaluation evaluation = Evaluation.open(spec, options, facts);
        PrintWriter out = evaluation.out();
        ConsolidatedAgreement version = evaluation.versionOn(on);
        Decision decision;
        try {
            decision = ReleaseGate.decide(version, evaluation.facts(), new ReleaseGate.Question(product, cloud, Optional.ofNullable(segment), on));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage() + " (give the events file that declares it with --events)");
        }
        return DecisionText.answer(out, decision, version, options.json, facts.explain);
    }
}
