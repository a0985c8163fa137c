package dev.treaty.language;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticsTest {

    private static SourcePosition line(int line) {
        return SourcePosition.of(Path.of("a.treaty.md"), line, 1);
    }

    @Test
    void errorsPastTheLimitAreCountedThoughNotKept() {
        Diagnostics diagnostics = new Diagnostics();
        for (int i = 1; i <= Diagnostics.REPORTED_MAX; i++) diagnostics.error(line(i), "", "e" + i);
        int before = diagnostics.errorCount();
        diagnostics.error(line(Diagnostics.REPORTED_MAX + 1), "", "one too many");

        assertThat(diagnostics.sorted()).hasSize(Diagnostics.REPORTED_MAX);
        assertThat(diagnostics.dropped()).isEqualTo(1);
        assertThat(diagnostics.errorCount()).isEqualTo(before + 1);
        assertThat(diagnostics.hasErrors()).isTrue();
    }

    @Test
    void aRepeatedReportIsKeptOnceButCountsAsAFailure() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.error(line(1), "", "same");
        diagnostics.error(line(1), "", "same");
        diagnostics.warning(line(2), "", "a warning");

        assertThat(diagnostics.sorted()).hasSize(2);
        assertThat(diagnostics.errorCount()).isEqualTo(2);
    }
}
