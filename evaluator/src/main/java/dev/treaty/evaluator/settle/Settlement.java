package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.model.Assumption;
import dev.treaty.model.term.PaymentTerms;
import dev.treaty.model.term.RateSchedule;
import dev.treaty.model.term.RevenueShare;
import dev.treaty.model.term.Rounding;
import dev.treaty.model.value.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns a fed {@link SettlementPlan} into statements. Pure: the same plan gives the same statements. */
public final class Settlement {

    private Settlement() {
    }

    /**
     * Computes every statement. Lines before {@code reportFrom} are computed (they count toward
     * caps, tiers and recoupment) but left out of the statements.
     */
    public static SettlementResult compute(SettlementPlan plan, Map<String, Assumption> assumptions, Optional<LocalDate> reportFrom) {
        List<Statement> statements = new ArrayList<>();
        for (SettlementPlan.TermPlan term : plan.terms) {
            if (term.pieces.isEmpty()) continue;
            statements.add(statement(term, plan.facts, assumptions, reportFrom));
        }
        statements.addAll(Penalties.statements(plan, assumptions, reportFrom));
        statements.addAll(InstalmentSales.statements(plan, assumptions, reportFrom));
        return new SettlementResult(List.copyOf(statements), net(statements), plan.lines(), plan.ignored());
    }

    /** The (fiscal) year a period starting on {@code day} belongs to: the year of the term's accounting periods. */
    private static String yearOf(RevenueShare share, LocalDate day) {
        return AccountingPeriods.of(new dev.treaty.model.term.AccountingPeriod(dev.treaty.model.term.AccountingPeriod.Unit.YEAR,
                share.period().fiscalYearStart()), day).label();
    }

    /** What a cap leaves room for after {@code counted}: never less than nothing. */
    private static Money room(Money cap, Money counted, Money zero) {
        Money room = cap.minus(counted);
        return room.isNegative() ? zero : room;
    }

    /** How much of {@code payable} is over {@code room}: the cut a cap makes. */
    private static Money over(Money payable, Money room, Money zero) {
        return payable.compareTo(room) > 0 ? payable.minus(room) : zero;
    }

    /** Whether {@code period} is the last of its (fiscal or contract) year: the year is complete with it. */
    private static boolean yearEnds(RevenueShare share, RevenueShare.YearMinimum minimum, LocalDate termStart, AccountingPeriods.Period period) {
        LocalDate next = period.end().plusDays(1);
        return minimum.contractYear() ? !contractYearOf(termStart, next).equals(contractYearOf(termStart, period.start()))
                : !yearOf(share, next).equals(yearOf(share, period.start()));
    }

    /** The number of the contract year a period starting on {@code day} belongs to: 1 from the term's first day. */
    private static long contractYearNumber(LocalDate termStart, LocalDate day) {
        return Math.max(0, java.time.temporal.ChronoUnit.YEARS.between(termStart, day)) + 1;
    }

    /** The contract year a period starting on {@code day} belongs to: "contract year 1" from the term's first day. */
    private static String contractYearOf(LocalDate termStart, LocalDate day) {
        // a first period that starts before the term does (a quarter begun before signature) counts 0 whole years: year 1
        return "contract year " + (java.time.temporal.ChronoUnit.YEARS.between(termStart, day) + 1);
    }

    /** The base of the whole period the piece at {@code index} is in (the pieces of a period are adjacent). */
    private static BigDecimal periodVolume(SettlementPlan.TermPlan plan, int index) {
        SettlementPlan.Piece piece = plan.pieces.get(index);
        BigDecimal volume = BigDecimal.ZERO;
        for (SettlementPlan.Piece other : plan.pieces) {
            if (other.period.equals(piece.period)) volume = volume.add(other.base.value());
        }
        return volume;
    }

    private static Statement statement(SettlementPlan.TermPlan plan, dev.treaty.evaluator.facts.Facts facts, Map<String, Assumption> assumptions,
                                       Optional<LocalDate> reportFrom) {
        RevenueShare first = plan.pieces.get(0).share;
        Currency currency = first.currency();
        Money zero = Money.zero(currency).rounded(first.rounding().scale(), first.rounding().mode());
        BigDecimal cumulativeBase = BigDecimal.ZERO;
        Money cumulativeDue = zero;
        Money advanceLeft = null;
        String periodKey = null;
        BigDecimal periodBase = BigDecimal.ZERO;
        Money periodDue = zero;
        String yearKey = null;                            // the (fiscal) year of the accounting periods, for tiers, bands and caps per year
        BigDecimal yearBase = BigDecimal.ZERO;
        Money yearDue = zero;
        String contractYearKey = null;                    // the year since the term began, for tiers and bands per contract year
        BigDecimal contractYearBase = BigDecimal.ZERO;
        Money contractYearDue = zero;
        LocalDate termStart = plan.pieces.get(0).from;
        List<DueRecord> dues = new ArrayList<>();         // for caps counting payments since a date
        List<PeriodDue> periodDues = new ArrayList<>();   // for rolling caps: what is due for periods ending when
        List<StatementLine> lines = new ArrayList<>();
        Money totalBase = zero;
        Money totalGross = zero;
        Money totalDue = zero;

        for (int i = 0; i < plan.pieces.size(); i++) {
            SettlementPlan.Piece piece = plan.pieces.get(i);
            RevenueShare share = piece.share;
            Rounding rounding = share.rounding();
            Money localZero = Money.zero(share.currency()).rounded(rounding.scale(), rounding.mode());
            String key = piece.period.label() + "@" + piece.period.start();
            if (!key.equals(periodKey)) {
                periodKey = key;
                periodBase = BigDecimal.ZERO;
                periodDue = localZero;
            }
            // a period belongs to the year its first day is in: resets never split a period
            String year = yearOf(share, piece.period.start());
            if (!year.equals(yearKey)) {
                yearKey = year;
                yearBase = BigDecimal.ZERO;
                yearDue = localZero;
            }
            String contractYear = contractYearOf(termStart, piece.period.start());
            if (!contractYear.equals(contractYearKey)) {
                contractYearKey = contractYear;
                contractYearBase = BigDecimal.ZERO;
                contractYearDue = localZero;
            }
            BigDecimal base = piece.base.value();
            List<Explanation> steps = new ArrayList<>();
            long contractYearNo = contractYearNumber(termStart, piece.period.start());
            Optional<Money> periodMinimum = share.minimum().map(m -> share.escalated(m, contractYearNo));
            Optional<Money> periodCap = share.periodCap().map(m -> share.escalated(m, contractYearNo));
            Optional<Money> yearCap = share.yearCap().map(m -> share.escalated(m, contractYearNo));
            if (share.escalation().isPresent() && contractYearNo > 1 && (periodMinimum.isPresent() || periodCap.isPresent() || yearCap.isPresent()
                    || share.yearMinimum().isPresent())) {
                steps.add(Explanation.of("escalation " + share.escalation().get() + " per contract year: " + piece.period.label() + " is in contract year "
                        + contractYearNo + ", so the amounts stated stand × (1 + " + share.escalation().get() + ")^" + (contractYearNo - 1)
                        + ", rounded " + share.rounding()));
            }
            steps.add(baseStep(piece, base, share));

            // Gross share.
            BigDecimal exact;
            String rateText;
            switch (share.rate()) {
                case RateSchedule.Flat flat -> {
                    exact = base.multiply(flat.rate().fraction());
                    rateText = flat.rate().toString();
                }
                case RateSchedule.Tiered tiered -> {
                    BigDecimal before = switch (tiered.basis()) {
                        case CUMULATIVE -> cumulativeBase;
                        case PER_PERIOD -> periodBase;
                        case PER_YEAR -> yearBase;
                        case PER_CONTRACT_YEAR -> contractYearBase;
                    };
                    Tiers.Share tiersShare = Tiers.marginal(tiered, before, base, share.currency());
                    exact = tiersShare.amount();
                    rateText = tiersShare.description();
                }
                case RateSchedule.Banded banded -> {
                    // the whole period's volume (or the term's, through the period) picks one band for all of it
                    BigDecimal volume = periodVolume(plan, i);
                    // the counted base before this period (its own earlier pieces excluded: they are in the period's volume)
                    volume = volume.add(switch (banded.basis()) {
                        case CUMULATIVE -> cumulativeBase.subtract(periodBase);
                        case PER_PERIOD -> BigDecimal.ZERO;
                        case PER_YEAR -> yearBase.subtract(periodBase);
                        case PER_CONTRACT_YEAR -> contractYearBase.subtract(periodBase);
                    });
                    BigDecimal measured = volume;
                    RateSchedule.Band band = banded.bandOf(volume).orElseThrow(() -> new SettlementException(share.header().label() + " (clause "
                            + piece.term.clause().clause().id() + "): a volume of "
                            + Money.of(measured.stripTrailingZeros(), share.currency()) + " in " + piece.period.label()
                            + " falls in no band of its table " + banded));
                    exact = base.multiply(band.rate().fraction());
                    rateText = band.rate() + " (band " + band + ", for a " + switch (banded.basis()) {
                        case CUMULATIVE -> "cumulative";
                        case PER_PERIOD -> piece.period.label();
                        case PER_YEAR -> year + " to date";
                        case PER_CONTRACT_YEAR -> contractYear + " to date";
                    } + " volume of " + Money.of(volume.stripTrailingZeros(), share.currency()) + ")";
                }
                case RateSchedule.Computed computed -> {
                    boolean lastPiece = i + 1 == plan.pieces.size() || !plan.pieces.get(i + 1).period.equals(piece.period);
                    if (!lastPiece) {
                        // a formula is worked once per period, on the whole period's facts, with its last piece
                        exact = BigDecimal.ZERO;
                        rateText = "0 (" + piece.period.label() + " is computed with its last piece)";
                    } else {
                        BigDecimal revenue = periodVolume(plan, i);
                        List<String> used = new ArrayList<>();
                        List<Explanation> measuredSteps = new ArrayList<>();
                        dev.treaty.model.value.Quantity value;
                        try {
                            value = computed.formula().evaluate(f -> switch (f) {
                                case dev.treaty.model.term.Formula.Revenue r -> {
                                    used.add("revenue = " + Money.of(revenue.stripTrailingZeros(), share.currency()));
                                    yield new dev.treaty.model.value.Quantity.OfMoney(Money.of(revenue, share.currency()));
                                }
                                case dev.treaty.model.term.Formula.Measured measured -> {
                                    var m = measurementOf(measured.metric(), piece, facts).orElseThrow(() -> new SettlementException(
                                            share.header().label() + " (clause " + piece.term.clause().clause().id() + ") computes with measured "
                                                    + measured.metric() + ", but no measurement of it covers " + piece.period.label() + " ("
                                                    + piece.period.start() + " to " + piece.period.end() + ")"));
                                    used.add("measured " + measured.metric() + " = " + m.value().stripTrailingZeros().toPlainString());
                                    measuredSteps.add(Explanation.of(measured.metric() + " in " + piece.period.label() + ": " + m.valueText()
                                            + " measured by " + m.by()).cite(Explanation.Reference.fact(m)));
                                    yield new dev.treaty.model.value.Quantity.OfNumber(m.value());
                                }
                                default -> throw new IllegalStateException("not a fact: " + f);
                            });
                        } catch (dev.treaty.model.term.Formula.Impossible e) {
                            throw new SettlementException(share.header().label() + " (clause " + piece.term.clause().clause().id() + ") in "
                                    + piece.period.label() + ": " + e.getMessage());
                        }
                        exact = ((dev.treaty.model.value.Quantity.OfMoney) value).money().amount();
                        rateText = computed.formula() + " with " + String.join(", ", used);
                        steps.addAll(measuredSteps);
                    }
                }
                case RateSchedule.UnitPrice unitPrice -> {
                    boolean lastPiece = i + 1 == plan.pieces.size() || !plan.pieces.get(i + 1).period.equals(piece.period);
                    if (!lastPiece) {
                        // a period's quantity is priced once, with its last piece: a split period does not count it twice
                        exact = BigDecimal.ZERO;
                        rateText = "0 (the quantity of " + piece.period.label() + " is priced with its last piece)";
                    } else {
                        Optional<dev.treaty.evaluator.facts.Fact.Measurement> measurement = measurementOf(unitPrice.metric(), piece, facts);
                        if (measurement.isEmpty()) {
                            exact = BigDecimal.ZERO;
                            rateText = unitPrice.price() + " per " + unitPrice.unit() + " × 0 (no " + unitPrice.metric() + " measured)";
                            steps.add(Explanation.of("no measurement of " + unitPrice.metric() + " covers " + piece.period.label()
                                    + ": no quantity, nothing is owed"));
                        } else {
                            var m = measurement.get();
                            if (m.percent() || m.unit().isEmpty()) {
                                throw new SettlementException(share.header().label() + " (clause " + piece.term.clause().clause().id() + ") prices "
                                        + unitPrice.metric() + " per " + unitPrice.unit() + ", but " + m.meta() + " measures " + m.valueText()
                                        + ", not a quantity in a unit");
                            }
                            String unit = m.unit().get();
                            BigDecimal factor = piece.units.factor(unit, unitPrice.unit()).orElseThrow(() -> new SettlementException(
                                    share.header().label() + " (clause " + piece.term.clause().clause().id() + ") prices per " + unitPrice.unit()
                                            + ", but " + m.meta() + " is measured in " + unit + ", and no conversion between them is declared"
                                            + (piece.units.names().isEmpty() ? "" : " (units: " + String.join(", ", piece.units.names()) + ")")));
                            BigDecimal quantity = m.value().multiply(factor);
                            exact = quantity.multiply(unitPrice.price().amount());
                            String quantityText = quantity.stripTrailingZeros().toPlainString() + " " + unitPrice.unit();
                            rateText = unitPrice.price() + " per " + unitPrice.unit() + " × " + quantityText;
                            steps.add(Explanation.of(unitPrice.metric() + " in " + piece.period.label() + ": " + m.valueText() + " measured by " + m.by()
                                    + (factor.compareTo(BigDecimal.ONE) == 0 ? "" : ", that is " + quantityText + " (1 " + unit + " = "
                                    + factor.stripTrailingZeros().toPlainString() + " " + unitPrice.unit() + ", as declared)"))
                                    .cite(Explanation.Reference.fact(m)));
                        }
                    }
                }
                case RateSchedule.Measured measured -> {
                    Optional<dev.treaty.evaluator.facts.Fact.Measurement> measurement = measurementOf(measured.metric(), piece, facts);
                    if (measurement.isEmpty()) {
                        exact = BigDecimal.ZERO;
                        rateText = "0% (no " + measured.metric() + " measured)";
                        steps.add(Explanation.of("no measurement of " + measured.metric() + " covers " + piece.period.label() + " ("
                                + piece.period.start() + " to " + piece.period.end() + "): no level is reached, nothing is owed"));
                    } else {
                        var m = measurement.get();
                        if (m.percent() != measured.percent()) {
                            throw new SettlementException(share.header().label() + " (clause " + piece.term.clause().clause().id() + "): "
                                    + measured.metric() + " is measured as " + m.valueText() + " (" + m.meta() + ") but its levels are "
                                    + (measured.percent() ? "percentages" : "numbers"));
                        }
                        RateSchedule.Level level = measured.levelOf(m.value()).orElseThrow(() -> new SettlementException(share.header().label()
                                + " (clause " + piece.term.clause().clause().id() + "): " + measured.metric() + " of " + m.valueText() + " in "
                                + piece.period.label() + " (" + m.meta() + ") falls in no level of its table " + measured));
                        exact = base.multiply(level.rate().fraction());
                        rateText = level.rate() + " (" + measured.metric() + " " + m.valueText() + ")";
                        steps.add(Explanation.of(measured.metric() + " in " + piece.period.label() + ": " + m.valueText() + " measured by " + m.by()
                                + ", in the level " + level).cite(Explanation.Reference.fact(m)));
                    }
                }
            }
            Money gross = Money.of(exact, share.currency()).rounded(rounding.scale(), rounding.mode());
            boolean ofBase = !(share.rate() instanceof RateSchedule.Computed || share.rate() instanceof RateSchedule.UnitPrice);
            steps.add(Explanation.of("gross: " + rateText + (ofBase ? " of " + Money.of(base, share.currency()) : "") + " = "
                    + Money.of(exact.stripTrailingZeros(), share.currency()) + ", rounded " + rounding + ": " + gross));
            cumulativeBase = cumulativeBase.add(base);
            periodBase = periodBase.add(base);
            yearBase = yearBase.add(base);
            contractYearBase = contractYearBase.add(base);
            Money payable = gross.isNegative() ? localZero : gross;
            if (gross.isNegative()) steps.add(Explanation.of("a negative base earns nothing: refunds are not set off"));

            // Advance recoupment.
            Money recouped = localZero;
            if (share.advance().isPresent() && share.advance().get().recoupable()) {
                if (advanceLeft == null) advanceLeft = share.advance().get().amount();
                recouped = payable.compareTo(advanceLeft) < 0 ? payable : advanceLeft;
                advanceLeft = advanceLeft.minus(recouped);
                payable = payable.minus(recouped);
                steps.add(Explanation.of("advance " + share.advance().get().amount() + ": recouped " + recouped + " from this line, "
                        + advanceLeft + " still to recoup"));
            }

            // Minimum guarantee, once per period at its last piece.
            Money topUp = localZero;
            boolean lastOfPeriod = i + 1 == plan.pieces.size()
                    || !plan.pieces.get(i + 1).period.equals(piece.period);
            if (periodMinimum.isPresent() && lastOfPeriod) {
                Money periodTotal = periodDue.plus(payable);
                if (periodTotal.compareTo(periodMinimum.get()) < 0) {
                    topUp = periodMinimum.get().minus(periodTotal);
                    payable = payable.plus(topUp);
                }
                steps.add(Explanation.of("minimum guarantee " + periodMinimum.get() + " per period: the period comes to "
                        + periodTotal + (topUp.isZero() ? ", no top-up" : ", topped up by " + topUp)));
            }

            // Caps: each cuts what is payable down to the room it leaves.
            Money capCut = localZero;
            if (periodCap.isPresent()) {
                Money cut = over(payable, room(periodCap.get(), periodDue, localZero), localZero);
                payable = payable.minus(cut);
                capCut = capCut.plus(cut);
                steps.add(Explanation.of("period cap " + periodCap.get() + ": " + (cut.isZero() ? "not reached" : "cut " + cut)));
            }
            if (yearCap.isPresent()) {
                Money cut = over(payable, room(yearCap.get(), yearDue, localZero), localZero);
                payable = payable.minus(cut);
                capCut = capCut.plus(cut);
                steps.add(Explanation.of("year cap " + yearCap.get() + " for " + year + ": " + yearDue + " due before this line, "
                        + (cut.isZero() ? "not reached" : "cut " + cut)));
            }
            if (share.rollingCap().isPresent()) {
                RevenueShare.RollingCap cap = share.rollingCap().get();
                // the window that ends with this period's last day: every period ending on or after its first day
                LocalDate windowStart = piece.period.end().plusDays(1).minus(cap.window());
                Money counted = localZero;
                for (PeriodDue earlier : periodDues) {
                    if (!earlier.end.isBefore(windowStart)) counted = counted.plus(earlier.amount);
                }
                Money cut = over(payable, room(cap.amount(), counted, localZero), localZero);
                payable = payable.minus(cut);
                capCut = capCut.plus(cut);
                steps.add(Explanation.of("rolling cap " + cap + ": " + counted + " due for the periods ending from " + windowStart
                        + (cut.isZero() ? ", not reached" : ", cut " + cut)));
            }
            Optional<Money> capRemaining = Optional.empty();
            if (share.totalCap().isPresent()) {
                RevenueShare.TotalCap cap = share.totalCap().get();
                Money counted = localZero;
                for (DueRecord due : dues) {
                    if (cap.countingSince().map(since -> !due.from.isBefore(since)).orElse(true)) counted = counted.plus(due.amount);
                }
                Money room = room(cap.amount(), counted, localZero);
                Money cut = over(payable, room, localZero);
                payable = payable.minus(cut);
                capCut = capCut.plus(cut);
                capRemaining = Optional.of(room.minus(payable));
                steps.add(Explanation.of("total cap " + cap.amount() + cap.countingSince().map(d -> " counting payments since " + d).orElse("")
                        + ": " + counted + " counted before this line, room " + room + (cut.isZero() ? "" : ", cut " + cut)
                        + ", remaining after it " + capRemaining.get()));
            }

            Money due = payable;
            periodDue = periodDue.plus(due);
            yearDue = yearDue.plus(due);
            contractYearDue = contractYearDue.plus(due);
            cumulativeDue = cumulativeDue.plus(due);
            dues.add(new DueRecord(piece.from, due));
            periodDues.add(new PeriodDue(piece.period.end(), due));
            LocalDate dueDate = piece.period.end().plusDays(share.payment().dueDays());
            List<StatementLine.Instalment> instalments = instalments(share.payment(), due, dueDate, rounding);
            steps.add(Explanation.of("due: " + due + " on " + dueDate + (instalments.size() > 1 ? " in " + instalments.size()
                    + " instalments, the last on " + instalments.get(instalments.size() - 1).due() : "") + " ("
                    + share.payment() + ")"));

            Optional<StatementLine.Conversion> paid = convert(share, due, piece.period.end(), dueDate, facts, piece, steps);
            Explanation why = Explanation.of(share.payer() + " owes " + share.payee() + " " + due + " for " + piece.period.label()
                    + " (" + piece.from + " to " + piece.through + ") under " + share.header().label())
                    .cite(Explanation.Reference.clause(piece.term))
                    .cite(Explanation.Reference.assumptions(piece.term, assumptions))
                    .because(steps);
            StatementLine line = new StatementLine(share.name(), share.payer(), share.payee(), piece.period.label(), piece.period.end(),
                    piece.from, piece.through, piece.term, Money.of(base, share.currency()), piece.lines, rateText, gross, recouped,
                    topUp, capCut, due, dueDate, instalments, cumulativeDue, capRemaining, why, paid);
            List<StatementLine> made = new ArrayList<>(List.of(line));

            // A yearly minimum: at the last period of its year, the year's shortfall is a line of its own, dated the period's last day.
            if (share.yearMinimum().isPresent() && lastOfPeriod) {
                RevenueShare.YearMinimum stated = share.yearMinimum().get();
                RevenueShare.YearMinimum minimum = new RevenueShare.YearMinimum(share.escalated(stated.amount(), contractYearNo), stated.contractYear());
                String minimumYear = minimum.contractYear() ? contractYear : year;
                // the year is complete only through its last day: a settlement that stops short of it owes no true-up yet
                boolean lastOfYear = i + 1 == plan.pieces.size() ? piece.through.equals(piece.period.end()) && yearEnds(share, minimum, termStart, piece.period)
                        : !(minimum.contractYear() ? contractYearOf(termStart, plan.pieces.get(i + 1).period.start())
                        : yearOf(plan.pieces.get(i + 1).share, plan.pieces.get(i + 1).period.start())).equals(minimumYear);
                Money yearTotal = minimum.contractYear() ? contractYearDue : yearDue;
                if (lastOfYear && yearTotal.compareTo(minimum.amount()) < 0) {
                    Money shortfall = minimum.amount().minus(yearTotal);
                    cumulativeDue = cumulativeDue.plus(shortfall);
                    yearDue = yearDue.plus(shortfall);
                    contractYearDue = contractYearDue.plus(shortfall);
                    dues.add(new DueRecord(piece.period.end(), shortfall));
                    periodDues.add(new PeriodDue(piece.period.end(), shortfall));
                    List<Explanation> trueUpSteps = new ArrayList<>();
                    Optional<StatementLine.Conversion> trueUpPaid = convert(share, shortfall, piece.period.end(), dueDate, facts, piece, trueUpSteps);
                    Explanation trueUp = Explanation.of(share.payer() + " owes " + share.payee() + " " + shortfall + " for " + minimumYear
                            + ": the minimum " + minimum + " less the " + yearTotal + " due for its periods, with the statement of "
                            + piece.period.label() + " under " + share.header().label())
                            .cite(Explanation.Reference.clause(piece.term)).cite(Explanation.Reference.assumptions(piece.term, assumptions))
                            .because(trueUpSteps);
                    made.add(new StatementLine(share.name(), share.payer(), share.payee(), piece.period.label(), piece.period.end(),
                            piece.period.end(), piece.period.end(), piece.term, localZero, 0, "minimum " + minimum + " true-up", localZero,
                            localZero, shortfall, localZero, shortfall, dueDate, instalments(share.payment(), shortfall, dueDate, rounding),
                            cumulativeDue, Optional.empty(), trueUp, trueUpPaid));
                }
            }
            if (reportFrom.map(f -> !piece.through.isBefore(f)).orElse(true)) {
                for (StatementLine made1 : made) {
                    lines.add(made1);
                    totalBase = totalBase.plus(made1.base());
                    totalGross = totalGross.plus(made1.gross());
                    totalDue = totalDue.plus(made1.due());
                }
            }
        }
        return new Statement(plan.name, first.payer(), first.payee(), lines, totalBase, totalGross, totalDue, first.kind());
    }

    /**
     * The measurement of the metric that covers exactly the piece's accounting period; two with
     * different ids for the same days are a conflict, not a choice.
     */
    private static Optional<dev.treaty.evaluator.facts.Fact.Measurement> measurementOf(String metric, SettlementPlan.Piece piece,
                                                                                   dev.treaty.evaluator.facts.Facts facts) {
        List<dev.treaty.evaluator.facts.Fact.Measurement> found = facts.of(dev.treaty.evaluator.facts.Fact.Measurement.class).stream()
                .filter(m -> m.metric().equals(metric) && m.from().equals(piece.period.start()) && m.through().equals(piece.period.end()))
                .toList();
        if (found.size() > 1) {
            throw new SettlementException("two measurements of " + metric + " cover " + piece.period.label() + ": "
                    + String.join(", ", found.stream().map(f -> f.meta().toString()).toList()) + "; correct one of them rather than add another");
        }
        return found.stream().findFirst();
    }

    /**
     * The amount due in the currency the term is paid in: at the rate of the period's end or of the
     * due date, the last published on or before that day; none known is an error naming the pair and day.
     */
    private static Optional<StatementLine.Conversion> convert(RevenueShare share, Money due, LocalDate periodEnd, LocalDate dueDate,
                                                              dev.treaty.evaluator.facts.Facts facts, SettlementPlan.Piece piece, List<Explanation> steps) {
        if (share.paidIn().isEmpty()) return Optional.empty();
        RevenueShare.PaidIn paidIn = share.paidIn().get();
        LocalDate day = paidIn.day() == RevenueShare.FxDay.PERIOD_END ? periodEnd : dueDate;
        dev.treaty.evaluator.facts.Fact.FxRate rate = facts.of(dev.treaty.evaluator.facts.Fact.FxRate.class, day,
                        r -> r.from().equals(share.currency()) && r.to().equals(paidIn.currency())).stream()
                .max(java.util.Comparator.comparing(dev.treaty.evaluator.facts.Fact::on))
                .orElseThrow(() -> new SettlementException(share.header().label() + " (clause " + piece.term.clause().clause().id()
                        + ") is paid in " + paidIn.currency() + " at the " + paidIn.day().keyword() + " rate, but no fx-rate "
                        + share.currency() + "→" + paidIn.currency() + " is known on or before " + day));
        Money amount = Money.of(due.amount().multiply(rate.rate()), paidIn.currency())
                .rounded(paidIn.currency().getDefaultFractionDigits(), share.rounding().mode());
        steps.add(Explanation.of("paid in " + paidIn.currency() + ": " + due + " × " + rate.rate().toPlainString() + " (the " + share.currency()
                + "→" + paidIn.currency() + " rate of " + rate.on() + ", the last on or before the " + paidIn.day().keyword().replace('-', ' ')
                + " " + day + ") = " + amount).cite(Explanation.Reference.fact(rate)));
        return Optional.of(new StatementLine.Conversion(amount, rate.rate(), rate.on(), rate.id()));
    }

    private record DueRecord(LocalDate from, Money amount) {
    }

    private record PeriodDue(LocalDate end, Money amount) {
    }

    private static Explanation baseStep(SettlementPlan.Piece piece, BigDecimal base, RevenueShare share) {
        Explanation step = Explanation.of("base: " + Money.of(base, share.currency()) + " from " + piece.lines + " revenue line"
                + (piece.lines == 1 ? "" : "s") + " of " + share.payer() + " dated " + piece.from + " to " + piece.through
                + share.base().map(b -> " where " + b).orElse("") + (piece.otherCurrency == 0 ? ""
                : " (" + piece.otherCurrency + " lines in other currencies not counted)"));
        for (var file : piece.files.entrySet()) {
            long[] stats = file.getValue();
            step = step.cite(new Explanation.Reference.Lines(file.getKey().toString(), stats[0], stats[1], stats[2]));
        }
        return step;
    }

    /** Equal instalments at the stated frequency; rounding leftovers go to the last one. */
    static List<StatementLine.Instalment> instalments(PaymentTerms terms, Money due, LocalDate first, Rounding rounding) {
        if (terms.instalments().isEmpty() || terms.instalments().get().count() == 1) {
            return List.of(new StatementLine.Instalment(first, due));
        }
        int count = terms.instalments().get().count();
        Money each = Money.of(due.amount().divide(BigDecimal.valueOf(count), rounding.scale(), RoundingMode.DOWN), due.currency());
        List<StatementLine.Instalment> list = new ArrayList<>();
        Money paid = Money.zero(due.currency());
        for (int i = 0; i < count; i++) {
            LocalDate date = switch (terms.instalments().get().frequency()) {
                case MONTHLY -> first.plusMonths(i);
                case QUARTERLY -> first.plusMonths(3L * i);
                case YEARLY -> first.plusYears(i);
            };
            Money amount = i == count - 1 ? due.minus(paid) : each;
            paid = paid.plus(amount);
            list.add(new StatementLine.Instalment(date, amount));
        }
        return List.copyOf(list);
    }

    /** Sets off shares that run both ways between two parties, period by period. */
    private static List<SettlementResult.NetPosition> net(List<Statement> statements) {
        Map<String, Map<String, Money>> byPeriod = new TreeMap<>();      // period → "payer→payee" → due
        Map<String, Currency> currencies = new LinkedHashMap<>();
        for (Statement statement : statements) {
            for (StatementLine line : statement.lines()) {
                String pair = line.payer() + "→" + line.payee();
                byPeriod.computeIfAbsent(line.period(), p -> new LinkedHashMap<>()).merge(pair, line.due(), Money::plus);
                currencies.putIfAbsent(pair, line.due().currency());
            }
        }
        List<SettlementResult.NetPosition> net = new ArrayList<>();
        for (var period : byPeriod.entrySet()) {
            Map<String, Money> pairs = period.getValue();
            for (var entry : pairs.entrySet()) {
                String[] parties = entry.getKey().split("→");
                Money back = pairs.get(parties[1] + "→" + parties[0]);
                if (back == null || parties[0].compareTo(parties[1]) > 0) continue;          // one direction, or seen
                if (!back.currency().equals(entry.getValue().currency())) continue;
                Money difference = entry.getValue().minus(back);
                boolean firstOwes = !difference.isNegative();
                net.add(new SettlementResult.NetPosition(period.getKey(), firstOwes ? parties[0] : parties[1],
                        firstOwes ? parties[1] : parties[0], firstOwes ? difference : back.minus(entry.getValue()),
                        firstOwes ? entry.getValue() : back, firstOwes ? back : entry.getValue()));
            }
        }
        return List.copyOf(net);
    }
}
