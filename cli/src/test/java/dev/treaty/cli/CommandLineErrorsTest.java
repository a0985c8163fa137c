package dev.treaty.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad command lines get a one-line reason and exit 2, never a stack trace. */
class CommandLineErrorsTest {

    private static void assertBadInput(Cli.Result result, String reason) {
        assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains(reason).doesNotContain("Exception", "\tat ");
    }

    @Test
    void anImpossibleDateIsRefused() {
        assertBadInput(Cli.run("show", Cli.flagship(), "--on", "2030-02-30"), "'2030-02-30' is not a date");
    }

    @Test
    void aMissingFolderIsRefused() {
        assertBadInput(Cli.run("show", "no/such/folder", "--on", "2026-01-01"), "no such file or folder");
    }

    @Test
    void anUnknownAssumptionIsRefused() {
        assertBadInput(Cli.run("show", Cli.flagship(), "--on", "2026-01-01", "--assume", "no-such=5%"),
                "--assume no-such: no such assumption");
    }

    @Test
    void anAssumptionOfTheWrongTypeIsRefused() {
        assertBadInput(Cli.run("show", Cli.flagship(), "--on", "2026-01-01", "--assume", "revenue-share-cap=20%"),
                "expected money like USD 38,000,000,000, got a percentage");
    }

    @Test
    void aDateBeforeTheAgreementHasNoVersion() {
        assertBadInput(Cli.run("show", Cli.flagship(), "--on", "2019-01-01"), "not in force on 2019-01-01");
    }

    @Test
    void commandsRefuseToAnswerFromAFolderWithErrors() {
        Cli.Result result = Cli.run("timeline", "src/test/resources/bad/05-rate-over-100.treaty.md");
        assertBadInput(result, "nothing was computed");
        assertThat(result.err()).contains("rate 120% is over 100%", "^");
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertBadInput(Cli.run("settle-everything"), "Unmatched argument");
    }

    @Test
    void theExamplesCheckClean() {
        Cli.Result result = Cli.run("check", "../examples/microsoft-openai", "../examples/book-deal");
        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(result.out()).isEqualTo("ok: 0 errors, 0 warnings in 9 files\n");
    }
}
