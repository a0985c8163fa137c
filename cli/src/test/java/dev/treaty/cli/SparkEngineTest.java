package dev.treaty.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What `treaty settle --engine spark` says before it starts a job: where the engine is missing, how to
 * get it; what it cannot do, that it cannot. The job itself is tested in the spark module.
 */
class SparkEngineTest {

    @TempDir
    Path home;

    @Test
    void withoutTheSparkModuleBuiltItSaysHowToGetIt() {
        String before = System.getProperty("treaty.home");
        System.setProperty("treaty.home", home.toString());
        try {
            Cli.Result result = Cli.run("settle", Cli.flagship(), "--engine", "spark", "--revenue", "../examples/microsoft-openai/facts/revenue.csv",
                    "--through", "2026-12-31");
            assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(result.err()).contains("the Spark engine is not built here", "./mvnw -pl spark -am package -DskipTests", "docs/scale.md");
            assertThat(result.out()).isEmpty();
        } finally {
            if (before == null) System.clearProperty("treaty.home");
            else System.setProperty("treaty.home", before);
        }
    }

    @Test
    void whatTheJobCannotDoIsRefusedBeforeItStarts() {
        Cli.Result result = Cli.run("settle", Cli.flagship(), "--engine", "spark", "--revenue", "../examples/microsoft-openai/facts/revenue.csv",
                "--through", "2026-12-31", "--as-known", "2026-06-01", "--explain");
        assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("--engine spark settles the files as they are: --as-known, --explain are not supported with it");
        Cli.Result master = Cli.run("settle", Cli.flagship(), "--master", "local[2]", "--revenue", "../examples/microsoft-openai/facts/revenue.csv",
                "--through", "2026-12-31");
        assertThat(master.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(master.err()).contains("--master is for --engine spark");
    }
}
