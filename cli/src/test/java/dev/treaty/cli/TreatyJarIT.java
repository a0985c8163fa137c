package dev.treaty.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar, run as a separate process the way the ./treaty launcher runs it. */
class TreatyJarIT {

    private record Run(int exit, String out, String err) {
    }

    private static Run treaty(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", Path.of("target/treaty.jar").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("treaty finished").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void demoWritesTheReportAndPrintsASummary() throws Exception {
        Run run = treaty("demo", "--on", "2026-11-26", "--examples", "../examples/microsoft-openai", "--out", "target/demo-report-jar.html");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Report: target/demo-report-jar.html", "== Versions ==",
                "2026-04-27  msft-openai-2026-04", "== Terms in force on 2026-11-26", "3.1   first-ship azure-first",
                "USD 38,000,000,000.00 due over 49 statement lines");
        assertThat(java.nio.file.Path.of("target/demo-report-jar.html")).content().contains("<section id=\"simulation\">");
    }

    @Test
    void aBrokenFileExitsTwoWithADiagnosticAndNoStackTrace() throws Exception {
        Run run = treaty("check", "src/test/resources/bad/06-money-times-money.treaty.md");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("06-money-times-money.treaty.md:20:13: error: cannot multiply money by money");
        assertThat(run.out() + run.err()).doesNotContain("Exception");
    }
}
