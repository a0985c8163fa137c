package dev.treaty.model.build;

import dev.treaty.model.term.TermKind;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each kind of term takes, for tools that help write agreements (the editor's completion):
 * the same lists the builder checks against, so a suggestion is never refused by {@code treaty check}.
 */
public final class Vocabulary {

    /** How each attribute is written, in the reference's notation (docs/language.md). */
    private static final Map<String, String> SHAPES = Map.ofEntries(
            Map.entry("from", "from DATE [through DATE]"), Map.entry("through", "through DATE"),
            Map.entry("until", "until CONDITION"), Map.entry("unless", "unless CONDITION"),
            Map.entry("after", "after CONDITION"), Map.entry("if", "if CONDITION"),
            Map.entry("payer", "payer PARTY"), Map.entry("payee", "payee PARTY"), Map.entry("licensor", "licensor PARTY"),
            Map.entry("licensee", "licensee PARTY"), Map.entry("owner", "owner PARTY"), Map.entry("provider", "provider PARTY"),
            Map.entry("holder", "holder PARTY"), Map.entry("grantor", "grantor PARTY"), Map.entry("issuer", "issuer PARTY"),
            Map.entry("purchaser", "purchaser PARTY"),
            Map.entry("rate", "rate PERCENT | rate MONEY per UNIT by METRIC | rate MONEY per day | rate by METRIC { BANDS }"),
            Map.entry("tiers", "tiers cumulative|per period|per year|per contract year { up to MONEY: PERCENT … above: PERCENT }"),
            Map.entry("bands", "bands cumulative|per period|per year|per contract year { from|over N [to|below N]: PERCENT … }"),
            Map.entry("period", "period month|quarter|half-year|year|week|fiscal year starting MONTH"),
            Map.entry("due", "due DURATION after period end | due DURATION after EVENT declared"),
            Map.entry("base", "base FILTER"),
            Map.entry("cap total", "cap total MONEY [counting payments since DATE]"),
            Map.entry("cap per period", "cap per period MONEY"), Map.entry("cap per year", "cap per year MONEY"),
            Map.entry("cap over", "cap MONEY over the last DURATION"),
            Map.entry("minimum", "minimum MONEY per period"), Map.entry("minimum per year", "minimum MONEY per [contract] year"),
            Map.entry("advance", "advance MONEY [recoupable|non-recoupable]"),
            Map.entry("escalation", "escalation PERCENT per contract year"),
            Map.entry("instalments", "instalments NUMBER monthly|quarterly|yearly"),
            Map.entry("currency", "currency CODE"), Map.entry("paid in", "paid in CODE at DAY rate"),
            Map.entry("rounding", "rounding half-even|half-up|down|up to PLACES"),
            Map.entry("covers", "covers NAME | [NAME, …]"), Map.entry("excludes", "excludes NAME | [NAME, …]"),
            Map.entry("exclusive", "exclusive [if CONDITION] [until CONDITION]"), Map.entry("non-exclusive", "non-exclusive"),
            Map.entry("subjects", "subjects released through DATE"),
            Map.entry("cloud", "cloud CLOUD"), Map.entry("clouds", "clouds any | [CLOUD, …]"),
            Map.entry("products", "products all | FILTER"), Map.entry("segments", "segments [NAME, …]"),
            Map.entry("except", "except FILTER"), Map.entry("exception to", "exception to TERM"),
            Map.entry("withdraws existing releases", "withdraws existing releases"),
            Map.entry("response", "response within DURATION default support|decline|$ASSUMPTION"),
            Map.entry("subject", "subject NAME"),
            Map.entry("percentage", "percentage PERCENT [as-converted [diluted]]"), Map.entry("valued", "valued MONEY"),
            Map.entry("amount", "amount MONEY | FORMULA"), Map.entry("deadline", "deadline DATE"),
            Map.entry("price", "price MONEY"), Map.entry("interest", "interest PERCENT per year"),
            Map.entry("termination", "termination after DURATION"));

    private Vocabulary() {
    }

    /** The attributes a kind of term takes, in alphabetical order ("cap total", "rate", …). */
    public static Set<String> attributes(TermKind kind) {
        return TermBuilder.allowed(kind);
    }

    /** Whether {@code kind} must state {@code attribute} (or one of its alternatives). */
    public static boolean isRequired(TermKind kind, String attribute) {
        return TermBuilder.required(kind).stream().anyMatch(r -> List.of(r.split("\\|")).contains(attribute));
    }

    /** How an attribute is written, e.g. {@code "cap total MONEY [counting payments since DATE]"}. */
    public static String shape(String attribute) {
        return SHAPES.getOrDefault(attribute, attribute);
    }

    /** The words that start an attribute in a block: "cap over" is written {@code cap MONEY over the last …}, so it starts "cap". */
    public static String keyword(String attribute) {
        return attribute.equals("cap over") ? "cap" : attribute.equals("minimum per year") ? "minimum" : attribute;
    }
}
