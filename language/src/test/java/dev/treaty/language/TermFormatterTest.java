package dev.treaty.language;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical layout of term blocks on the language reference's own examples (meaning is held by the model's formatting test). */
class TermFormatterTest {

    private static final Pattern BLOCK = Pattern.compile("```treaty\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyExampleOfTheLanguageReferenceFormatsIdempotentlyWithTheSameWords() throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(Files.readString(Path.of("../docs/language.md")));
        while (matcher.find()) blocks.add(matcher.group(1));
        assertThat(blocks).hasSizeGreaterThan(30);
        int changed = 0;
        for (String block : blocks) {
            String once = TermFormatter.formatBlock(block);
            assertThat(TermFormatter.formatBlock(once)).as(block).isEqualTo(once);
            assertThat(TermFormatter.sameMeaning(block, once)).as(block).isTrue();
            if (!once.equals(block)) changed++;
        }
        assertThat(changed).as("the reference is written in the canonical layout").isZero();
    }

    @Test
    void commentsStayOnTheirLinesAndAtMostOneBlankLineIsKept() {
        String text = "// the parties\n\n\n\nparty A   \"Alpha\"  // first\nparty B\n";
        assertThat(TermFormatter.formatBlock(text)).isEqualTo("// the parties\n\nparty A \"Alpha\" // first\nparty B\n");
    }

    @Test
    void bracketedListsAcrossLinesIndentOneLevel() {
        String text = "licence l {\ncovers [\nmodels,\n   products\n]\n}\n";
        assertThat(TermFormatter.formatBlock(text)).isEqualTo("licence l {\n  covers [\n    models,\n    products\n  ]\n}\n");
    }

    @Test
    void conditionsKeepTheirParenthesesTight() {
        String text = "licence l { exclusive until ( agi declared or  $x ) and not z verified }";
        assertThat(TermFormatter.formatBlock(text)).isEqualTo("licence l {\n  exclusive until (agi declared or $x) and not z verified\n}\n");
    }

    @Test
    void aChangeOfWordsIsNeverTheSameMeaning() {
        assertThat(TermFormatter.sameMeaning("party A\nparty B\n", "party A; party B")).isTrue();
        assertThat(TermFormatter.sameMeaning("party A\nparty B\n", "party A party B")).isFalse();
        assertThat(TermFormatter.sameMeaning("party A // x\n", "party A\n")).isFalse();
        assertThat(TermFormatter.sameMeaning("rate 20%", "rate 21%")).isFalse();
    }
}
