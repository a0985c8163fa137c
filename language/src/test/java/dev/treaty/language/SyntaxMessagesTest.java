package dev.treaty.language;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ANTLR's own wordings, rewritten; the blocks an author writes are in {@link SyntaxMessagesGoldenTest}. */
class SyntaxMessagesTest {

    private static Token word(String text) {
        return new CommonToken(1, text);
    }

    @Test
    void aCharacterTheLexerCannotReadIsNamed() {
        assertThat(SyntaxMessages.rewrite("token recognition error at: '@'", null)).isEqualTo("unexpected character '@'");
    }

    @Test
    void aMissingTokenIsSaidInWords() {
        assertThat(SyntaxMessages.rewrite("missing NEWLINE at 'rate'", word("rate"))).isEqualTo("missing end of line before 'rate'");
    }

    @Test
    void theAlternativesComeFromTheMessageWhenTheParserGaveNone() {
        assertThat(SyntaxMessages.rewrite("mismatched input 'x' expecting {DATE, NUMBER}", word("x")))
                .isEqualTo("unexpected 'x'; expected a date or a number");
        assertThat(SyntaxMessages.rewrite("extraneous input expecting NUMBER", null)).isEqualTo("extraneous input; expected a number");
        assertThat(SyntaxMessages.rewrite("no viable alternative", null)).isEqualTo("no viable alternative");
    }

    @Test
    void moreThanEightAlternativesAreSummarised() {
        List<String> nine = List.of("'a1'", "'b1'", "'c1'", "'d1'", "'e1'", "'f1'", "'g1'", "'h1'", "'i1'");
        assertThat(SyntaxMessages.rewrite("mismatched input", word("zz"), nine))
                .isEqualTo("unexpected 'zz'; expected 'a1', 'b1', 'c1', 'd1', 'e1', 'f1', 'g1', 'h1' or 1 more");
        assertThat(SyntaxMessages.rewrite("mismatched input", word("zz"), nine.subList(0, 8)))
                .isEqualTo("unexpected 'zz'; expected 'a1', 'b1', 'c1', 'd1', 'e1', 'f1', 'g1' or 'h1'");
        assertThat(SyntaxMessages.rewrite("mismatched input", word("zz"), List.of("'{'")))
                .isEqualTo("unexpected 'zz'; expected '{'");
    }

    @Test
    void eightAttributesAreListedOneByOneAndNineAreGrouped() {
        List<String> eight = SyntaxMessages.ATTRIBUTES.subList(0, 8).stream().map(a -> "'" + a + "'").toList();
        assertThat(SyntaxMessages.rewrite("m", word("9"), eight))
                .isEqualTo("unexpected '9'; expected payer, payee, licensor, licensee, holder, issuer, purchaser or provider");
        List<String> nine = SyntaxMessages.ATTRIBUTES.subList(0, 9).stream().map(a -> "'" + a + "'").toList();
        assertThat(SyntaxMessages.rewrite("m", word("9"), nine))
                .isEqualTo("unexpected '9'; expected an attribute (payer, payee, licensor, licensee, holder, issuer, purchaser, provider, grantor)");
    }

    @Test
    void aNameStandsForEveryKeyword() {
        assertThat(SyntaxMessages.rewrite("m", word("9"), List.of("'rate'", "IDENT", "'('", "STRING", "CLAUSE_NUMBER", "SOME_TOKEN")))
                .isEqualTo("unexpected '9'; expected a name, '(', a quoted string or a clause number");
        assertThat(SyntaxMessages.rewrite("m", word("9"), List.of("'rate'", "SOME_TOKEN", "'\\n'", "<EOF>")))
                .isEqualTo("unexpected '9'; expected rate, some-token, end of line or end of block");
    }

    @Test
    void aTypoIsMatchedWithinAThirdOfTheWordAndAtMostThreeEdits() {
        List<String> expected = List.of("'rate'", "'cap'", "'instalments'");
        assertThat(SyntaxMessages.rewrite("m", word("rat"), expected)).endsWith("; did you mean 'rate'?");
        assertThat(SyntaxMessages.rewrite("m", word("raet"), expected)).doesNotContain("did you mean");   // 2 edits in 4 letters
        assertThat(SyntaxMessages.rewrite("m", word("instlmnts"), expected)).endsWith("; did you mean 'instalments'?");
        assertThat(SyntaxMessages.rewrite("m", word("inxxxxments"), expected)).doesNotContain("did you mean");   // 4 edits
        assertThat(SyntaxMessages.rewrite("m", word("12%"), expected)).doesNotContain("did you mean");
        assertThat(SyntaxMessages.rewrite("m", word("cap"), expected)).doesNotContain("did you mean");
    }

    @Test
    void editDistance() {
        assertThat(SyntaxMessages.distance("", "")).isZero();
        assertThat(SyntaxMessages.distance("rate", "")).isEqualTo(4);
        assertThat(SyntaxMessages.distance("", "rate")).isEqualTo(4);
        assertThat(SyntaxMessages.distance("rate", "rate")).isZero();
        assertThat(SyntaxMessages.distance("rat", "rate")).isEqualTo(1);
        assertThat(SyntaxMessages.distance("rxte", "rate")).isEqualTo(1);
        assertThat(SyntaxMessages.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(SyntaxMessages.distance("payee", "payer")).isEqualTo(1);
    }
}
