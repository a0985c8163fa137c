package dev.treaty.cli;

import dev.treaty.app.Decisions;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.decide.ReleaseGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code treaty gate}: may this product ship on this cloud today? Exit 0 allowed, 1 denied, 2 bad input. */
@Command(name = "gate", mixinStandardHelpOptions = true, description = "May a product be released on a cloud (for a customer segment) on a date?"
        + " Prints ALLOWED or DENIED with the clause, facts and assumptions that decide it; exit 0 allowed, 1 denied, 2 bad input.")
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
        try (Workspace workspace = options.open(spec, facts, List.of())) {
            Decisions.Answer answer = Decisions.gate(workspace, new ReleaseGate.Question(product, cloud, Optional.ofNullable(segment), on),
                    true);
            return DecisionText.answer(spec.commandLine().getOut(), answer, options.json, facts.explain);
        }
    }
}
