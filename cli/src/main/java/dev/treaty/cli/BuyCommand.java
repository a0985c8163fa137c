package dev.treaty.cli;

import dev.treaty.app.Decisions;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.decide.FirstRefusal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code treaty buy}: may a party buy something from another provider, under the rights of first refusal? */
@Command(name = "buy", mixinStandardHelpOptions = true, description = "May a party buy something (e.g. compute-capacity) from a"
        + " provider on a date, under the rights of first refusal in force? The holder must have been offered it and declined"
        + " (or let the response window pass where silence counts as decline). ALLOWED or DENIED and why; exit 0 allowed,"
        + " 1 denied, 2 bad input.")
final class BuyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Mixin
    FactsOptions facts;

    @Option(names = "--buyer", required = true, paramLabel = "PARTY", description = "Who buys: the grantor of the right, e.g. OpenAI.")
    String buyer;

    @Option(names = "--subject", required = true, paramLabel = "S", description = "What is bought, as the right names it, e.g. compute-capacity.")
    String subject;

    @Option(names = "--seller", required = true, paramLabel = "NAME", description = "Who from, e.g. aws, Oracle, or the holder itself.")
    String seller;

    @Option(names = "--on", required = true, paramLabel = "DATE", description = "The day of the purchase.")
    LocalDate on;

    @Override
    public Integer call() {
        try (Workspace workspace = options.open(spec, facts, List.of())) {
            Decisions.Answer answer = Decisions.firstRefusal(workspace, new FirstRefusal.Question(buyer, subject, seller, on), true);
            return DecisionText.answer(spec.commandLine().getOut(), answer, options.json, facts.explain);
        }
    }
}
