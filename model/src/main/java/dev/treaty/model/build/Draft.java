package dev.treaty.model.build;

import dev.treaty.model.term.AccountingPeriod;
import dev.treaty.model.term.Condition;
import dev.treaty.model.term.Filter;
import dev.treaty.model.term.PaymentTerms;
import dev.treaty.model.term.RateSchedule;
import dev.treaty.model.term.ResponseWindow;
import dev.treaty.model.term.RevenueShare;
import dev.treaty.model.term.Rounding;
import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;

import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/** The values of one term's attributes as they are read, before the term is checked and built. */
final class Draft {
    final Map<String, String> roles = new HashMap<>();
    RateSchedule rate;
    Filter base;
    Filter products;
    AccountingPeriod period;
    LocalDate from;
    LocalDate through;
    RevenueShare.TotalCap totalCap;
    Money periodCap;
    Money yearCap;
    dev.treaty.model.term.RevenueShare.YearMinimum yearMinimum;
    dev.treaty.model.term.RevenueShare.RollingCap rollingCap;
    Money minimum;
    RevenueShare.Advance advance;
    Percentage escalation;
    Integer dueDays;
    PaymentTerms.Instalments instalments;
    Currency currency;
    Rounding rounding;
    SortedSet<String> covers;
    SortedSet<String> excludes;
    Boolean exclusive;
    Optional<Condition> exclusiveIf = Optional.empty();
    Optional<Condition> exclusiveUntil = Optional.empty();
    LocalDate subjectsReleasedThrough;
    String cloud;
    SortedSet<String> clouds;       // empty set: any cloud
    SortedSet<String> segments;
    Filter except;
    String exceptionTo;
    Condition until;
    Condition unless;
    Condition after;
    Condition onlyIf;
    boolean withdrawsExisting;
    ResponseWindow response;
    Percentage percentage;
    String basis = "";
    Money valued;
    Money amount;
    String subject;
    LocalDate deadline;
    Money perDay;
    Money price;
    Percentage interest;
    Percentage capShare;
    java.time.Period termination;
    String dueAfter;
    RevenueShare.PaidIn paidIn;
    dev.treaty.model.term.Formula formula;
    org.antlr.v4.runtime.ParserRuleContext formulaAt;
}
