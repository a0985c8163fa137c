package dev.treaty.report;

import dev.treaty.evaluator.settle.SettlementDiff;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.Document;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;
import dev.treaty.model.value.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The charts the report and the web pages share (inline SVG, styled by {@link #STYLE}), so a figure
 * looks the same wherever it is shown. Links in a chart go where the caller says.
 */
public final class Charts {

    /** The stylesheet of the report and the web pages: layout, tables, figures and the charts' classes. */
    public static final String STYLE = """
            :root{--ink:#1d2430;--muted:#5b6575;--line:#d8dde5;--accent:#2f6db5;--yes:#e3f3e7;--no:#f8e1df}
            *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f6f7f9}
            header{background:#fff;border-bottom:1px solid var(--line);padding:18px 32px 8px}
            h1{margin:0 0 4px;font-size:22px}h2{margin:0 0 12px;font-size:18px}h3{font-size:15px;margin:18px 0 6px}
            .meta,.note{color:var(--muted)}nav a{margin-right:14px;color:var(--accent);text-decoration:none;font-weight:500}
            main{max-width:1100px;margin:0 auto;padding:16px 32px}section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:18px 22px;margin:16px 0}
            table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
            table.num td{font-variant-numeric:tabular-nums;white-space:nowrap;font-size:12px}.scroll{overflow-x:auto}
            thead th{background:#f0f2f5;font-weight:600}
            .cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:200px}
            a.fig{color:var(--ink);text-decoration:none;border-bottom:1px dotted var(--accent)}a.fig:hover{color:var(--accent)}
            .matrix td{text-align:center}td.yes{background:var(--yes)}td.no{background:var(--no)}td.yes a,td.no a{color:var(--ink)}
            .down{color:#b8443e}.up{color:#2d7a48}.callout{background:#fff6df;padding:2px 6px;border-radius:4px}
            svg{width:100%;height:auto;margin:6px 0;font-size:11px}svg .bar{fill:var(--accent)}svg .bar:hover{fill:#d9822b}
            svg .bar.neg{fill:#b8443e}svg .bar.pos{fill:#2d7a48}
            svg .axis{stroke:#888}svg .grid{stroke:#eceff3}svg .tick{fill:var(--muted)}svg .cap{stroke:#b8443e;stroke-dasharray:6 4;stroke-width:1.5}
            svg .cap-label,svg .marker-label{fill:#b8443e}svg .marker{stroke:#b8443e;stroke-width:1}svg .series{fill:none;stroke-width:2}
            svg .row-label{fill:var(--ink)}svg .span{opacity:.85}svg .span-label{fill:#fff;font-size:10px}
            .why{border:none;border-top:1px solid var(--line);border-radius:0;padding:8px 0;margin:0}.why h4{margin:6px 0}
            .why pre{white-space:pre-wrap;background:#f6f7f9;padding:8px;border-radius:4px;font-size:12px}.why:target{background:#fff6df}
            .back{font-size:12px}footer{color:var(--muted);text-align:center;padding:16px}
            @media print{nav,.back{display:none}section{break-inside:avoid-page;border:none}details{display:block}
            details>summary{display:none}body{background:#fff}}
            """;

    private Charts() {
    }

    /**
     * The versions of an agreement, and each term across them, coloured by the document that last
     * set the term's words; {@code href} gives the link of a document id.
     */
    public static String timeline(List<ConsolidatedAgreement> versions, LocalDate effective, Optional<LocalDate> through,
                                  Function<String, String> href) {
        LocalDate first = versions.get(0).inForce().from().orElse(effective);
        LocalDate lastStart = versions.get(versions.size() - 1).inForce().from().orElse(first);
        LocalDate last = LocalDate.of(Math.max(lastStart.getYear() + 2, through.map(LocalDate::getYear).orElse(0) + 1), 1, 1);
        Map<String, Integer> colours = new LinkedHashMap<>();
        List<Svg.Row> rows = new ArrayList<>();
        List<Svg.Span> versionSpans = new ArrayList<>();
        Map<String, List<Svg.Span>> clauseSpans = new LinkedHashMap<>();
        for (ConsolidatedAgreement version : versions) {
            Document document = version.latest();
            int colour = colours.computeIfAbsent(document.id(), id -> colours.size());
            LocalDate from = version.inForce().from().orElse(first);
            LocalDate until = version.inForce().through().orElse(null);
            versionSpans.add(new Svg.Span(from, until, colour, document.id(), document.describe() + ": in force " + version.inForce(),
                    href.apply(document.id())));
            for (TermInForce term : version.terms()) {
                String name = term.term().header().label();
                String changedBy = term.provenance().documentId();
                int termColour = colours.computeIfAbsent(changedBy, id -> colours.size());
                List<Svg.Span> spans = clauseSpans.computeIfAbsent(name, n -> new ArrayList<>());
                Svg.Span lastSpan = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                if (lastSpan != null && lastSpan.label().equals(changedBy) && lastSpan.through() != null && lastSpan.through().plusDays(1).equals(from)) {
                    spans.set(spans.size() - 1, new Svg.Span(lastSpan.from(), until, termColour, changedBy,
                            name + ": as " + changedBy + " states it, from " + lastSpan.from() + (until == null ? "" : " through " + until),
                            href.apply(changedBy)));
                } else {
                    spans.add(new Svg.Span(from, until, termColour, changedBy, name + ": as " + changedBy + " states it, from " + from
                            + (until == null ? "" : " through " + until), href.apply(changedBy)));
                }
            }
        }
        rows.add(new Svg.Row("versions", versionSpans));
        clauseSpans.forEach((name, spans) -> rows.add(new Svg.Row(name.length() > Svg.LABEL_CHARS_MAX
                ? name.substring(0, Svg.LABEL_CHARS_MAX - 1) + "…" : name, spans)));
        return Svg.timeline(rows, first, last, "Versions and clauses over time");
    }

    /** The cap of a statement's term, where it has one. */
    public static Optional<Money> cap(Statement statement) {
        return statement.lines().stream().flatMap(l -> l.capRemaining().stream().map(r -> r.plus(l.cumulativeDue()))).findFirst();
    }

    /** The first line at which the cap is used up, if any. */
    public static Optional<StatementLine> capReached(Statement statement) {
        return statement.lines().stream().filter(l -> l.capRemaining().map(Money::isZero).orElse(false)).findFirst();
    }

    /** What is due per period; a bar links to {@code href} of the period's first line. */
    public static String duePerPeriod(Statement statement, Function<StatementLine, String> href) {
        List<Svg.Bar> bars = new ArrayList<>();
        Map<String, Money> byPeriod = new LinkedHashMap<>();
        Map<String, StatementLine> firstLineOfPeriod = new LinkedHashMap<>();
        for (StatementLine line : statement.lines()) {
            byPeriod.merge(line.period(), line.due(), Money::plus);
            firstLineOfPeriod.putIfAbsent(line.period(), line);
        }
        byPeriod.forEach((period, due) -> bars.add(new Svg.Bar(period, due.amount(), period + ": " + money(due) + " due",
                href.apply(firstLineOfPeriod.get(period)))));
        return Svg.bars(bars, Optional.empty(), "", "Due per period: " + statement.term());
    }

    /** Cumulative payments against the cap, marking the period it is reached. */
    public static String againstCap(Statement statement) {
        Optional<Money> cap = cap(statement);
        Optional<StatementLine> capLine = capReached(statement);
        List<Svg.Point> cumulative = new ArrayList<>();
        for (StatementLine line : statement.lines()) cumulative.add(new Svg.Point(line.through(), line.cumulativeDue().amount()));
        return Svg.lines(List.of(cumulative), List.of("cumulative due"), cap.map(Money::amount),
                cap.map(c -> "cap " + money(c)).orElse(""), capLine.map(StatementLine::through),
                capLine.map(l -> "cap reached " + l.period()).orElse(""), "Cumulative payments against the cap: " + statement.term());
    }

    /** What a change is worth per period (every term summed): bars up for more paid, down for less. */
    public static String changePerPeriod(SettlementDiff diff, String caption) {
        Map<String, BigDecimal> byPeriod = new TreeMap<>();
        diff.byTermAndPeriod().forEach((key, row) -> byPeriod.merge(key.period(), row.change().amount(), BigDecimal::add));
        List<Svg.Bar> bars = new ArrayList<>();
        byPeriod.forEach((period, change) -> bars.add(new Svg.Bar(period, change, period + ": " + change.toPlainString(), "#change-" + Html.id(period))));
        return Svg.diverging(bars, caption);
    }

    public static String money(Money money) {
        return money.currency().getCurrencyCode() + " " + Wording.amount(money);
    }
}
