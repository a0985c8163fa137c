package dev.treaty.model.build;

import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;
import org.junit.jupiter.api.Test;

import static dev.treaty.model.TestAgreements.HEADER;
import static dev.treaty.model.TestAgreements.load;
import static dev.treaty.model.TestAgreements.messages;
import static org.assertj.core.api.Assertions.assertThat;

/** Each term names the assumptions its own values rest on, and no other term's. */
class TermAssumptionsTest {

    @Test
    void aTermListsOnlyTheAssumptionsItUses() {
        String terms = """
                ## 1 Terms

                ```treaty
                revenue-share first {
                  payer Alpha
                  payee Beta
                  rate $rate
                  period quarter
                  due $due after period end
                  currency USD
                }

                revenue-share second {
                  payer Beta
                  payee Alpha
                  rate 5%
                  period quarter
                  due 30 days after period end
                  currency USD
                }

                revenue-share third {
                  payer Beta
                  payee Alpha
                  rate $rate
                  period quarter
                  due 30 days after period end
                  currency USD
                }
                ```
                """;
        AgreementFolder.Loaded loaded = load("t.treaty.md", HEADER + terms, "a.treaty.md",
                "# A\n\n```treaty\nassumptions for t\nassume rate = 10% \"r\"\nassume due = 30 days \"d\"\n```\n");
        assertThat(messages(loaded)).isEmpty();
        ConsolidatedAgreement version = loaded.histories().get(0).versions().get(0);
        assertThat(version.terms()).extracting(TermInForce::term).extracting(t -> t.name() + " " + t.header().assumptions())
                .containsExactly("first [due, rate]", "second []", "third [rate]");
    }
}
