package dev.treaty.cli;

import dev.treaty.evaluator.decide.Decision;
import dev.treaty.evaluator.decide.LicenceCheck;
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

/** {@code treaty license}: does a party hold a licence to a class of IP on a date? Exit 0 licensed, 1 not, 2 bad input. */
@Command(name = "license", aliases = "licence", description = "Does a party hold a licence to a class of IP (and"
        + " optionally one subject) on a date? LICENSED (exclusive or not, until when) or NOT LICENSED, and why;"
        + " exit 0 licensed, 1 not licensed, 2 bad input.")
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

    @Option(names = "--subject", paramLabel = "NAME", description = "One item, named by a product event, whose release date may matter.")
    String subject;

    @Option(names = "--on", required = true, paramLabel = "DATE", description = "The day of use.")
    LocalDate on;

    @Override
    public Integer call() {
        Evaluation evaluation = Evaluation.open(spec, options, facts);
        PrintWriter out = evaluation.out();
        if (subject != null && evaluation.facts().product(subject).isEmpty()) {
            throw new BadInputException("no product event names '" + subject + "' (give the events file that declares it with --events)");
        }
        ConsolidatedAgreement version = evaluation.versionOn(on);
        Decision decision = LicenceCheck.decide(version, evaluation.facts(), new LicenceCheck.Question(licensee, ipClass, Optional.ofNullable(subject), on));
        return DecisionText.answer(out, decision, version, options.json, facts.explain);
    }
}
