package dev.treaty.report;

import dev.treaty.evaluator.decide.Decision;
import dev.treaty.evaluator.decide.Holdings;
import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.evaluator.simulate.SimulationResult;
import dev.treaty.model.Document;
import dev.treaty.model.Party;
import dev.treaty.model.term.Licence;
import dev.treaty.model.term.PurchaseCommitment;
import dev.treaty.model.term.Stake;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;
import dev.treaty.model.value.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTML of {@code treaty report}: sections in a fixed order, charts as inline SVG, and every
 * figure a link to the explanation that derives it (kept at the end of the page). Settlement
 * figures carry {@code data-key} and {@code data-value} so a test can check each against
 * {@code treaty settle --json}.
 */
final class ReportPage {

    /** What the documents that joined a version are worth: the history with them and without them. */
    record Impact(List<Document> joined, dev.treaty.evaluator.settle.SettlementDiff money) {
    }

    private final dev.treaty.app.Workspace evaluation;
    private final Report.Request inputs;
    private final Optional<SettlementResult> settlement;
    private final List<Impact> impacts;
    private final Optional<SimulationResult> simulation;
    private final Optional<Tests> tests;
    private final StringBuilder html = new StringBuilder(256 * 1024);
    private final Map<String, String> explanations = new LinkedHashMap<>();   // id → rendered section

    /** The agreement's own tests (treaty test) run, and what they cover; or the errors that kept them from running. */
    record Tests(dev.treaty.app.testing.TestRunner.Run run, List<dev.treaty.app.testing.Coverage.Report> coverage, List<String> errors) {
    }

    ReportPage(dev.treaty.app.Workspace evaluation, Report.Request inputs, Optional<SettlementResult> settlement, List<Impact> impacts,
               Optional<SimulationResult> simulation, Optional<Tests> tests) {
        this.evaluation = evaluation;
        this.inputs = inputs;
        this.settlement = settlement;
        this.impacts = impacts;
        this.simulation = simulation;
        this.tests = tests;
    }

    String render() {
        ConsolidatedAgreement today = evaluation.versionOn(inputs.on());
        String title = evaluation.history().agreement().title();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>").append(Html.text(title)).append(" — Treaty report</title><style>").append(Charts.STYLE).append("</style></head><body>");
        html.append("<header id=\"top\"><h1>").append(Html.text(title)).append("</h1><p class=\"meta\">Treaty report on ").append(inputs.on())
                .append(" · agreement <code>").append(Html.text(evaluation.history().id())).append("</code> from <code>")
                .append(Html.text(String.valueOf(evaluation.history().agreement().path().toAbsolutePath().getParent().getFileName())))
                .append("</code>").append(evaluation.inputs().asKnown().equals(java.time.Instant.MAX) ? ""
                        : " · as known " + Html.text(evaluation.inputs().asKnown().toString()))
                .append("</p><nav>");
        for (String[] section : sections()) {
            html.append("<a href=\"#").append(section[0]).append("\">").append(section[1]).append("</a>");
        }
        html.append("</nav></header><main>");
        summary(today);
        timeline();
        if (settlement.isPresent()) {
            payments(settlement.get());
            impact();
        }
        releases();
        licences(today);
        holdings(today);
        simulation.ifPresent(this::simulation);
        tests.ifPresent(this::tests);
        html.append("<section id=\"explanations\"><h2>Explanations</h2><p class=\"note\">Each figure above links here: the clause and"
                + " version it comes from, the facts it used (file and line), the assumptions and the arithmetic.</p>");
        explanations.values().forEach(html::append);
        html.append("</section></main><footer>Made by Treaty from the agreement files and facts named above; figures marked"
                + " as assumptions are not in the public record.</footer></body></html>\n");
        return html.toString();
    }

    private List<String[]> sections() {
        List<String[]> sections = new ArrayList<>();
        sections.add(new String[]{"summary", "Summary"});
        sections.add(new String[]{"timeline", "Timeline"});
        if (settlement.isPresent()) {
            sections.add(new String[]{"payments", "Payments"});
            sections.add(new String[]{"impact", "Amendment impact"});
        }
        sections.add(new String[]{"releases", "Releases"});
        sections.add(new String[]{"licences", "Licences"});
        sections.add(new String[]{"holdings", "Stake & commitment"});
        if (simulation.isPresent()) sections.add(new String[]{"simulation", "Simulation"});
        if (tests.isPresent()) sections.add(new String[]{"tests", "Tests & coverage"});
        sections.add(new String[]{"explanations", "Explanations"});
        return sections;
    }

    /** Registers an explanation and returns the link to it. */
    private String why(String id, String heading, Explanation explanation) {
        String anchor = "why-" + Html.id(id);
        explanations.computeIfAbsent(anchor, a -> "<section class=\"why\" id=\"" + a + "\"><h4>" + Html.text(heading) + "</h4><pre>"
                + Html.text(ExplanationText.render(explanation)) + "</pre><a class=\"back\" href=\"#top\">back to top</a></section>");
        return "#" + anchor;
    }

    private static String money(Money money) {
        return Charts.money(money);
    }

    /** A figure: its text, exact value and key for checking, and a link to its explanation. */
    private String figure(String key, Money value, String href) {
        return "<a class=\"fig\" href=\"" + Html.attr(href) + "\" data-key=\"" + Html.attr(key) + "\" data-value=\""
                + value.amount().toPlainString() + "\">" + money(value) + "</a>";
    }

    private void summary(ConsolidatedAgreement today) {
        html.append("<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">");
        for (Party party : today.parties()) {
            html.append("<div class=\"card\"><b>").append(Html.text(party.shortName())).append("</b><br>").append(Html.text(party.fullName()))
                    .append("</div>");
        }
        html.append("</div><p>In force on <b>").append(inputs.on()).append("</b>: the version of ").append(today.inForce())
                .append(", as left by <code>").append(Html.text(today.latest().id())).append("</code> (")
                .append(Html.text(today.latest().title())).append(").</p>");
        html.append("<table><thead><tr><th>clause</th><th>term</th><th>what it says</th><th>status</th><th>from</th></tr></thead><tbody>");
        for (TermInForce term : today.terms()) {
            html.append("<tr><td>§").append(Html.text(term.clause().clause().id().toString())).append("</td><td>")
                    .append(Html.text(term.term().header().label())).append("</td><td>").append(Html.text(Wording.summary(term.term())))
                    .append("</td><td>").append(Html.text(Wording.status(term.term(), inputs.on()))).append("</td><td><code>")
                    .append(Html.text(term.provenance().documentId())).append("</code></td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    private void timeline() {
        List<ConsolidatedAgreement> versions = evaluation.agreement().versions();
        html.append("<section id=\"timeline\"><h2>Timeline</h2><p class=\"note\">Each version of the agreement, and each term across"
                + " them; the colour is the document that last set the term's words.</p>");
        html.append(Charts.timeline(versions, evaluation.history().agreement().effective(), inputs.through(), id -> "#version-" + Html.id(id)));
        html.append("<table><thead><tr><th>in force</th><th>document</th><th>kind</th><th>signed</th><th>effective</th></tr></thead><tbody>");
        ConsolidatedAgreement previous = null;
        for (ConsolidatedAgreement version : versions) {
            for (Document document : version.joinedSince(Optional.ofNullable(previous))) {
                html.append("<tr id=\"version-").append(Html.id(document.id())).append("\"><td>").append(version.inForce())
                        .append("</td><td><code>").append(Html.text(document.id())).append("</code> ").append(Html.text(document.title()))
                        .append("</td><td>").append(Html.text(document.kind().label())).append("</td><td>").append(document.signed())
                        .append("</td><td>").append(document.effective()).append(document.isRetroactive() ? " (retroactive)" : "").append("</td></tr>");
            }
            previous = version;
        }
        html.append("</tbody></table></section>");
    }

    private void payments(SettlementResult result) {
        html.append("<section id=\"payments\"><h2>Revenue-share payments</h2>");
        for (Statement statement : result.statements()) {
            String term = statement.term();
            Optional<Money> cap = Charts.cap(statement);
            html.append("<h3>").append(Html.text(term)).append(": ").append(Html.text(statement.payer())).append(" → ")
                    .append(Html.text(statement.payee())).append("</h3>");
            Optional<StatementLine> capLine = Charts.capReached(statement);
            html.append("<p>Total due ").append(figure("settle:" + term + ":totalDue", statement.totalDue(), "#lines-" + Html.id(term)))
                    .append(" on a base of ").append(figure("settle:" + term + ":totalBase", statement.totalBase(), "#lines-" + Html.id(term)))
                    .append(", ").append(statement.lines().size()).append(" statement lines.");
            if (cap.isPresent()) {
                html.append(" Cap: <b>").append(money(cap.get())).append("</b>. ");
                if (capLine.isPresent()) {
                    StatementLine line = capLine.get();
                    html.append("<span class=\"callout\">The cap is reached in ").append(line.period()).append(" (revenue through ")
                            .append(line.through()).append("); nothing is due after it.</span>");
                } else {
                    projection(statement, cap.get()).ifPresent(html::append);
                }
            }
            html.append("</p>");
            html.append(Charts.duePerPeriod(statement, line -> "#" + lineId(line)));
            html.append(Charts.againstCap(statement));
            html.append("<details id=\"lines-").append(Html.id(term)).append("\" open><summary>Statement lines</summary><div class=\"scroll\"><table class=\"num\"><thead><tr>")
                    .append("<th>period</th><th>from</th><th>through</th><th>version</th><th>base</th><th>rate</th><th>due</th><th>due date</th>")
                    .append("<th>cumulative</th><th>cap remaining</th></tr></thead><tbody>");
            for (StatementLine line : statement.lines()) {
                String key = "settle:" + term + ":" + line.from() + ":";
                String href = why("line-" + term + "-" + line.from(), term + " " + line.period() + " (" + line.from() + " to "
                        + line.through() + ")", line.why());
                html.append("<tr id=\"").append(lineId(line)).append("\"><td>").append(line.period()).append("</td><td>").append(line.from())
                        .append("</td><td>").append(line.through()).append("</td><td><code>").append(Html.text(line.documentId())).append(" §")
                        .append(Html.text(line.clauseId())).append("</code></td><td>").append(figure(key + "base", line.base(), href))
                        .append("</td><td>").append(Html.text(line.rate())).append("</td><td>").append(figure(key + "due", line.due(), href))
                        .append("</td><td>").append(line.dueDate()).append("</td><td>").append(figure(key + "cumulativeDue", line.cumulativeDue(), href))
                        .append("</td><td>").append(line.capRemaining().map(r -> figure(key + "capRemaining", r, href)).orElse(""))
                        .append("</td></tr>");
            }
            html.append("</tbody></table></div></details>");
        }
        if (!result.net().isEmpty()) {
            html.append("<h3>Net positions</h3><table class=\"num\"><thead><tr><th>period</th><th>who owes whom</th><th>owed</th></tr></thead><tbody>");
            for (SettlementResult.NetPosition net : result.net()) {
                html.append("<tr><td>").append(net.period()).append("</td><td>").append(Html.text(net.debtor())).append(" → ")
                        .append(Html.text(net.creditor())).append("</td><td>").append(money(net.owed())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section>");
    }

    private static String lineId(StatementLine line) {
        return "line-" + Html.id(line.term() + "-" + line.from());
    }

    /** Where the cap is not reached: when it would be at the run rate of the last four lines with revenue. */
    private static Optional<String> projection(Statement statement, Money cap) {
        List<StatementLine> paying = statement.lines().stream().filter(l -> l.due().amount().signum() > 0).toList();
        if (paying.isEmpty()) return Optional.empty();
        List<StatementLine> recent = paying.subList(Math.max(0, paying.size() - 4), paying.size());
        BigDecimal perLine = recent.stream().map(l -> l.due().amount()).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(recent.size()), 2, java.math.RoundingMode.HALF_EVEN);
        StatementLine last = statement.lines().get(statement.lines().size() - 1);
        BigDecimal left = cap.amount().subtract(last.cumulativeDue().amount());
        if (perLine.signum() <= 0 || left.signum() <= 0) return Optional.empty();
        long periods = left.divide(perLine, 0, java.math.RoundingMode.CEILING).longValue();
        long months = java.time.temporal.ChronoUnit.MONTHS.between(recent.get(0).from(), last.through().plusDays(1)) / Math.max(1, recent.size());
        LocalDate projected = last.through().plusMonths(Math.max(1, months) * periods);
        return Optional.of("<span class=\"callout\">Not reached on this revenue: " + money(Money.of(left, cap.currency()))
                + " left; at the run rate of the last " + recent.size() + " lines (" + money(Money.of(perLine, cap.currency()))
                + " each) it would be reached about " + projected + ".</span>");
    }

    private void impact() {
        html.append("<section id=\"impact\"><h2>Amendment impact</h2><p class=\"note\">The same revenue settled under the history"
                + " with each change and without it: periods before a change takes effect are unchanged (unless it is retroactive);"
                + " caps and tiers carry its effect forward.</p>");
        for (Impact impact : impacts) {
            Document document = impact.joined().get(impact.joined().size() - 1);
            html.append("<h3><code>").append(Html.text(document.id())).append("</code> ").append(Html.text(document.title()))
                    .append(" (effective ").append(document.effective()).append(document.isRetroactive() ? ", retroactive" : "").append(")</h3>");
            boolean any = !impact.money().isZero();
            if (!any) {
                html.append("<p>No change in money on this revenue.</p>");
                continue;
            }
            html.append("<table class=\"num\"><thead><tr><th>who pays whom</th><th>before</th><th>after</th><th>change</th></tr></thead><tbody>");
            impact.money().byParties().forEach((parties, row) -> html.append("<tr><td>").append(Html.text(parties)).append("</td><td>")
                    .append(money(row.before())).append("</td><td>").append(money(row.after())).append("</td><td class=\"")
                    .append(row.change().isNegative() ? "down" : "up").append("\">").append(money(row.change())).append("</td></tr>"));
            html.append("</tbody></table><details><summary>Per term and period</summary><table class=\"num\"><thead><tr><th>term and period</th>"
                    + "<th>before</th><th>after</th><th>change</th></tr></thead><tbody>");
            impact.money().byTermAndPeriod().forEach((key, row) -> {
                if (row.change().isZero()) return;
                html.append("<tr><td>").append(Html.text(key.term() + " " + key.period())).append("</td><td>").append(money(row.before()))
                        .append("</td><td>").append(money(row.after())).append("</td><td class=\"").append(row.change().isNegative() ? "down" : "up")
                        .append("\">").append(money(row.change())).append("</td></tr>");
            });
            html.append("</tbody></table></details>");
        }
        html.append("</section>");
    }

    private void releases() {
        ConsolidatedAgreement version = evaluation.versionOn(inputs.on());
        dev.treaty.app.Decisions.ReleaseAxes axes = dev.treaty.app.Decisions.releaseAxes(evaluation, Optional.empty());
        Set<String> products = new LinkedHashSet<>(inputs.products().isEmpty() ? axes.products() : inputs.products());
        Set<String> clouds = new LinkedHashSet<>(inputs.clouds().isEmpty() ? axes.clouds() : inputs.clouds());
        html.append("<section id=\"releases\"><h2>Release matrix on ").append(inputs.on()).append("</h2>");
        if (products.isEmpty()) {
            html.append("<p>No products in the facts; pass --products or --events with product facts.</p></section>");
            return;
        }
        html.append("<table class=\"matrix\"><thead><tr><th>product</th>");
        clouds.forEach(c -> html.append("<th>").append(Html.text(c)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (String product : products) {
            html.append("<tr><th>").append(Html.text(product)).append("</th>");
            if (evaluation.facts().product(product, inputs.on()).isEmpty()) {
                html.append("<td class=\"none\" colspan=\"").append(clouds.size()).append("\">no product event names it on or before ")
                        .append(inputs.on()).append("</td></tr>");
                continue;
            }
            for (String cloud : clouds) {
                Decision decision = ReleaseGate.decide(evaluation.agreement(), evaluation.facts(),
                        new ReleaseGate.Question(product, cloud, Optional.empty(), inputs.on()));
                String href = why("gate-" + product + "-" + cloud, "May " + product + " ship on " + cloud + " on " + inputs.on() + "?", decision.why());
                html.append("<td class=\"").append(decision.yes() ? "yes" : "no").append("\" data-gate=\"").append(Html.attr(product + "/" + cloud))
                        .append("\"><a href=\"").append(href).append("\" title=\"").append(Html.attr(decision.verdict())).append("\">")
                        .append(decision.yes() ? "allowed" : "denied").append("</a></td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table></section>");
    }

    private void licences(ConsolidatedAgreement today) {
        html.append("<section id=\"licences\"><h2>Licences on ").append(inputs.on()).append("</h2>");
        List<TermInForce> licences = today.terms().stream().filter(t -> t.term() instanceof Licence).toList();
        if (licences.isEmpty()) {
            html.append("<p>No licence is in force.</p></section>");
            return;
        }
        html.append("<table><thead><tr><th>clause</th><th>licensor → licensee</th><th>class</th><th>exclusive</th><th>until</th><th>answer</th></tr></thead><tbody>");
        for (TermInForce term : licences) {
            Licence licence = (Licence) term.term();
            for (String ipClass : licence.covers()) {
                Decision decision = LicenceCheck.decide(evaluation.agreement(), evaluation.facts(), new LicenceCheck.Question(licence.licensee(), ipClass,
                        Optional.empty(), inputs.on()));
                String href = why("licence-" + licence.licensee() + "-" + ipClass, "May " + licence.licensee() + " use " + ipClass + " on "
                        + inputs.on() + "?", decision.why());
                html.append("<tr><td>§").append(Html.text(term.clause().clause().id().toString())).append("</td><td>")
                        .append(Html.text(licence.licensor())).append(" → ").append(Html.text(licence.licensee())).append("</td><td>")
                        .append(Html.text(ipClass)).append("</td><td>").append(licence.exclusive() ? "yes" : "no").append("</td><td>")
                        .append(Html.text(Wording.status(licence, inputs.on()))).append("</td><td class=\"").append(decision.yes() ? "yes" : "no")
                        .append("\"><a href=\"").append(href).append("\">").append(Html.text(decision.verdict())).append("</a></td></tr>");
            }
        }
        html.append("</tbody></table></section>");
    }

    private void holdings(ConsolidatedAgreement today) {
        html.append("<section id=\"holdings\"><h2>Stake and purchase commitment on ").append(inputs.on()).append("</h2>");
        boolean any = false;
        for (TermInForce term : today.terms()) {
            if (!(term.term() instanceof Stake stake)) continue;
            any = true;
            Optional<Holdings.StakePosition> position = Holdings.stake(today, evaluation.facts(), stake.holder(), inputs.on());
            position.ifPresent(p -> html.append("<p>").append(Html.text(p.holder())).append(" holds <a class=\"fig\" href=\"")
                    .append(why("stake-" + p.holder(), p.holder() + "'s stake in " + p.issuer(), p.why())).append("\">")
                    .append(Html.text(p.percentage().toString())).append("</a> of ").append(Html.text(p.issuer()))
                    .append(p.value().map(v -> ", worth <b>" + money(v) + "</b>").orElse("")).append(".</p>"));
        }
        for (TermInForce term : today.terms()) {
            if (!(term.term() instanceof PurchaseCommitment commitment)) continue;
            any = true;
            List<Holdings.CommitmentPosition> now = Holdings.commitments(today, evaluation.facts(), inputs.on()).stream()
                    .filter(p -> p.purchaser().equals(commitment.purchaser()) && p.provider().equals(commitment.provider())).toList();
            for (Holdings.CommitmentPosition p : now) {
                String href = why("commitment-" + p.purchaser() + "-" + p.provider(), p.purchaser() + "'s commitment to " + p.provider(), p.why());
                html.append("<p>").append(Html.text(p.purchaser())).append(" → ").append(Html.text(p.provider())).append(": committed <b>")
                        .append(money(p.committed())).append("</b>, drawn <a class=\"fig\" href=\"").append(href).append("\">").append(money(p.drawn()))
                        .append("</a>, remaining ").append(money(p.remaining()))
                        .append(p.windowEnd().map(end -> ", " + p.daysLeft() + " days left (to " + end + ")").orElse(""))
                        .append(p.projectedShortfall().map(s -> "; projected shortfall at the run rate so far: " + money(s)).orElse(""))
                        .append(".</p>");
                List<Svg.Point> drawn = new ArrayList<>();
                for (Fact.Spend spend : evaluation.facts().of(Fact.Spend.class)) {
                    if (!spend.purchaser().equals(p.purchaser()) || !spend.provider().equals(p.provider())) continue;
                    BigDecimal before = drawn.isEmpty() ? BigDecimal.ZERO : drawn.get(drawn.size() - 1).value();
                    drawn.add(new Svg.Point(spend.meta().on(), before.add(spend.amount().amount())));
                }
                if (!drawn.isEmpty()) {
                    p.windowEnd().ifPresent(end -> drawn.add(new Svg.Point(end, drawn.get(drawn.size() - 1).value())));
                    html.append(Svg.lines(List.of(drawn), List.of("drawn"), Optional.of(p.committed().amount()),
                            "committed " + money(p.committed()), Optional.of(inputs.on()), inputs.on().toString(),
                            "Drawdown of the commitment: " + p.purchaser() + " → " + p.provider()));
                }
            }
        }
        if (!any) html.append("<p>No stake or purchase commitment is in force.</p>");
        html.append("</section>");
    }

    private void tests(Tests tests) {
        html.append("<section id=\"tests\"><h2>Tests and coverage</h2>");
        if (!tests.errors().isEmpty()) {
            html.append("<p class=\"callout\">The agreement's tests could not be read; <code>treaty test</code> lists the errors:</p><ul>");
            tests.errors().stream().limit(20).forEach(e -> html.append("<li><code>").append(Html.text(e)).append("</code></li>"));
            html.append("</ul></section>");
            return;
        }
        var run = tests.run();
        html.append("<p>").append(run.results().size()).append(" tests with ").append(run.expectations()).append(" expected answers, written beside the"
                + " clauses (<code>treaty test</code>): ").append(run.passed() ? "all pass." : "<span class=\"down\">" + run.failed() + " fail.</span>")
                .append("</p>");
        if (!run.passed()) {
            html.append("<ul>");
            run.results().stream().filter(r -> !r.passed()).forEach(r -> html.append("<li>").append(Html.text(r.test().name())).append(" <code>")
                    .append(Html.text(r.test().at())).append("</code></li>"));
            html.append("</ul>");
        }
        for (var report : tests.coverage()) {
            html.append("<h3>Coverage: ").append(report.covered()).append(" of ").append(report.units().size())
                    .append(" terms exercised with all their branches</h3><table><thead><tr><th>document</th><th>clause</th><th>term</th>"
                            + "<th>exercised</th><th>branches</th></tr></thead><tbody>");
            for (var unit : report.units()) {
                html.append("<tr><td><code>").append(Html.text(unit.document())).append("</code></td><td>§").append(Html.text(unit.clause()))
                        .append("</td><td>").append(Html.text(unit.kind() + " " + unit.term())).append("</td><td class=\"")
                        .append(unit.covered() ? "yes\">yes" : "no\">no").append("</td><td>");
                unit.branches().forEach(b -> html.append(b.covered() ? "✓ " : "✗ ").append(Html.text(b.name())).append("<br>"));
                html.append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section>");
    }

    private void simulation(SimulationResult result) {
        var scenario = result.scenario();
        html.append("<section id=\"simulation\"><h2>Simulation: ").append(Html.text(scenario.name())).append("</h2><p class=\"note\">")
                .append(String.format("%,d", result.runs())).append(" revenue paths of ").append(Html.text(scenario.party())).append(" from ")
                .append(scenario.start()).append(" to ").append(scenario.through()).append(", settled by the same code as the statements;")
                .append(" payments from ").append(scenario.start()).append(", present values at ")
                .append(scenario.discountRate().movePointRight(2).stripTrailingZeros().toPlainString()).append("% a year to ")
                .append(scenario.valuationDate()).append(".</p>");
        for (SimulationResult.ScheduleResult schedule : result.schedules()) {
            for (SimulationResult.TermResult term : schedule.terms()) {
                html.append("<h3>").append(Html.text(term.term())).append(" under ").append(Html.text(schedule.label())).append("</h3>");
                html.append("<div class=\"scroll\"><table class=\"num\"><thead><tr><th></th><th>mean</th>");
                SimulationResult.PERCENTILES.forEach(p -> html.append("<th>p").append(p).append("</th>"));
                html.append("</tr></thead><tbody><tr><td>total due</td><td>").append(money(term.mean())).append("</td>");
                SimulationResult.PERCENTILES.forEach(p -> html.append("<td>").append(money(term.total(p))).append("</td>"));
                html.append("</tr><tr><td>present value</td><td>").append(money(term.meanPresentValue())).append("</td>");
                SimulationResult.PERCENTILES.forEach(p -> html.append("<td>").append(money(term.presentValue(p))).append("</td>"));
                html.append("</tr></tbody></table></div>");
                long[] counts = term.histogram(20);
                List<Svg.Bar> bars = new ArrayList<>();
                BigDecimal width = term.highest().subtract(term.lowest()).divide(BigDecimal.valueOf(counts.length), 2, java.math.RoundingMode.CEILING);
                for (int i = 0; i < counts.length; i++) {
                    BigDecimal from = term.lowest().add(width.multiply(BigDecimal.valueOf(i)));
                    bars.add(new Svg.Bar(Svg.compact(from.doubleValue()), BigDecimal.valueOf(counts[i]), counts[i] + " runs from "
                            + money(Money.of(from, term.currency())), "#simulation"));
                }
                html.append(Svg.bars(bars, Optional.empty(), "", "Runs by total due: " + term.term()));
                if (term.capDates().isEmpty()) {
                    html.append("<p>The total cap is reached in no run.</p>");
                } else {
                    html.append("<p>The total cap is reached in <b>").append(term.capProbability().movePointRight(2).stripTrailingZeros().toPlainString())
                            .append("%</b> of runs: p5 ").append(term.capDate(5).orElseThrow()).append(", median ")
                            .append(term.capDate(50).orElseThrow()).append(", p95 ").append(term.capDate(95).orElseThrow()).append(".</p>");
                    List<Svg.Bar> years = new ArrayList<>();
                    term.capByYear().forEach((year, count) -> years.add(new Svg.Bar(year.toString(), BigDecimal.valueOf(count),
                            count + " runs reach the cap in " + year, "#simulation")));
                    html.append(Svg.bars(years, Optional.empty(), "", "Runs reaching the cap, by year: " + term.term()));
                }
            }
        }
        html.append("</section>");
    }
}
