package dev.treaty.cli;

import dev.treaty.app.Decisions;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.decide.LicenceCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code treaty license}: does a party hold a licence to a class of IP on a date? Exit 0 licensed, 1 not, 2 bad input. */
@Command(name = "license", aliases = "licence", mixinStandardHelpOptions = true, description = "Does a party hold a licence to a"
        + " class of IP (and optionally one subject) on a date? LICENSED (exclusive or not, until when) or NOT LICENSED, and why;"
        + " exit 0 licensed, 1 not licensed, 2 bad input (a party not on the agreement, a class no licence names).")
final class LicenseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Mixin
    FactsOptions facts;

    @Option(names = "--licensee", required = true, paramLabel = "L", description = "The party asking.")
    String licensee;

    @Option(names = "--class", required = true, paramLabel = "C", description = "An IP class the agreement names: models, products, research, …")
    String ipClass;

    @Option(names = "--subject", paramLabel = "NAME", description = "One item, named by a product event: its release date and its"
            + " kind matter (a kind the licence excludes is excluded whatever the class).")
    String subject;

    @Option(names = "--on", required = true, paramLabel = "DATE", description = "The day of use.")
    LocalDate on;

    @Override
    public Integer call() {
        try (Workspace workspace = options.open(spec, facts, List.of())) {
            Decisions.Answer answer = Decisions.licence(workspace, new LicenceCheck.Question(licensee, ipClass,
                    Optional.ofNullable(subject), on), true);
            return DecisionText.answer(spec.commandLine().getOut(), answer, options.json, facts.explain);
        }
    }
}
