package dev.treaty.evaluator.decide;

import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small agreement written to reach every path of the decisions — carve-outs, exclusivity that
 * ends on an event, first-ship rules with and without a response window and either default,
 * answers before and after deadlines, requests made before the rule existed, releases made before
 * a rule (kept or withdrawn), exceptions, licences with exclusions, exclusive-if readings and
 * subject dates, a right of first refusal, a stake through issuances and valuations, a commitment
 * drawn down — and every question that cannot be answered. Verdicts and explanations are kept in
 * {@code src/test/resources/golden/decision-cases.txt} (regenerate with
 * {@code -Dtreaty.updateGolden=true} and review the diff); each silent decision must give the same
 * verdict as the explained one.
 */
class DecisionCasesGoldenTest {

    private static final String AGREEMENT = """
            # Cases

            ```treaty
            agreement c
            party Owner
            party Cloud
            party Other
            cloud home
            cloud away
            cloud far
            kind service
            kind api is service
            kind device
            kind gadget
            signed 2020-01-01
            effective 2020-01-01
            ```

            ## 1 Release rules

            ```treaty
            event freedom {
              declared by Owner
              verified by panel
            }

            event audit-passed {
              verified by panel
            }

            cloud-exclusivity api-at-home {
              owner Owner
              provider Cloud
              cloud home
              products kind = api
              except segment = public-sector
              until freedom verified
            }

            first-ship home-first {
              owner Owner
              provider Cloud
              cloud home
              products kind = service and not kind = api
              unless provider declines capabilities
              response within 10 days default decline
            }

            first-ship home-first-for-devices {
              owner Owner
              provider Cloud
              cloud home
              products kind = device
              unless provider declines capabilities
              response within 5 days default support
            }

            first-ship gadgets-home-first {
              owner Owner
              provider Cloud
              cloud home
              products kind = gadget
            }

            first-ship special-home-first {
              owner Owner
              provider Cloud
              cloud home
              products product = special-gadget
              unless provider declines capabilities
            }

            release-permission partners-away {
              owner Owner
              products kind = gadget
              clouds [away]
              segments [partners]
            }

            release-permission far-for-research {
              owner Owner
              products kind = api
              clouds [far]
              segments [research]
              exception to api-at-home
            }
            ```

            ## 2 Licences

            ```treaty
            licence models {
              licensor Owner
              licensee Cloud
              covers [models, products]
              excludes [device]
              exclusive until freedom declared
              through 2030-12-31
            }

            licence research {
              licensor Owner
              licensee Cloud
              covers [research]
              exclusive if $research-exclusive
              subjects released through 2022-12-31
              through 2030-12-31
            }

            licence data-unless-freedom {
              licensor Owner
              licensee Other
              covers [data]
              non-exclusive
              unless freedom declared
            }

            licence code-after-freedom {
              licensor Owner
              licensee Other
              covers [code]
              non-exclusive
              after freedom verified
            }

            licence docs-if {
              licensor Owner
              licensee Other
              covers [docs]
              non-exclusive
              if not freedom declared and (freedom verified or $research-exclusive)
            }
            ```

            ## 3 Right of first refusal

            ```treaty
            right-of-first-refusal capacity {
              holder Cloud
              grantor Owner
              subject capacity
              response within 15 days default decline
              through 2025-12-31
            }
            ```

            ## 4 Stake and commitment

            ```treaty
            stake cloud-stake {
              holder Cloud
              issuer Owner
              percentage 40% as-converted
              valued USD 1 billion
            }

            purchase-commitment spend {
              purchaser Owner
              provider Cloud
              amount USD 100 million
              from 2020-01-01
              through 2024-12-31
            }

            purchase-commitment open-start {
              purchaser Owner
              provider Other
              amount USD 5 million
              through 2030-12-31
            }
            ```
            """;

    private static final String ASSUMPTIONS = """
            # Readings

            ```treaty
            assumptions for c
            assume research-exclusive = yes "a reading"
            ```
            """;

    /** Signed 2023-06-01: everything goes back home from 2023-07-01, releases made before included. */
    private static final String RECALL = """
            # Recall

            ```treaty
            amendment recall amends c
            cloud later
            signed 2023-06-01
            effective 2023-07-01
            ```

            ## 5 Recall

            ```treaty
            add

            cloud-exclusivity all-home {
              owner Owner
              provider Cloud
              cloud home
              products kind = device
              withdraws existing releases
            }
            ```
            """;

    private static final String[] EVENTS = {
            "{'id':'p-api','type':'product','on':'2020-02-01','name':'an-api','owner':'Owner','kind':'api'}",
            "{'id':'p-svc','type':'product','on':'2020-02-01','name':'a-service','owner':'Owner','kind':'service'}",
            "{'id':'p-svc2','type':'product','on':'2020-02-01','name':'late-service','owner':'Owner','kind':'service'}",
            "{'id':'p-svc3','type':'product','on':'2020-02-01','name':'supported-service','owner':'Owner','kind':'service'}",
            "{'id':'p-dev','type':'product','on':'2020-02-01','name':'a-device','owner':'Owner','kind':'device'}",
            "{'id':'p-dev2','type':'product','on':'2019-11-01','name':'old-device','owner':'Owner','kind':'device'}",
            "{'id':'p-new','type':'product','on':'2023-05-01','name':'new-api','owner':'Owner','kind':'api'}",
            "{'id':'p-theirs','type':'product','on':'2020-02-01','name':'theirs','owner':'Cloud','kind':'api'}",
            "{'id':'p-gad','type':'product','on':'2020-02-01','name':'a-gadget','owner':'Owner','kind':'gadget'}",
            "{'id':'p-sgad','type':'product','on':'2020-02-01','name':'special-gadget','owner':'Owner','kind':'device'}",
            "{'id':'p-quiet','type':'product','on':'2020-02-01','name':'quiet-service','owner':'Owner','kind':'service'}",
            "{'id':'q-sgad','type':'capability-request','on':'2021-03-01','product':'special-gadget','capabilities':['x'],'to':'Cloud'}",
            "{'id':'q-quiet','type':'capability-request','on':'2021-03-01','product':'quiet-service','capabilities':['y'],'to':'Cloud'}",
            // a decline by a party the request was not made to is no answer from the provider
            "{'id':'a-quiet-other','type':'capability-response','on':'2021-03-02','request':'q-quiet','answer':'decline','by':'Other'}",
            "{'id':'r-edge','type':'release','on':'2021-01-05','product':'a-service','cloud':'edge'}",
            "{'id':'r-dev2','type':'release','on':'2019-12-15','product':'old-device','cloud':'away'}",
            "{'id':'r-dev-early','type':'release','on':'2020-03-01','product':'a-device','cloud':'far'}",
            "{'id':'r-svc-home','type':'release','on':'2021-01-10','product':'late-service','cloud':'home'}",
            "{'id':'q-svc','type':'capability-request','on':'2021-03-01','product':'a-service','capabilities':['gpu'],'to':'Cloud'}",
            "{'id':'a-svc','type':'capability-response','on':'2021-03-05','request':'q-svc','answer':'decline','by':'Cloud'}",
            "{'id':'q-svc3','type':'capability-request','on':'2021-03-01','product':'supported-service','capabilities':['gpu','disk'],'to':'Cloud'}",
            "{'id':'a-svc3','type':'capability-response','on':'2021-03-02','request':'q-svc3','answer':'support','by':'Cloud'}",
            "{'id':'q-dev','type':'capability-request','on':'2021-04-01','product':'a-device','capabilities':['radio'],'to':'Cloud'}",
            "{'id':'q-other','type':'capability-request','on':'2021-04-01','product':'a-device','capabilities':['radio'],'to':'Other'}",
            "{'id':'o-1','type':'offer','on':'2021-05-01','subject':'capacity','by':'Owner','to':'Cloud','provider':'rival'}",
            "{'id':'o-1a','type':'offer-response','on':'2021-05-10','offer':'o-1','answer':'decline','by':'Cloud'}",
            "{'id':'o-2','type':'offer','on':'2021-06-01','subject':'capacity','by':'Owner','to':'Cloud','provider':'second'}",
            "{'id':'o-3','type':'offer','on':'2021-07-01','subject':'capacity','by':'Owner','to':'Cloud','provider':'third'}",
            "{'id':'o-3a','type':'offer-response','on':'2021-07-05','offer':'o-3','answer':'exercise','by':'Cloud'}",
            "{'id':'v-1','type':'valuation','on':'2021-01-01','issuer':'Owner','amount':'2000000000','currency':'USD'}",
            "{'id':'i-1','type':'issuance','on':'2022-01-01','issuer':'Owner','dilution':'10%'}",
            "{'id':'s-1','type':'spend','on':'2021-06-30','purchaser':'Owner','provider':'Cloud','amount':'30000000','currency':'USD'}",
            "{'id':'s-2','type':'spend','on':'2022-06-30','purchaser':'Owner','provider':'Cloud','amount':'20000000','currency':'USD'}",
            "{'id':'o-other','type':'offer','on':'2021-06-02','subject':'capacity','by':'Other','to':'Cloud','provider':'x'}",
            "{'id':'o-to-other','type':'offer','on':'2021-06-02','subject':'capacity','by':'Owner','to':'Other','provider':'x'}",
            "{'id':'o-desks','type':'offer','on':'2021-06-02','subject':'desks','by':'Owner','to':'Cloud','provider':'x'}",
            "{'id':'i-other','type':'issuance','on':'2022-03-01','issuer':'Other','dilution':'50%'}",
            "{'id':'v-other','type':'valuation','on':'2022-03-01','issuer':'Other','amount':'9000000000','currency':'USD'}",
            "{'id':'s-other','type':'spend','on':'2022-07-01','purchaser':'Other','provider':'Cloud','amount':'1000000','currency':'USD'}",
            "{'id':'s-elsewhere','type':'spend','on':'2022-07-01','purchaser':'Owner','provider':'Other','amount':'1000000','currency':'USD'}",
            "{'id':'s-euro','type':'spend','on':'2022-07-01','purchaser':'Owner','provider':'Cloud','amount':'1000000','currency':'EUR'}",
            "{'id':'s-big','type':'spend','on':'2024-06-30','purchaser':'Owner','provider':'Cloud','amount':'80000000','currency':'USD'}",
            "{'id':'v-audit','type':'verification','on':'2021-01-01','event':'audit-passed','by':'panel'}",
            "{'id':'d-wrong','type':'declaration','on':'2022-01-01','event':'freedom','by':'Cloud'}",
            "{'id':'d-freedom','type':'declaration','on':'2024-01-01','event':'freedom','by':'Owner'}",
            "{'id':'v-freedom','type':'verification','on':'2024-03-01','event':'freedom','by':'panel'}",
    };

    /**
     * A second agreement for the paths the first cannot reach without changing its answers: one
     * denial lifted by its exception while another stands (the exception is no conflict with the
     * denial that stands, so none is reported); a version with no release rules at all; a right of first refusal kept by one
     * amendment, struck by the next, and still reported as struck by that one after a third.
     */
    private static final String SECOND = """
            # Second

            ```treaty
            agreement d
            party Owner
            party Cloud
            cloud home
            cloud far
            cloud quiet
            kind api
            signed 2020-01-01
            effective 2020-01-01
            ```

            ## 1 Release rules

            ```treaty
            cloud-exclusivity api-home {
              owner Owner
              provider Cloud
              cloud home
              products kind = api
            }

            first-ship api-first {
              owner Owner
              provider Cloud
              cloud home
              products kind = api
            }

            release-permission far-for-research {
              owner Owner
              products kind = api
              clouds [far]
              segments [research]
              exception to api-home
            }
            ```

            ## 2 First refusal

            ```treaty
            right-of-first-refusal capacity {
              holder Cloud
              grantor Owner
              subject capacity
              response within 15 days default decline
            }
            ```
            """;

    private static final String[] SECOND_AMENDMENTS = {"""
            # Keep

            ```treaty
            amendment d-keep amends d
            signed 2021-01-01
            effective 2021-01-01
            ```

            ## 3 Notices

            ```treaty
            add
            ```
            """, """
            # Drop

            ```treaty
            amendment d-drop amends d
            signed 2022-01-01
            effective 2022-01-01
            ```

            ## 1 Release rules

            ```treaty
            strike
            ```

            ## 2 First refusal

            ```treaty
            strike
            ```
            """, """
            # Later

            ```treaty
            amendment d-later amends d
            signed 2023-01-01
            effective 2023-01-01
            ```

            ## 4 Audit

            ```treaty
            add

            licence audit-data {
              licensor Owner
              licensee Cloud
              covers [audit-data]
              non-exclusive
            }
            ```
            """};

    private static final AgreementFolder.Loaded LOADED;
    private static final AgreementHistory.AsKnown KNOWN;
    private static final Facts FACTS;
    private static final AgreementHistory.AsKnown SECOND_KNOWN;
    private static final Facts SECOND_FACTS;

    static {
        Map<Path, String> texts = new LinkedHashMap<>();
        texts.put(Path.of("c.treaty.md"), AGREEMENT);
        texts.put(Path.of("assumptions.treaty.md"), ASSUMPTIONS);
        texts.put(Path.of("recall.treaty.md"), RECALL);
        LOADED = AgreementFolder.loadTexts(texts, Map.of());
        assertThat(LOADED.diagnostics()).as("fixture").noneMatch(d -> d.isError());
        KNOWN = LOADED.histories().get(0).asKnown(LocalDate.MAX);
        List<EventReader.Text> lines = new ArrayList<>();
        for (int i = 0; i < EVENTS.length; i++) {
            lines.add(new EventReader.Text(new FactSource(Path.of("e.jsonl"), i + 1), EVENTS[i].replace('\'', '"')));
        }
        EventReader.Result read = EventReader.parse(lines);
        assertThat(read.errors()).as("facts").isEmpty();
        FACTS = new Facts(read.facts());

        Map<Path, String> second = new LinkedHashMap<>();
        second.put(Path.of("d.treaty.md"), SECOND);
        for (int i = 0; i < SECOND_AMENDMENTS.length; i++) second.put(Path.of("d" + i + ".treaty.md"), SECOND_AMENDMENTS[i]);
        AgreementFolder.Loaded secondLoaded = AgreementFolder.loadTexts(second, Map.of());
        assertThat(secondLoaded.diagnostics()).as("second fixture").noneMatch(d -> d.isError());
        SECOND_KNOWN = secondLoaded.histories().get(0).asKnown(LocalDate.MAX);
        EventReader.Result secondRead = EventReader.parse(List.of(new EventReader.Text(new FactSource(Path.of("d.jsonl"), 1),
                "{\"id\":\"p-api\",\"type\":\"product\",\"on\":\"2020-02-01\",\"name\":\"an-api\",\"owner\":\"Owner\",\"kind\":\"api\"}")));
        assertThat(secondRead.errors()).as("second facts").isEmpty();
        SECOND_FACTS = new Facts(secondRead.facts());
    }

    private final StringBuilder out = new StringBuilder();

    private void ask(String question, Supplier<Decision> explained, Supplier<Decision> silent) {
        out.append("\n# ").append(question).append('\n');
        try {
            Decision decision = explained.get();
            out.append(ExplanationText.render(decision.why()));
            // an explained licence verdict adds the licence's end ("LICENSED (exclusive, through …)")
            assertThat(silent.get().verdict()).as(question).isEqualTo(decision.verdict().replaceFirst(", [^)]*\\)$", ")"));
            assertThat(silent.get().yes()).as(question).isEqualTo(decision.yes());
        } catch (UnanswerableQuestion e) {
            out.append("UNANSWERABLE: ").append(e.getMessage()).append('\n');
        }
    }

    private void gate(String product, String cloud, String segment, String on) {
        ReleaseGate.Question question = new ReleaseGate.Question(product, cloud, Optional.ofNullable(segment), LocalDate.parse(on));
        ask("gate " + product + " on " + cloud + (segment == null ? "" : " for " + segment) + " on " + on,
                () -> ReleaseGate.decide(KNOWN, FACTS, question), () -> ReleaseGate.decide(KNOWN, FACTS, question, Explainer.SILENT));
    }

    private void licence(String licensee, String ipClass, String subject, String on) {
        LicenceCheck.Question question = new LicenceCheck.Question(licensee, ipClass, Optional.ofNullable(subject), LocalDate.parse(on));
        ask("licence " + licensee + " " + ipClass + (subject == null ? "" : " (" + subject + ")") + " on " + on,
                () -> LicenceCheck.decide(KNOWN, FACTS, question), () -> LicenceCheck.decide(KNOWN, FACTS, question, Explainer.SILENT));
    }

    private void buy(String seller, String subject, String on) {
        FirstRefusal.Question question = new FirstRefusal.Question("Owner", subject, seller, LocalDate.parse(on));
        ask("buy " + subject + " from " + seller + " on " + on,
                () -> FirstRefusal.decide(KNOWN, FACTS, question), () -> FirstRefusal.decide(KNOWN, FACTS, question, Explainer.SILENT));
    }

    @Test
    void everyPathOfEveryDecision() throws IOException {
        // cloud exclusivity: its carve-out, its permission, its end on an event
        gate("an-api", "home", null, "2021-01-01");
        gate("an-api", "away", null, "2021-01-01");
        gate("an-api", "away", "public-sector", "2021-01-01");
        gate("an-api", "far", "research", "2021-01-01");
        gate("an-api", "far", null, "2021-01-01");
        gate("an-api", "away", null, "2024-02-01");
        gate("an-api", "away", null, "2024-03-01");
        // first-ship with a window and silence as decline: before the request, awaiting, answered, past the window
        gate("a-service", "away", null, "2021-02-01");
        gate("a-service", "away", null, "2021-03-03");
        gate("a-service", "away", null, "2021-03-05");
        gate("supported-service", "away", null, "2021-03-10");
        gate("late-service", "away", null, "2021-01-09");
        gate("late-service", "away", null, "2021-01-10");
        // first-ship with silence as support: awaiting, then past the window; a request to another party counts for nothing
        gate("a-device", "away", null, "2021-04-03");
        gate("a-device", "away", null, "2021-04-07");
        // a release made before a rule stays made, unless the rule withdraws existing releases
        gate("old-device", "away", null, "2021-01-01");
        gate("old-device", "away", null, "2023-06-30");
        gate("old-device", "away", null, "2023-07-01");
        gate("a-device", "home", null, "2023-07-01");
        gate("a-device", "far", null, "2021-01-01");
        // first-ship without an exception; with one but no response window; silence past the window counting as decline
        gate("a-gadget", "away", null, "2021-01-01");
        gate("special-gadget", "away", null, "2021-04-01");
        gate("quiet-service", "away", null, "2021-03-11");
        gate("quiet-service", "away", null, "2021-03-12");
        // a permission that is no exception to the rule that denies: the conflict is said, the denial stands
        gate("a-gadget", "away", "partners", "2021-02-01");
        // a cloud no version declares, known from a release on it; a cloud only a later version declares
        gate("a-service", "edge", null, "2021-02-01");
        gate("an-api", "later", null, "2021-01-01");
        // questions that cannot be answered
        gate("an-api", "nowhere", null, "2021-01-01");
        gate("theirs", "away", null, "2021-01-01");
        gate("missing", "away", null, "2021-01-01");
        gate("an-api", "away", null, "2019-06-01");

        licence("Cloud", "models", null, "2021-01-01");
        licence("Cloud", "models", null, "2024-01-01");
        licence("Cloud", "products", "a-device", "2021-01-01");
        licence("Cloud", "device", null, "2021-01-01");
        licence("Cloud", "research", "an-api", "2021-01-01");
        licence("Cloud", "research", "new-api", "2024-01-01");
        licence("Cloud", "models", null, "2031-01-01");
        licence("Owner", "models", null, "2021-01-01");
        licence("Other", "models", null, "2021-01-01");
        licence("Cloud", "widgets", null, "2021-01-01");
        licence("Cloud", "models", "missing", "2021-01-01");
        licence("Cloud", "models", null, "2019-01-01");
        // conditions: unless, after and if, with not, and and or; a declaration by the wrong party counts for nothing
        licence("Other", "data", null, "2023-01-01");
        licence("Other", "data", null, "2024-01-01");
        licence("Other", "code", null, "2024-02-01");
        licence("Other", "code", null, "2024-03-01");
        licence("Other", "docs", null, "2023-01-01");
        licence("Other", "docs", null, "2024-01-01");

        buy("rival", "capacity", "2021-04-30");
        buy("rival", "capacity", "2021-05-10");
        buy("second", "capacity", "2021-06-10");
        buy("second", "capacity", "2021-06-17");
        buy("third", "capacity", "2021-07-10");
        buy("rival", "capacity", "2026-01-01");
        buy("rival", "office-space", "2021-05-10");
        buy("rival", "capacity", "2019-01-01");

        for (String on : List.of("2020-06-01", "2021-06-01", "2022-06-01", "2024-12-31", "2025-06-01")) {
            ConsolidatedAgreement version = KNOWN.versionOn(LocalDate.parse(on)).orElseThrow();
            out.append("\n# stake of Cloud on ").append(on).append('\n');
            out.append(Holdings.stake(version, FACTS, "Cloud", LocalDate.parse(on)).map(s -> s.percentage() + s.value()
                    .map(v -> ", worth " + v).orElse("") + "\n" + ExplanationText.render(s.why())).orElse("none\n"));
            out.append("# stake of Other on ").append(on).append(": ")
                    .append(Holdings.stake(version, FACTS, "Other", LocalDate.parse(on)).isPresent() ? "some" : "none").append('\n');
            out.append("# commitments on ").append(on).append('\n');
            for (Holdings.CommitmentPosition c : Holdings.commitments(version, FACTS, LocalDate.parse(on))) {
                out.append("committed ").append(c.committed()).append(", drawn ").append(c.drawn()).append(", remaining ")
                        .append(c.remaining()).append(", days left ").append(c.daysLeft()).append(", shortfall if no more spend ")
                        .append(c.shortfallIfNoMoreSpend()).append(c.projectedShortfall().map(s -> ", projected " + s).orElse(""))
                        .append('\n').append(ExplanationText.render(c.why()));
            }
            out.append("# open offers on ").append(on).append('\n');
            for (FirstRefusal.OpenOffer offer : FirstRefusal.openOffers(KNOWN, FACTS, LocalDate.parse(on))) {
                out.append(offer.offer().meta().id()).append(", answer by ").append(offer.deadline()).append(", silence: ")
                        .append(FirstRefusal.silenceMeans(offer.onSilence())).append('\n');
            }
        }
        for (String on : List.of("2021-06-05", "2021-06-20")) {
            out.append("# open offers on ").append(on).append('\n');
            for (FirstRefusal.OpenOffer offer : FirstRefusal.openOffers(KNOWN, FACTS, LocalDate.parse(on))) {
                out.append(offer.offer().meta().id()).append(", answer by ").append(offer.deadline()).append(", silence: ")
                        .append(FirstRefusal.silenceMeans(offer.onSilence())).append('\n');
            }
        }

        out.append("\n## the second agreement\n");
        for (String[] q : new String[][]{{"far", "research", "2020-06-01"}, {"far", null, "2020-06-01"}, {"quiet", null, "2022-06-01"}, {"quiet", null, "2023-06-01"}}) {
            ReleaseGate.Question question = new ReleaseGate.Question("an-api", q[0], Optional.ofNullable(q[1]), LocalDate.parse(q[2]));
            ask("gate an-api on " + q[0] + (q[1] == null ? "" : " for " + q[1]) + " on " + q[2],
                    () -> ReleaseGate.decide(SECOND_KNOWN, SECOND_FACTS, question),
                    () -> ReleaseGate.decide(SECOND_KNOWN, SECOND_FACTS, question, Explainer.SILENT));
        }
        for (String on : List.of("2021-06-01", "2022-06-01", "2023-06-01")) {
            FirstRefusal.Question question = new FirstRefusal.Question("Owner", "capacity", "rival", LocalDate.parse(on));
            ask("buy capacity from rival on " + on, () -> FirstRefusal.decide(SECOND_KNOWN, SECOND_FACTS, question),
                    () -> FirstRefusal.decide(SECOND_KNOWN, SECOND_FACTS, question, Explainer.SILENT));
        }

        Path golden = Path.of("src/test/resources/golden/decision-cases.txt");
        if (Boolean.getBoolean("treaty.updateGolden")) {
            Files.writeString(golden, out.toString());
            return;
        }
        assertThat(out.toString()).isEqualTo(Files.readString(golden));
    }
}
