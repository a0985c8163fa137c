package dev.treaty.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GenRevenueTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameLedgerAndTreatyReadsIt() throws Exception {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        assertThat(Cli.run("gen-revenue", "--lines", "5000", "--seed", "9", "--out", first.toString()).exit()).isZero();
        assertThat(Cli.run("gen-revenue", "--lines", "5000", "--seed", "9", "--out", second.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        assertThat(Files.readAllLines(first)).hasSize(5001);

        Cli.Result settle = Cli.run("settle", Cli.flagship(), "--revenue", first.toString(), "--through", "2030-12-31", "--json");
        assertThat(settle.exit()).as(settle.err()).isZero();
        assertThat(settle.out()).contains("\"revenueLines\" : 5000");
    }
}
