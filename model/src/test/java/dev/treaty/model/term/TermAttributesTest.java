package dev.treaty.model.term;

import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.TermInForce;
import org.junit.jupiter.api.Test;

import java.time.Month;
import java.util.Map;

import static dev.treaty.model.TestAgreements.agreementWith;
import static dev.treaty.model.TestAgreements.load;
import static dev.treaty.model.TestAgreements.messages;
import static org.assertj.core.api.Assertions.assertThat;

/** What `show` and the golden files print of a term: every attribute it states, its validity included. */
class TermAttributesTest {

    @Test
    void aStakeStatesItsValidity() {
        AgreementFolder.Loaded loaded = load("t.treaty.md", agreementWith("""
                event e

                stake s {
                  holder Alpha
                  issuer Beta
                  percentage 27% as-converted
                  valued USD 135 billion
                  from 2025-10-28
                  through 2030-12-31
                  until e declared
                  unless e declared by Alpha
                  after e declared
                  if e declared
                }"""));
        assertThat(messages(loaded)).isEmpty();
        TermInForce stake = loaded.histories().get(0).versions().get(0).term(TermKind.STAKE, "s").orElseThrow();
        Map<String, String> attributes = stake.term().attributes();
        assertThat(attributes).containsEntry("percentage", "27% as-converted").containsEntry("from", "2025-10-28")
                .containsEntry("through", "2030-12-31").containsEntry("until", "e declared")
                .containsEntry("unless", "e declared by Alpha").containsEntry("after", "e declared").containsEntry("if", "e declared");
    }

    @Test
    void periodsPrintAsWritten() {
        assertThat(AccountingPeriod.of(AccountingPeriod.Unit.QUARTER)).hasToString("quarter");
        assertThat(new AccountingPeriod(AccountingPeriod.Unit.YEAR, Month.JULY)).hasToString("fiscal year starting July");
    }
}
