package dev.treaty.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code treaty fmt}: rewrites what is not canonical, and with {@code --check} only says so, with an exit code that is not an answer. */
class FmtCommandTest {

    private static final String MESSY = """
            # T

            ```treaty
            agreement t ; party A ; party B
            signed 2025-01-01; effective 2025-01-01
            ```

            ## 1 Terms

            ```treaty
            licence l {licensor A ; licensee B;covers [models]}
            ```
            """;

    @Test
    void checkReportsWithoutWritingThenFmtRewritesAndCheckPasses(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("t.treaty.md");
        Files.writeString(file, MESSY);

        Cli.Result check = Cli.run("fmt", "--check", folder.toString());
        assertThat(check.exit()).isEqualTo(ExitCodes.NOT_FORMATTED);
        assertThat(check.out()).contains("t.treaty.md: not formatted").contains("1 of 1 file not formatted");
        assertThat(Files.readString(file)).isEqualTo(MESSY);

        Cli.Result fmt = Cli.run("fmt", file.toString());
        assertThat(fmt.exit()).isZero();
        assertThat(Files.readString(file)).contains("""
                ```treaty
                agreement t
                party A
                party B
                signed 2025-01-01
                effective 2025-01-01
                ```""").contains("""
                ```treaty
                licence l {
                  licensor A
                  licensee B
                  covers [models]
                }
                ```""");
        assertThat(Cli.run("fmt", "--check", folder.toString()).exit()).isZero();
    }

    @Test
    void theExamplesAreFormatted() {
        Cli.Result check = Cli.run("fmt", "--check", Cli.root().resolve("examples/microsoft-openai").toString(),
                Cli.root().resolve("examples/book-deal").toString());
        assertThat(check.exit()).as(check.out()).isZero();
    }

    @Test
    void aMissingPathIsBadInputNotAnAnswer(@TempDir Path folder) {
        Cli.Result missing = Cli.run("fmt", folder.resolve("nothing.treaty.md").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("no such file or folder");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAndLeftAlone(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("latin1.treaty.md");
        byte[] bytes = {'#', ' ', (byte) 0xE9, '\n'};
        Files.write(file, bytes);
        Cli.Result refused = Cli.run("fmt", file.toString());
        assertThat(refused.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("latin1.treaty.md: file is not UTF-8 text; nothing was formatted");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }
}
