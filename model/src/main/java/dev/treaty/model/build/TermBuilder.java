package dev.treaty.model.build;

import dev.treaty.language.grammar.TreatyParser;
import dev.treaty.language.grammar.TreatyParser.*;
import dev.treaty.model.term.AccountingPeriod;
import dev.treaty.model.term.CloudExclusivity;
import dev.treaty.model.term.Condition;
import dev.treaty.model.term.EventDefinition;
import dev.treaty.model.term.Filter;
import dev.treaty.model.term.FirstShip;
import dev.treaty.model.term.Licence;
import dev.treaty.model.term.PaymentTerms;
import dev.treaty.model.term.PurchaseCommitment;
import dev.treaty.model.term.RateSchedule;
import dev.treaty.model.term.ReleasePermission;
import dev.treaty.model.term.ResponseWindow;
import dev.treaty.model.term.RevenueShare;
import dev.treaty.model.term.RightOfFirstRefusal;
import dev.treaty.model.term.Rounding;
import dev.treaty.model.term.Stake;
import dev.treaty.model.term.Term;
import dev.treaty.model.term.TermHeader;
import dev.treaty.model.term.TermKind;
import dev.treaty.model.term.Validity;
import dev.treaty.model.value.DateWindow;
import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;
import dev.treaty.model.value.Quantity;
import org.antlr.v4.runtime.ParserRuleContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Builds one term from its parse tree; reports what is missing, misplaced or mistyped. */
final class TermBuilder {

    private static final Set<String> VALIDITY = Set.of("from", "through", "until", "unless", "after", "if");
    private static final String WITHDRAWS = "withdraws existing releases";
    private static final Map<TermKind, Set<String>> ALLOWED = new EnumMap<>(TermKind.class);
    private static final Map<TermKind, List<String>> REQUIRED = new EnumMap<>(TermKind.class);

    static {
        allow(TermKind.REVENUE_SHARE, List.of("payer", "payee", "rate|tiers|bands", "period", "due"),
                "base", "cap total", "cap per period", "cap per year", "cap over", "minimum", "minimum per year", "advance", "escalation", "instalments", "currency", "paid in", "rounding");
        allow(TermKind.LICENCE, List.of("licensor", "licensee", "covers", "exclusive|non-exclusive"),
                "excludes", "subjects");
        allow(TermKind.CLOUD_EXCLUSIVITY, List.of("owner", "provider", "cloud", "products"), "except", WITHDRAWS);
        allow(TermKind.FIRST_SHIP, List.of("owner", "provider", "cloud", "products"), "except", "response", WITHDRAWS);
        allow(TermKind.RELEASE_PERMISSION, List.of("owner", "products", "clouds"), "segments", "exception to");
        allow(TermKind.RIGHT_OF_FIRST_REFUSAL, List.of("holder", "grantor", "subject", "response"));
        allow(TermKind.STAKE, List.of("holder", "issuer", "percentage"), "valued");
        allow(TermKind.PURCHASE_COMMITMENT, List.of("purchaser", "provider", "amount"));
        allow(TermKind.COMPUTED, List.of("payer", "payee", "amount", "period", "due"),
                "base", "cap total", "cap per period", "cap per year", "cap over", "minimum", "minimum per year", "advance", "escalation",
                "instalments", "currency", "paid in", "rounding");
        allow(TermKind.INSTALMENT_SALE, List.of("payer", "payee", "price", "interest", "instalments", "from"), "currency", "rounding");
        allow(TermKind.PENALTY, List.of("payer", "payee", "deadline", "rate", "due"), "price", "cap total", "termination", "currency", "rounding");
    }

    private static void allow(TermKind kind, List<String> required, String... optional) {
        Set<String> allowed = new TreeSet<>(VALIDITY);
        for (String name : required) allowed.addAll(List.of(name.split("\\|")));
        allowed.addAll(List.of(optional));
        ALLOWED.put(kind, allowed);
        REQUIRED.put(kind, required);
    }

    /** The attributes a kind of term takes (for {@link Vocabulary}). */
    static Set<String> allowed(TermKind kind) {
        return java.util.Collections.unmodifiableSet(ALLOWED.getOrDefault(kind, Set.of()));
    }

    /** The attributes a kind of term must state; "a|b" means one of them (for {@link Vocabulary}). */
    static List<String> required(TermKind kind) {
        return REQUIRED.getOrDefault(kind, List.of());
    }

    private final BlockScope scope;
    private final Draft draft = new Draft();

    private TermBuilder(BlockScope scope) {
        this.scope = scope;
    }

    static Optional<Term> build(TermContext term, BlockScope scope) {
        return new TermBuilder(scope).term(term);
    }

    static Optional<Term> event(EventDeclContext event, BlockScope scope) {
        TermHeader header = new TermHeader(TermKind.EVENT, event.name().getText(), unquote(event.title),
                scope.at(event), List.of());
        Optional<String> declaredBy = Optional.empty();
        Optional<String> verifiedBy = Optional.empty();
        for (EventAttributeContext attribute : event.eventAttribute()) {
            if (attribute instanceof DeclaredByContext declared) {
                if (declaredBy.isPresent()) scope.error(attribute, "event " + header.name() + " says 'declared by' twice");
                declaredBy = Optional.of(declared.name().getText());
            } else if (attribute instanceof VerifiedByContext verified) {
                if (verifiedBy.isPresent()) scope.error(attribute, "event " + header.name() + " says 'verified by' twice");
                verifiedBy = Optional.of(verified.name().getText());
            }
        }
        return Optional.of(new EventDefinition(header, declaredBy, verifiedBy));
    }

    private Optional<Term> term(TermContext term) {
        if (term.exception != null || term.name() == null) return Optional.empty();
        TermKind kind = TermKind.fromKeyword(term.termKind().getText());
        scope.assumptionsUsed.clear();
        int errorsBefore = scope.diagnostics.errorCount();
        String label = kind.keyword() + " " + term.name().getText();
        Map<String, ParserRuleContext> seen = new HashMap<>();
        for (AttributeContext attribute : term.attribute()) {
            if (attribute.exception != null) continue;
            String key = key(attribute);
            if (!ALLOWED.get(kind).contains(key)) {
                scope.error(attribute, "a " + kind.keyword() + " has no '" + key + "'" + suggestion(kind, key));
                continue;
            }
            if (seen.putIfAbsent(key, attribute) != null) {
                scope.error(attribute, label + " states '" + key + "' twice");
                continue;
            }
            read(attribute, kind);
        }
        boolean complete = true;
        for (String required : REQUIRED.get(kind)) {
            List<String> alternatives = List.of(required.split("\\|"));
            long present = alternatives.stream().filter(seen::containsKey).count();
            if (present == 0) {
                scope.error(term.name(), label + " needs " + String.join(" or ", alternatives.stream().map(a -> "'" + a + "'").toList()));
                complete = false;
            } else if (present > 1) {
                List<String> stated = alternatives.stream().filter(seen::containsKey).toList();
                scope.error(seen.get(stated.get(1)), label + " states both " + String.join(" and ",
                        stated.stream().map(a -> "'" + a + "'").toList()) + "; choose one");
                complete = false;
            }
        }
        if (draft.from != null && draft.through != null && draft.from.isAfter(draft.through)) {
            scope.error(term.name(), label + " runs from " + draft.from + " through " + draft.through + ", which ends before it starts");
            complete = false;
        }
        if (!complete || scope.diagnostics.errorCount() > errorsBefore) return Optional.empty();
        TermHeader header = new TermHeader(kind, term.name().getText(), unquote(term.title), scope.at(term),
                List.copyOf(scope.assumptionsUsed));
        Validity validity = new Validity(DateWindow.between(draft.from, draft.through),
                Optional.ofNullable(draft.until), Optional.ofNullable(draft.unless), Optional.ofNullable(draft.after),
                Optional.ofNullable(draft.onlyIf));
        return switch (kind) {
            case REVENUE_SHARE -> revenueShare(header, validity, term);
            case COMPUTED -> computed(header, validity, term);
            case LICENCE -> Optional.of(new Licence(header, validity, role("licensor"), role("licensee"), draft.covers,
                    orEmpty(draft.excludes), draft.exclusive, draft.exclusiveIf, draft.exclusiveUntil, Optional.ofNullable(draft.subjectsReleasedThrough)));
            case CLOUD_EXCLUSIVITY -> Optional.of(new CloudExclusivity(header, validity, role("owner"), role("provider"),
                    draft.cloud, Optional.ofNullable(draft.products), Optional.ofNullable(draft.except), draft.withdrawsExisting));
            case FIRST_SHIP -> Optional.of(new FirstShip(header, validity, role("owner"), role("provider"), draft.cloud,
                    Optional.ofNullable(draft.products), Optional.ofNullable(draft.except), Optional.ofNullable(draft.response),
                    draft.withdrawsExisting));
            case RELEASE_PERMISSION -> Optional.of(new ReleasePermission(header, validity, role("owner"),
                    Optional.ofNullable(draft.products), draft.clouds, orEmpty(draft.segments), Optional.ofNullable(draft.exceptionTo)));
            case RIGHT_OF_FIRST_REFUSAL -> Optional.of(new RightOfFirstRefusal(header, validity, role("holder"),
                    role("grantor"), draft.subject, draft.response));
            case STAKE -> Optional.of(new Stake(header, validity, role("holder"), role("issuer"), draft.percentage,
                    draft.basis, Optional.ofNullable(draft.valued)));
            case PURCHASE_COMMITMENT -> Optional.of(new PurchaseCommitment(header, validity, role("purchaser"),
                    role("provider"), draft.amount));
            case PENALTY -> penalty(header, validity, term);
            case INSTALMENT_SALE -> {
                if (draft.price == null || draft.interest == null || draft.instalments == null || draft.from == null) yield Optional.empty();
                if (draft.currency != null && !draft.currency.equals(draft.price.currency())) {
                    scope.error(term.name(), header.label() + " states its price in " + draft.price.currency() + " but its currency as " + draft.currency);
                    yield Optional.empty();
                }
                yield Optional.of(new dev.treaty.model.term.InstalmentSale(header, validity, role("payer"), role("payee"), draft.from,
                        draft.price, draft.interest, draft.instalments, draft.price.currency(), draft.rounding == null ? Rounding.DEFAULT : draft.rounding));
            }
            case EVENT -> throw new IllegalStateException("events are built by event()");
        };
    }

    private Optional<Term> revenueShare(TermHeader header, Validity validity, TermContext term) {
        Currency currency = draft.currency;
        List<Money> amounts = new ArrayList<>();
        if (draft.totalCap != null) amounts.add(draft.totalCap.amount());
        if (draft.periodCap != null) amounts.add(draft.periodCap);
        if (draft.yearCap != null) amounts.add(draft.yearCap);
        if (draft.rollingCap != null) amounts.add(draft.rollingCap.amount());
        if (draft.minimum != null) amounts.add(draft.minimum);
        if (draft.yearMinimum != null) amounts.add(draft.yearMinimum.amount());
        if (draft.advance != null) amounts.add(draft.advance.amount());
        if (draft.rate instanceof RateSchedule.Tiered tiered) {
            tiered.tiers().forEach(t -> t.upTo().ifPresent(amounts::add));
        }
        if (draft.rate instanceof RateSchedule.UnitPrice unitPrice) amounts.add(unitPrice.price());
        if (draft.rate instanceof RateSchedule.Banded banded) {
            banded.bands().forEach(b -> {
                amounts.add(b.lower());
                b.upper().ifPresent(amounts::add);
            });
        }
        for (Money amount : amounts) {
            if (currency == null) currency = amount.currency();
            if (!amount.currency().equals(currency)) {
                scope.error(term.name(), header.label() + " mixes " + currency + " and " + amount.currency()
                        + " amounts; one term settles in one currency");
                return Optional.empty();
            }
        }
        if (currency == null) {
            scope.error(term.name(), header.label() + " needs 'currency' (no amount states one)");
            return Optional.empty();
        }
        if (draft.paidIn != null && draft.paidIn.currency().equals(currency)) {
            scope.error(term.name(), header.label() + " settles in " + currency + " already; 'paid in' names another currency");
            return Optional.empty();
        }
        PaymentTerms payment = new PaymentTerms(draft.dueDays, Optional.ofNullable(draft.instalments));
        return Optional.of(new RevenueShare(header, validity, role("payer"), role("payee"), draft.rate,
                Optional.ofNullable(draft.base), draft.period,
                Optional.ofNullable(draft.totalCap), Optional.ofNullable(draft.periodCap), Optional.ofNullable(draft.yearCap), Optional.ofNullable(draft.rollingCap),
                Optional.ofNullable(draft.minimum), Optional.ofNullable(draft.yearMinimum),
                Optional.ofNullable(draft.advance), payment, currency,
                draft.rounding == null ? Rounding.DEFAULT : draft.rounding, Optional.ofNullable(draft.paidIn),
                Optional.ofNullable(draft.escalation)));
    }

    /**
     * A computed term: a revenue share whose amount is a formula. Its units are checked here with
     * the period's revenue standing as money of the term's currency and measurements as numbers;
     * the formula must come to money in that currency.
     */
    private Optional<Term> computed(TermHeader header, Validity validity, TermContext term) {
        if (draft.formula == null) return Optional.empty();
        Currency currency = draft.currency;
        List<Money> constants = new ArrayList<>();
        collectMoney(draft.formula, constants);
        // the amounts of its caps, minimums and advance say the currency too
        if (draft.totalCap != null) constants.add(draft.totalCap.amount());
        if (draft.periodCap != null) constants.add(draft.periodCap);
        if (draft.yearCap != null) constants.add(draft.yearCap);
        if (draft.rollingCap != null) constants.add(draft.rollingCap.amount());
        if (draft.minimum != null) constants.add(draft.minimum);
        if (draft.yearMinimum != null) constants.add(draft.yearMinimum.amount());
        if (draft.advance != null) constants.add(draft.advance.amount());
        for (Money constant : constants) {
            if (currency == null) currency = constant.currency();
        }
        if (currency == null) {
            scope.error(term.name(), header.label() + " needs 'currency' (its amount states no money)");
            return Optional.empty();
        }
        Currency settled = currency;
        try {
            Quantity sample = draft.formula.evaluate(f -> f instanceof dev.treaty.model.term.Formula.Revenue
                    ? new Quantity.OfMoney(Money.of(BigDecimal.ONE, settled)) : new Quantity.OfNumber(BigDecimal.ONE));
            if (!(sample instanceof Quantity.OfMoney money) || !money.money().currency().equals(settled)) {
                scope.error(draft.formulaAt, header.label() + "'s amount must come to money in " + settled + ", but "
                        + draft.formula + " is " + (sample instanceof Quantity.OfMoney m ? m.money().currency() + " money" : sample.typeName()));
                return Optional.empty();
            }
        } catch (dev.treaty.model.term.Formula.Impossible e) {
            if (!e.getMessage().startsWith("division by zero")) {
                // the values in the message are the stand-ins of the check (USD 1 for revenue): name the types only
                scope.error(draft.formulaAt, e.getMessage().replaceFirst(" \\([^()]*\\) in ", " in "));
                return Optional.empty();
            }
        }
        draft.rate = new RateSchedule.Computed(draft.formula);
        if (draft.currency == null) draft.currency = currency;
        return revenueShare(header, validity, term);
    }

    private static void collectMoney(dev.treaty.model.term.Formula formula, List<Money> into) {
        switch (formula) {
            case dev.treaty.model.term.Formula.Constant c when c.value() instanceof Quantity.OfMoney m -> into.add(m.money());
            case dev.treaty.model.term.Formula.Binary b -> {
                collectMoney(b.left(), into);
                collectMoney(b.right(), into);
            }
            default -> {
            }
        }
    }

    /** The formula of a computed term's amount; constants are evaluated (and type-checked) as every expression is. */
    private dev.treaty.model.term.Formula formula(TreatyParser.ExprContext expr) {
        if (expr == null || expr.exception != null) return null;
        return switch (expr) {
            case ParenExprContext paren -> formula(paren.expr());
            case RevenueExprContext ignored -> new dev.treaty.model.term.Formula.Revenue();
            case MeasuredExprContext measured -> new dev.treaty.model.term.Formula.Measured(measured.metric.getText());
            case MulExprContext mul -> binary(mul.op.getText(), mul.expr(0), mul.expr(1));
            case AddExprContext add -> binary(add.op.getText(), add.expr(0), add.expr(1));
            default -> value(expr).map(v -> (dev.treaty.model.term.Formula) new dev.treaty.model.term.Formula.Constant(v)).orElse(null);
        };
    }

    private dev.treaty.model.term.Formula binary(String op, TreatyParser.ExprContext left, TreatyParser.ExprContext right) {
        dev.treaty.model.term.Formula l = formula(left);
        dev.treaty.model.term.Formula r = formula(right);
        return l == null || r == null ? null : new dev.treaty.model.term.Formula.Binary(op.equals("×") ? "*" : op, l, r);
    }

    private Optional<Term> penalty(TermHeader header, Validity validity, TermContext term) {
        if (draft.perDay == null || draft.deadline == null || draft.dueDays == null) return Optional.empty();
        Currency currency = draft.currency;
        List<Money> amounts = new ArrayList<>(List.of(draft.perDay));
        if (draft.price != null) amounts.add(draft.price);
        if (draft.totalCap != null) amounts.add(draft.totalCap.amount());
        for (Money amount : amounts) {
            if (currency == null) currency = amount.currency();
            if (!amount.currency().equals(currency)) {
                scope.error(term.name(), header.label() + " mixes " + currency + " and " + amount.currency()
                        + " amounts; one term settles in one currency");
                return Optional.empty();
            }
        }
        if (draft.capShare != null && draft.price == null) {
            scope.error(term.name(), header.label() + " caps the penalty at " + draft.capShare + " of the price but states no 'price'");
            return Optional.empty();
        }
        return Optional.of(new dev.treaty.model.term.Penalty(header, validity, role("payer"), role("payee"), draft.deadline, draft.perDay,
                Optional.ofNullable(draft.price), Optional.ofNullable(draft.totalCap).map(RevenueShare.TotalCap::amount),
                Optional.ofNullable(draft.capShare), Optional.ofNullable(draft.termination), draft.dueDays,
                Optional.ofNullable(draft.dueAfter), currency, draft.rounding == null ? Rounding.DEFAULT : draft.rounding));
    }

    private String role(String role) {
        return draft.roles.get(role);
    }

    private static SortedSet<String> orEmpty(SortedSet<String> set) {
        return set == null ? new TreeSet<>() : set;
    }

    static String key(AttributeContext attribute) {
        return switch (attribute) {
            case RoleAttrContext role -> role.partyRole().getText();
            case TotalCapAttrContext ignored -> "cap total";
            case PeriodCapAttrContext ignored -> "cap per period";
            case YearCapAttrContext ignored -> "cap per year";
            case RollingCapAttrContext ignored -> "cap over";
            case YearMinimumAttrContext ignored -> "minimum per year";
            case PaidInAttrContext ignored -> "paid in";
            case ExceptionToAttrContext ignored -> "exception to";
            case WithdrawsAttrContext ignored -> WITHDRAWS;
            default -> attribute.getStart().getText().toLowerCase(Locale.ROOT).replace("installments", "instalments");
        };
    }

    private static final Map<String, String> NEAR_MISSES = Map.ofEntries(
            Map.entry("payer", "licensor"), Map.entry("payee", "licensee"), Map.entry("licensor", "payer"),
            Map.entry("licensee", "payee"), Map.entry("cloud", "clouds"), Map.entry("clouds", "cloud"),
            Map.entry("holder", "purchaser"), Map.entry("grantor", "owner"), Map.entry("amount", "rate"));

    private static String suggestion(TermKind kind, String key) {
        String near = NEAR_MISSES.get(key);
        if (near != null && ALLOWED.get(kind).contains(near)) return "; did you mean '" + near + "'?";
        return "; it takes " + String.join(", ", ALLOWED.get(kind));
    }

    private void read(AttributeContext attribute, TermKind kind) {
        switch (attribute) {
            case RoleAttrContext role -> draft.roles.put(role.partyRole().getText(), role.name().getText());
            case RateAttrContext rate when kind == TermKind.PENALTY ->
                    scope.error(rate.expr(), "a penalty's rate is an amount per day of delay: write e.g. 'rate USD 25000 per day'");
            case RateAttrContext rate -> rate(rate.expr(), "rate").ifPresent(r -> draft.rate = new RateSchedule.Flat(r));
            case PerDayRateAttrContext rate when kind != TermKind.PENALTY ->
                    scope.error(rate, "an amount per day is the rate of a penalty; a " + kind.keyword() + "'s rate is a percentage such as 20%");
            case PerDayRateAttrContext rate -> {
                if (rate.durationUnit().DAY() == null) {
                    scope.error(rate.durationUnit(), "a penalty runs by the day: write 'per day', not 'per " + rate.durationUnit().getText() + "'");
                } else {
                    draft.perDay = positiveMoney(rate.expr(), "rate").orElse(null);
                }
            }
            case UnitRateAttrContext rate when kind != TermKind.REVENUE_SHARE ->
                    scope.error(rate, "a price per unit of a measured quantity is a revenue-share's rate (a usage fee, say), not a " + kind.keyword() + "'s");
            case UnitRateAttrContext rate -> positiveMoney(rate.expr(), "rate").ifPresent(price ->
                    draft.rate = new RateSchedule.UnitPrice(price, rate.unit.getText(), rate.metric.getText()));
            case MeasuredRateAttrContext measured when kind != TermKind.REVENUE_SHARE ->
                    scope.error(measured, "a rate by a measured level is a revenue-share's (a service credit, say), not a " + kind.keyword() + "'s");
            case MeasuredRateAttrContext measured -> levels(measured);
            case DeadlineAttrContext deadline -> draft.deadline = date(deadline.expr(), "deadline").orElse(null);
            case PriceAttrContext price -> draft.price = positiveMoney(price.expr(), "price").orElse(null);
            case InterestAttrContext interest -> draft.interest = rate(interest.expr(), "interest").orElse(null);
            case TerminationAttrContext termination -> duration(termination.expr(), "termination after").ifPresent(p -> {
                if (p.isNegative() || p.isZero()) scope.error(termination.expr(), "a termination threshold must be longer than nothing");
                else draft.termination = p;
            });
            case DueAfterEventAttrContext due when kind != TermKind.PENALTY -> scope.error(due, "a " + kind.keyword()
                    + " is due a number of days after its period ends ('due 30 days after period end'); 'after EVENT declared' is for penalties");
            case DueAfterEventAttrContext due -> duration(due.expr(), "due").ifPresent(p -> {
                if (p.getMonths() != 0 || p.getYears() != 0 || p.getDays() < 0) {
                    scope.error(due.expr(), "state 'due' in days or weeks after the event, not months or years");
                } else {
                    draft.dueDays = p.getDays();
                    draft.dueAfter = due.event.getText();
                }
            });
            case TotalCapAttrContext cap when kind == TermKind.PENALTY -> {
                if (cap.expr().size() > 1) scope.error(cap.expr(1), "a penalty's cap counts the whole delay; it takes no 'counting payments since'");
                value(cap.expr(0)).ifPresent(v -> {
                    switch (v) {
                        case Quantity.OfMoney m when !m.money().isNegative() -> draft.totalCap = new RevenueShare.TotalCap(m.money(), Optional.empty());
                        case Quantity.OfPercentage p when !p.percentage().isNegative() && !p.percentage().isOverHundred() -> draft.capShare = p.percentage();
                        default -> scope.error(cap.expr(0), "a penalty's 'cap total' takes an amount (USD 4 million) or a share of the price (10%), not "
                                + v.typeName() + " (" + v + ")");
                    }
                });
            }
            case TiersAttrContext tiers -> tiers(tiers);
            case BandsAttrContext bands -> bands(bands);
            case BaseAttrContext base -> draft.base = filter(base.filter());
            case ProductsAttrContext products -> {
                if (products.filter() != null) draft.products = filter(products.filter());    // "products all": no filter
            }
            case PeriodAttrContext period -> draft.period = period(period.periodSpec());
            case FromAttrContext from -> {
                draft.from = date(from.expr(0), "from").orElse(null);
                if (from.expr().size() > 1) draft.through = date(from.expr(1), "through").orElse(null);
            }
            case ThroughAttrContext through -> {
                if (draft.through != null) scope.error(through, "'through' is already stated after 'from'");
                draft.through = date(through.expr(), "through").orElse(null);
            }
            case TotalCapAttrContext cap -> {
                Optional<Money> amount = positiveMoney(cap.expr(0), "cap total");
                Optional<LocalDate> since = cap.expr().size() > 1 ? date(cap.expr(1), "counting payments since") : Optional.empty();
                amount.ifPresent(a -> draft.totalCap = new RevenueShare.TotalCap(a, since));
            }
            case PeriodCapAttrContext cap -> draft.periodCap = positiveMoney(cap.expr(), "cap per period").orElse(null);
            case YearCapAttrContext cap -> draft.yearCap = positiveMoney(cap.expr(), "cap per year").orElse(null);
            case RollingCapAttrContext cap -> {
                Optional<Money> amount = positiveMoney(cap.expr(0), "cap");
                Optional<java.time.Period> window = duration(cap.expr(1), "cap window");
                if (window.isPresent() && (window.get().isNegative() || window.get().isZero())) {
                    scope.error(cap.expr(1), "a rolling cap's window must be longer than nothing, not " + dev.treaty.model.value.Durations.format(window.get()));
                } else if (amount.isPresent() && window.isPresent()) {
                    draft.rollingCap = new dev.treaty.model.term.RevenueShare.RollingCap(amount.get(), window.get());
                }
            }
            case MinimumAttrContext minimum -> draft.minimum = positiveMoney(minimum.expr(), "minimum").orElse(null);
            case YearMinimumAttrContext minimum -> draft.yearMinimum = positiveMoney(minimum.expr(), "minimum")
                    .map(m -> new dev.treaty.model.term.RevenueShare.YearMinimum(m, minimum.CONTRACT() != null)).orElse(null);
            case AdvanceAttrContext advance -> draft.advance = positiveMoney(advance.expr(), "advance")
                    .map(a -> new RevenueShare.Advance(a, advance.NON_RECOUPABLE() == null)).orElse(null);
            case EscalationAttrContext escalation -> draft.escalation = rate(escalation.expr(), "escalation").orElse(null);
            case DueAttrContext due -> duration(due.expr(), "due").ifPresent(p -> {
                if (p.getMonths() != 0 || p.getYears() != 0) {
                    scope.error(due.expr(), "state 'due' in days or weeks after period end, not months or years");
                } else if (p.getDays() < 0) {
                    scope.error(due.expr(), "'due' cannot be before the period ends");
                } else {
                    draft.dueDays = p.getDays();
                }
            });
            case InstalmentsAttrContext instalments -> wholeNumber(instalments.expr(), "instalments", 1, 120).ifPresent(count ->
                    draft.instalments = new PaymentTerms.Instalments(count,
                            PaymentTerms.Frequency.valueOf(instalments.frequency().getText().toUpperCase(Locale.ROOT))));
            case CurrencyAttrContext currency -> draft.currency = Expressions.currency(currency.name().getText(), currency.name(), scope);
            case PaidInAttrContext paid -> {
                Currency currency = Expressions.currency(paid.currency.getText(), paid.currency, scope);
                RevenueShare.FxDay day = java.util.Arrays.stream(RevenueShare.FxDay.values()).filter(d -> d.keyword().equals(paid.day.getText()))
                        .findFirst().orElse(null);
                if (day == null) {
                    scope.error(paid.day, "'" + paid.day.getText() + "' is not a day a rate is taken on; write 'at period-end rate' or 'at due-date rate'");
                } else if (currency != null) {
                    draft.paidIn = new RevenueShare.PaidIn(currency, day);
                }
            }
            case RoundingAttrContext rounding -> rounding(rounding);
            case CoversAttrContext covers -> draft.covers = names(covers.nameList());
            case ExcludesAttrContext excludes -> draft.excludes = names(excludes.nameList());
            case ExclusiveAttrContext exclusive -> {
                draft.exclusive = true;
                if (exclusive.onlyIf != null) draft.exclusiveIf = Optional.ofNullable(condition(exclusive.onlyIf, kind));
                if (exclusive.until != null) draft.exclusiveUntil = Optional.ofNullable(condition(exclusive.until, kind));
            }
            case NonExclusiveAttrContext ignored -> draft.exclusive = false;
            case SubjectsAttrContext subjects -> draft.subjectsReleasedThrough = date(subjects.expr(), "subjects released through").orElse(null);
            case CloudAttrContext cloud -> draft.cloud = cloud.name().getText();
            case CloudsAttrContext clouds -> draft.clouds = clouds.ANY() != null ? new TreeSet<>() : names(clouds.nameList());
            case SegmentsAttrContext segments -> draft.segments = names(segments.nameList());
            case ExceptAttrContext except -> draft.except = filter(except.filter());
            case ExceptionToAttrContext exception -> draft.exceptionTo = exception.name().getText();
            case UntilAttrContext until -> draft.until = condition(until.condition(), kind);
            case UnlessAttrContext unless -> draft.unless = condition(unless.condition(), kind);
            case AfterAttrContext after -> draft.after = condition(after.condition(), kind);
            case IfAttrContext onlyIf -> draft.onlyIf = condition(onlyIf.condition(), kind);
            case WithdrawsAttrContext ignored -> draft.withdrawsExisting = true;
            case ResponseAttrContext response -> duration(response.expr(), "response within").ifPresent(p -> {
                ResponseWindow.Answer onSilence = response.answer() != null
                        ? (response.answer().SUPPORT() != null ? ResponseWindow.Answer.SUPPORT : ResponseWindow.Answer.DECLINE)
                        : silenceAssumption(response.ASSUMPTION_REF().getSymbol());
                if (p.isNegative() || p.isZero()) {
                    scope.error(response.expr(), "a response window must be longer than zero");
                } else if (onSilence != null) {
                    draft.response = new ResponseWindow(p, onSilence);
                }
            });
            case PercentageAttrContext percentage -> {
                rate(percentage.expr(), "percentage").ifPresent(p -> draft.percentage = p);
                if (percentage.AS_CONVERTED() != null) draft.basis = percentage.DILUTED() != null ? "as-converted diluted" : "as-converted";
            }
            case ValuedAttrContext valued -> draft.valued = positiveMoney(valued.expr(), "valued").orElse(null);
            case AmountAttrContext amount when kind == TermKind.COMPUTED -> {
                draft.formula = formula(amount.expr());
                draft.formulaAt = amount.expr();
            }
            case AmountAttrContext amount -> draft.amount = positiveMoney(amount.expr(), "amount").orElse(null);
            case SubjectAttrContext subject -> draft.subject = subject.name().getText();
            default -> throw new IllegalStateException("attribute without a reader: " + attribute.getClass().getSimpleName());
        }
    }

    private static RateSchedule.TierBasis basis(TierBasisContext basis) {
        if (basis.CUMULATIVE() != null) return RateSchedule.TierBasis.CUMULATIVE;
        if (basis.CONTRACT() != null) return RateSchedule.TierBasis.PER_CONTRACT_YEAR;
        if (basis.YEAR() != null) return RateSchedule.TierBasis.PER_YEAR;
        return RateSchedule.TierBasis.PER_PERIOD;
    }

    /**
     * Bands: each from or over a lower bound, to or below an upper one (the last may be open), in
     * one currency, rising and never overlapping; a gap between two is allowed and named when a
     * volume falls in it.
     */
    private void bands(BandsAttrContext bands) {
        RateSchedule.TierBasis basis = basis(bands.tierBasis());
        List<RateSchedule.Band> list = new ArrayList<>();
        boolean ok = true;
        List<BandContext> contexts = bands.band();
        for (int i = 0; i < contexts.size(); i++) {
            BandContext band = contexts.get(i);
            Optional<Money> lower = positiveMoney(band.expr(0), "band bound");
            Optional<Money> upper = band.upper == null ? Optional.empty() : positiveMoney(band.expr(1), "band bound");
            Optional<Percentage> rate = rate(band.expr(band.upper == null ? 1 : 2), "band rate");
            if (lower.isEmpty() || rate.isEmpty() || (band.upper != null && upper.isEmpty())) {
                ok = false;
                continue;
            }
            boolean lowerInclusive = band.lower.getType() == TreatyParser.FROM;
            boolean upperInclusive = band.upper != null && band.upper.getType() == TreatyParser.TO;
            if (upper.isPresent() && (!upper.get().currency().equals(lower.get().currency()) || upper.get().compareTo(lower.get()) < 0
                    || (upper.get().compareTo(lower.get()) == 0 && !(lowerInclusive && upperInclusive)))) {
                scope.error(band.expr(1), "a band must hold some volume: " + band.getText().replace(":", ": ") + " is empty");
                ok = false;
                continue;
            }
            if (upper.isEmpty() && i != contexts.size() - 1) {
                scope.error(band, "only the last band may be open-ended (no 'to' or 'below')");
                ok = false;
            }
            if (!list.isEmpty()) {
                RateSchedule.Band previous = list.get(list.size() - 1);
                Money top = previous.upper().orElse(null);
                boolean overlaps = top == null || !top.currency().equals(lower.get().currency()) || lower.get().compareTo(top) < 0
                        || (lower.get().compareTo(top) == 0 && previous.upperInclusive() && lowerInclusive);
                if (overlaps) {
                    scope.error(band.expr(0), "bands must rise in one currency without overlapping: this one starts at " + lower.get()
                            + (top == null ? " after an open-ended band" : ", inside the band before it (" + previous + ")"));
                    ok = false;
                }
            }
            list.add(new RateSchedule.Band(lower.get(), lowerInclusive, upper, upperInclusive, rate.get()));
        }
        if (ok) draft.rate = new RateSchedule.Banded(basis, list);
    }

    /**
     * Levels of a measured metric, written as bands are: bounds all percentages (availability) or
     * all numbers (days of delay), rising without overlapping.
     */
    private void levels(MeasuredRateAttrContext measured) {
        List<RateSchedule.Level> list = new ArrayList<>();
        boolean ok = true;
        Boolean percent = null;
        List<BandContext> contexts = measured.band();
        for (int i = 0; i < contexts.size(); i++) {
            BandContext band = contexts.get(i);
            Optional<Quantity> lower = level(band.expr(0));
            Optional<Quantity> upper = band.upper == null ? Optional.empty() : level(band.expr(1));
            Optional<Percentage> rate = rate(band.expr(band.upper == null ? 1 : 2), "credit rate");
            if (lower.isEmpty() || rate.isEmpty() || (band.upper != null && upper.isEmpty())) {
                ok = false;
                continue;
            }
            boolean isPercent = lower.get() instanceof Quantity.OfPercentage;
            if (percent == null) percent = isPercent;
            if (isPercent != percent || upper.map(u -> (u instanceof Quantity.OfPercentage) != isPercent).orElse(false)) {
                scope.error(band, "the levels of " + measured.metric.getText() + " must all be percentages or all numbers");
                ok = false;
                continue;
            }
            BigDecimal low = levelValue(lower.get());
            Optional<BigDecimal> high = upper.map(TermBuilder::levelValue);
            boolean lowerInclusive = band.lower.getType() == TreatyParser.FROM;
            boolean upperInclusive = band.upper != null && band.upper.getType() == TreatyParser.TO;
            if (high.isPresent() && (high.get().compareTo(low) < 0 || (high.get().compareTo(low) == 0 && !(lowerInclusive && upperInclusive)))) {
                scope.error(band.expr(1), "a level must hold some values: " + band.getText().replace(":", ": ") + " is empty");
                ok = false;
                continue;
            }
            if (high.isEmpty() && i != contexts.size() - 1) {
                scope.error(band, "only the last level may be open-ended (no 'to' or 'below')");
                ok = false;
            }
            if (!list.isEmpty()) {
                RateSchedule.Level previous = list.get(list.size() - 1);
                BigDecimal top = previous.upper().orElse(null);
                if (top == null || low.compareTo(top) < 0 || (low.compareTo(top) == 0 && previous.upperInclusive() && lowerInclusive)) {
                    scope.error(band.expr(0), "levels must rise without overlapping: this one starts at " + lower.get()
                            + (top == null ? " after an open-ended level" : ", inside the level before it (" + previous + ")"));
                    ok = false;
                }
            }
            list.add(new RateSchedule.Level(low, lowerInclusive, high, upperInclusive, isPercent, rate.get()));
        }
        if (ok) draft.rate = new RateSchedule.Measured(measured.metric.getText(), list);
    }

    /** A level's bound: a percentage or a plain number. */
    private Optional<Quantity> level(TreatyParser.ExprContext expr) {
        return value(expr).flatMap(v -> {
            if (v instanceof Quantity.OfPercentage || v instanceof Quantity.OfNumber) return Optional.of(v);
            scope.error(expr, "a level is a percentage (99.9%) or a number (5), not " + v.typeName() + " (" + v + ")");
            return Optional.empty();
        });
    }

    private static BigDecimal levelValue(Quantity quantity) {
        return quantity instanceof Quantity.OfPercentage p ? p.percentage().points() : ((Quantity.OfNumber) quantity).number();
    }

    private void tiers(TiersAttrContext tiers) {
        RateSchedule.TierBasis basis = basis(tiers.tierBasis());
        List<RateSchedule.Tier> list = new ArrayList<>();
        Money previous = null;
        boolean ok = true;
        List<TierContext> contexts = tiers.tier();
        for (int i = 0; i < contexts.size(); i++) {
            TierContext tier = contexts.get(i);
            if (tier instanceof BoundedTierContext bounded) {
                Optional<Money> limit = positiveMoney(bounded.expr(0), "tier limit");
                Optional<Percentage> rate = rate(bounded.expr(1), "tier rate");
                if (limit.isEmpty() || rate.isEmpty()) {
                    ok = false;
                    continue;
                }
                if (previous != null && (!previous.currency().equals(limit.get().currency()) || limit.get().compareTo(previous) <= 0)) {
                    scope.error(bounded.expr(0), "tier limits must rise in one currency: " + limit.get() + " follows " + previous);
                    ok = false;
                }
                previous = limit.get();
                list.add(new RateSchedule.Tier(limit, rate.get()));
            } else if (tier instanceof OpenTierContext open) {
                if (i != contexts.size() - 1) {
                    scope.error(tier, "the 'above' tier must be the last");
                    ok = false;
                }
                Optional<Percentage> rate = rate(open.expr(), "tier rate");
                if (rate.isEmpty()) ok = false;
                else list.add(new RateSchedule.Tier(Optional.empty(), rate.get()));
            }
        }
        if (ok && (list.isEmpty() || list.get(list.size() - 1).upTo().isPresent())) {
            scope.error(tiers, "tiers must end with an 'above: RATE' tier, so every amount has a rate");
            ok = false;
        }
        if (ok) draft.rate = new RateSchedule.Tiered(basis, list);
    }

    private AccountingPeriod period(PeriodSpecContext spec) {
        return switch (spec) {
            case MonthPeriodContext ignored -> AccountingPeriod.of(AccountingPeriod.Unit.MONTH);
            case QuarterPeriodContext ignored -> AccountingPeriod.of(AccountingPeriod.Unit.QUARTER);
            case HalfYearPeriodContext ignored -> AccountingPeriod.of(AccountingPeriod.Unit.HALF_YEAR);
            case WeekPeriodContext ignored -> AccountingPeriod.of(AccountingPeriod.Unit.WEEK);
            case FiscalHalfYearPeriodContext fiscal -> fiscal(AccountingPeriod.Unit.HALF_YEAR, fiscal.name());
            case YearPeriodContext ignored -> AccountingPeriod.of(AccountingPeriod.Unit.YEAR);
            case FiscalYearPeriodContext fiscal -> fiscal(AccountingPeriod.Unit.YEAR, fiscal.name());
            case FiscalQuarterPeriodContext fiscal -> fiscal(AccountingPeriod.Unit.QUARTER, fiscal.name());
            case FiscalMonthPeriodContext fiscal -> fiscal(AccountingPeriod.Unit.MONTH, fiscal.name());
            default -> null;
        };
    }

    private AccountingPeriod fiscal(AccountingPeriod.Unit unit, NameContext name) {
        String month = name.getText();
        try {
            return new AccountingPeriod(unit, Month.valueOf(month.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            scope.error(name, "'" + month + "' is not a month; write e.g. 'fiscal year starting July'");
            return null;
        }
    }

    private void rounding(RoundingAttrContext rounding) {
        String mode = rounding.name().getText();
        RoundingMode roundingMode;
        try {
            roundingMode = RoundingMode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            roundingMode = null;
        }
        if (roundingMode == null || roundingMode == RoundingMode.UNNECESSARY) {
            scope.error(rounding.name(), "unknown rounding mode '" + mode
                    + "'; use half-even, half-up, half-down, up, down, ceiling or floor");
            return;
        }
        RoundingMode chosen = roundingMode;
        wholeNumber(rounding.expr(), "rounding scale", 0, 12).ifPresent(scale -> draft.rounding = new Rounding(chosen, scale));
    }

    private Condition condition(ConditionContext condition, TermKind kind) {
        if (condition == null || condition.exception != null) return null;
        return switch (condition) {
            case NotConditionContext not -> nullSafe(condition(not.condition(), kind), Condition.Not::new);
            case AndConditionContext and -> both(condition(and.condition(0), kind), condition(and.condition(1), kind), Condition.And::new);
            case OrConditionContext or -> both(condition(or.condition(0), kind), condition(or.condition(1), kind), Condition.Or::new);
            case ParenConditionContext paren -> condition(paren.condition(), kind);
            case DeclinesConditionContext declines -> {
                if (kind != TermKind.FIRST_SHIP) {
                    scope.error(declines, "'provider declines capabilities' is the exception of a first-ship rule; a "
                            + kind.keyword() + " has no capability requests");
                    yield null;
                }
                yield new Condition.ProviderDeclines();
            }
            case DeclaredConditionContext declared -> new Condition.Declared(declared.event.getText(),
                    Optional.ofNullable(declared.by).map(ParserRuleContext::getText));
            case VerifiedConditionContext verified -> new Condition.Verified(verified.event.getText(),
                    Optional.ofNullable(verified.by).map(ParserRuleContext::getText));
            case AssumedConditionContext assumed -> yesNo(assumed.ASSUMPTION_REF().getSymbol())
                    .map(value -> new Condition.Assumed(assumed.getText().substring(1), value)).orElse(null);
            default -> null;
        };
    }

    /** The value of a yes/no assumption used as a condition or a filter, recorded as used. */
    private Optional<Boolean> yesNo(org.antlr.v4.runtime.Token ref) {
        String name = ref.getText().substring(1);
        dev.treaty.model.Assumption assumption = scope.assumption(ref, "= yes' (or no)").orElse(null);
        if (assumption == null) return Optional.empty();
        if (!(assumption.value() instanceof Quantity.OfWord word) || !word.isYesNo()) {
            scope.error(ref, "'$" + name + "' stands where a yes/no reading is needed, but it is " + assumption.value().typeName()
                    + " (" + assumption.value() + ")");
            return Optional.empty();
        }
        scope.assumptionsUsed.add(name);
        return Optional.of(word.isYes());
    }

    /** What silence means, from an assumption that is {@code support} or {@code decline}. */
    private ResponseWindow.Answer silenceAssumption(org.antlr.v4.runtime.Token ref) {
        String name = ref.getText().substring(1);
        dev.treaty.model.Assumption assumption = scope.assumption(ref, "= decline' (or support)").orElse(null);
        if (assumption == null) return null;
        if (assumption.value() instanceof Quantity.OfWord word && (word.word().equals("support") || word.word().equals("decline"))) {
            scope.assumptionsUsed.add(name);
            return word.word().equals("support") ? ResponseWindow.Answer.SUPPORT : ResponseWindow.Answer.DECLINE;
        }
        scope.error(ref, "'default' takes support or decline; '$" + name + "' is " + assumption.value().typeName()
                + " (" + assumption.value() + ")");
        return null;
    }

    private static Condition nullSafe(Condition operand, java.util.function.Function<Condition, Condition> wrap) {
        return operand == null ? null : wrap.apply(operand);
    }

    private static Condition both(Condition left, Condition right, java.util.function.BinaryOperator<Condition> join) {
        return left == null || right == null ? null : join.apply(left, right);
    }

    private Filter filter(FilterContext filter) {
        if (filter == null || filter.exception != null) return null;
        return switch (filter) {
            case NotFilterContext not -> {
                Filter operand = filter(not.filter());
                yield operand == null ? null : new Filter.Not(operand);
            }
            case AndFilterContext and -> {
                Filter left = filter(and.filter(0));
                Filter right = filter(and.filter(1));
                yield left == null || right == null ? null : new Filter.And(left, right);
            }
            case OrFilterContext or -> {
                Filter left = filter(or.filter(0));
                Filter right = filter(or.filter(1));
                yield left == null || right == null ? null : new Filter.Or(left, right);
            }
            case ParenFilterContext paren -> filter(paren.filter());
            case InFilterContext in -> field(in.field, names(in.nameList()), false);
            case NotInFilterContext notIn -> field(notIn.field, names(notIn.nameList()), true);
            case EqFilterContext eq -> field(eq.field, new TreeSet<>(Set.of(eq.name(1).getText())), false);
            case NeqFilterContext neq -> field(neq.field, new TreeSet<>(Set.of(neq.name(1).getText())), true);
            case AssumedFilterContext assumed -> yesNo(assumed.ASSUMPTION_REF().getSymbol())
                    .map(value -> (Filter) new Filter.Assumed(assumed.getText().substring(1), value)).orElse(null);
            default -> null;
        };
    }

    private Filter field(NameContext field, SortedSet<String> values, boolean negated) {
        String name = field.getText();
        if (!Filter.FIELDS.contains(name)) {
            scope.error(field, "unknown field '" + name + "'; filters test " + String.join(", ", new TreeSet<>(Filter.FIELDS)));
            return null;
        }
        return new Filter.In(name, values, negated);
    }

    private SortedSet<String> names(NameListContext list) {
        SortedSet<String> names = new TreeSet<>();
        if (list == null) return names;
        for (NameContext name : list.name()) {
            if (!names.add(name.getText())) scope.warning(name, "'" + name.getText() + "' is listed twice");
        }
        return names;
    }

    // Typed values ---------------------------------------------------------------------------

    private Optional<Quantity> value(TreatyParser.ExprContext expr) {
        return Expressions.evaluate(expr, scope);
    }

    private Optional<LocalDate> date(TreatyParser.ExprContext expr, String what) {
        return value(expr).flatMap(v -> {
            if (v instanceof Quantity.OfDate d) return Optional.of(d.date());
            scope.error(expr, "'" + what + "' takes a date, not " + v.typeName() + " (" + v + ")");
            return Optional.empty();
        });
    }

    private Optional<Percentage> rate(TreatyParser.ExprContext expr, String what) {
        return value(expr).flatMap(v -> {
            if (!(v instanceof Quantity.OfPercentage p)) {
                scope.error(expr, "'" + what + "' takes a percentage such as 20%, not " + v.typeName() + " (" + v + ")");
                return Optional.empty();
            }
            if (p.percentage().isOverHundred()) {
                scope.error(expr, what + " " + p.percentage() + " is over 100%");
                return Optional.empty();
            }
            if (p.percentage().isNegative()) {
                scope.error(expr, what + " " + p.percentage() + " is negative");
                return Optional.empty();
            }
            return Optional.of(p.percentage());
        });
    }

    private Optional<Money> positiveMoney(TreatyParser.ExprContext expr, String what) {
        return value(expr).flatMap(v -> {
            if (!(v instanceof Quantity.OfMoney m)) {
                scope.error(expr, "'" + what + "' takes an amount of money such as USD 1000, not " + v.typeName() + " (" + v + ")");
                return Optional.empty();
            }
            if (m.money().isNegative()) {
                scope.error(expr, what + " " + m.money() + " is negative");
                return Optional.empty();
            }
            return Optional.of(m.money());
        });
    }

    private Optional<Period> duration(TreatyParser.ExprContext expr, String what) {
        return value(expr).flatMap(v -> {
            if (v instanceof Quantity.OfDuration d) return Optional.of(d.period());
            scope.error(expr, "'" + what + "' takes a duration such as 30 days, not " + v.typeName() + " (" + v + ")");
            return Optional.empty();
        });
    }

    private Optional<Integer> wholeNumber(TreatyParser.ExprContext expr, String what, int min, int max) {
        return value(expr).flatMap(v -> {
            if (v instanceof Quantity.OfNumber n && n.number().stripTrailingZeros().scale() <= 0
                    && n.number().compareTo(BigDecimal.valueOf(min)) >= 0 && n.number().compareTo(BigDecimal.valueOf(max)) <= 0) {
                return Optional.of(n.number().intValueExact());
            }
            scope.error(expr, "'" + what + "' takes a whole number from " + min + " to " + max + ", not " + v);
            return Optional.empty();
        });
    }

    static String unquote(org.antlr.v4.runtime.Token string) {
        if (string == null) return "";
        String text = string.getText();
        return text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
