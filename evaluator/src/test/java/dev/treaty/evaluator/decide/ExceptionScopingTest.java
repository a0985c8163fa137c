package dev.treaty.evaluator.decide;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exceptions are scoped: a release permission lifts the denial of the rule it names and no other,
 * and a licence's exclusivity ends on its own condition, not on another licence's. A verdict table
 * over two denying rules (a cloud exclusivity for API products and a first-ship rule for all),
 * permissions that are exceptions to one each, and one that is an exception to neither. (A
 * permission that contradicts a cloud exclusivity without naming it is refused when the agreement
 * is loaded; one that overlaps a first-ship rule is decided here.)
 */
class ExceptionScopingTest {

    private static final AgreementFolder.Loaded AGREEMENT = Fixtures.loadText("""
            # Scoping

            ```treaty
            agreement s
            party Owner
            party Cloud
            party Holder
            cloud azure
            cloud aws
            cloud gcp
            kind api
            kind app
            signed 2020-01-01
            effective 2020-01-01
            ```

            ## 1 Release rules

            ```treaty
            cloud-exclusivity api-on-azure {
              owner Owner
              provider Cloud
              cloud azure
              products kind = api
            }

            first-ship first-on-azure {
              owner Owner
              provider Cloud
              cloud azure
              products all
            }

            release-permission gov-api {
              owner Owner
              products kind = api
              clouds any
              segments [gov]
              exception to api-on-azure
            }

            release-permission edu-apps {
              owner Owner
              products kind = app
              clouds any
              segments [edu]
              exception to first-on-azure
            }

            release-permission apps-on-gcp {
              owner Owner
              products kind = app
              clouds [gcp]
            }
            ```

            ## 2 Licences

            ```treaty
            event model-milestone {
              declared by Owner
            }

            event research-milestone {
              declared by Owner
            }

            licence models {
              licensor Owner
              licensee Holder
              covers [models]
              exclusive until model-milestone declared
            }

            licence research {
              licensor Owner
              licensee Holder
              covers [research]
              exclusive until research-milestone declared
            }
            ```
            """);

    private static final AgreementHistory.AsKnown VERSIONS = AGREEMENT.histories().get(0).asKnown(LocalDate.MAX);

    private static Facts facts(String... lines) {
        List<EventReader.Text> texts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) texts.add(new EventReader.Text(new FactSource(Path.of("e.jsonl"), i + 1), lines[i]));
        EventReader.Result read = EventReader.parse(texts);
        assertThat(read.errors()).isEmpty();
        return new Facts(read.facts());
    }

    private static final Facts PRODUCTS = facts(
            "{\"id\":\"p1\",\"type\":\"product\",\"on\":\"2021-01-01\",\"name\":\"api-one\",\"owner\":\"Owner\",\"kind\":\"api\"}",
            "{\"id\":\"p2\",\"type\":\"product\",\"on\":\"2021-01-01\",\"name\":\"app-one\",\"owner\":\"Owner\",\"kind\":\"app\"}",
            "{\"id\":\"p3\",\"type\":\"product\",\"on\":\"2021-01-01\",\"name\":\"app-two\",\"owner\":\"Owner\",\"kind\":\"app\"}",
            "{\"id\":\"r3\",\"type\":\"release\",\"on\":\"2021-02-01\",\"product\":\"app-two\",\"cloud\":\"azure\"}",
            "{\"id\":\"p4\",\"type\":\"product\",\"on\":\"2021-01-01\",\"name\":\"api-two\",\"owner\":\"Owner\",\"kind\":\"api\"}",
            "{\"id\":\"r4\",\"type\":\"release\",\"on\":\"2021-02-01\",\"product\":\"api-two\",\"cloud\":\"azure\"}");

    @ParameterizedTest(name = "{0} on {1} for {2}: {3} ({4})")
    @CsvSource(nullValues = "-", textBlock = """
            # product, cloud, segment, verdict, why
            api-one,   azure, -,    ALLOWED, 'the one cloud both rules want'
            api-one,   aws,   -,    DENIED,  'both rules deny'
            api-one,   aws,   gov,  DENIED,  'gov-api lifts api-on-azure only; first-on-azure still denies'
            api-one,   aws,   edu,  DENIED,  'edu-apps covers app products only'
            api-two,   aws,   -,    DENIED,  'on azure already, so first-on-azure allows; api-on-azure denies'
            api-two,   aws,   gov,  ALLOWED, 'gov-api lifts api-on-azure, the only denial'
            app-one,   aws,   -,    DENIED,  'first-on-azure: not on azure yet'
            app-one,   aws,   gov,  DENIED,  'gov-api covers api products only'
            app-one,   aws,   edu,  ALLOWED, 'edu-apps lifts first-on-azure, the only denial'
            app-one,   gcp,   -,    DENIED,  'apps-on-gcp is an exception to nothing: a conflict, and the denial stands'
            app-one,   gcp,   edu,  ALLOWED, 'edu-apps lifts first-on-azure; apps-on-gcp adds nothing'
            app-two,   aws,   -,    ALLOWED, 'on azure since 2021-02-01, so first-on-azure allows'
            """)
    void aPermissionLiftsOnlyTheDenialItIsAnExceptionTo(String product, String cloud, String segment, String verdict, String why) {
        Decision decision = ReleaseGate.decide(VERSIONS, PRODUCTS,
                new ReleaseGate.Question(product, cloud, Optional.ofNullable(segment), LocalDate.of(2022, 1, 1)), Explainer.SILENT);
        assertThat(decision.verdict()).as(why).isEqualTo(verdict);
        assertThat(decision.yes()).isEqualTo(verdict.equals("ALLOWED"));
    }

    @ParameterizedTest(name = "{0} declared: models {1}, research {2}")
    @CsvSource(textBlock = """
            # declared,           models,                    research
            none,                 LICENSED (exclusive),      LICENSED (exclusive)
            model-milestone,      LICENSED (non-exclusive),  LICENSED (exclusive)
            research-milestone,   LICENSED (exclusive),      LICENSED (non-exclusive)
            both,                 LICENSED (non-exclusive),  LICENSED (non-exclusive)
            """)
    void aLicencesExclusivityEndsOnItsOwnConditionOnly(String declared, String models, String research) {
        List<String> lines = new ArrayList<>();
        if (declared.equals("model-milestone") || declared.equals("both")) {
            lines.add("{\"id\":\"d1\",\"type\":\"declaration\",\"on\":\"2021-06-01\",\"event\":\"model-milestone\",\"by\":\"Owner\"}");
        }
        if (declared.equals("research-milestone") || declared.equals("both")) {
            lines.add("{\"id\":\"d2\",\"type\":\"declaration\",\"on\":\"2021-06-01\",\"event\":\"research-milestone\",\"by\":\"Owner\"}");
        }
        Facts facts = facts(lines.toArray(String[]::new));
        LocalDate on = LocalDate.of(2022, 1, 1);
        assertThat(LicenceCheck.decide(VERSIONS, facts, new LicenceCheck.Question("Holder", "models", Optional.empty(), on),
                Explainer.SILENT).verdict()).isEqualTo(models);
        assertThat(LicenceCheck.decide(VERSIONS, facts, new LicenceCheck.Question("Holder", "research", Optional.empty(), on),
                Explainer.SILENT).verdict()).isEqualTo(research);
        // the day before the declarations, both are exclusive whatever is declared later
        LocalDate before = LocalDate.of(2021, 5, 31);
        assertThat(LicenceCheck.decide(VERSIONS, facts, new LicenceCheck.Question("Holder", "models", Optional.empty(), before),
                Explainer.SILENT).verdict()).isEqualTo("LICENSED (exclusive)");
    }
}
