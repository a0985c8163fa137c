package dev.treaty.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeTextTest {

    /** Each range of escaped characters with the characters just outside it, which are shown as they are. */
    @ParameterizedTest(name = "U+{0} unsafe={1}")
    @CsvSource({
            "0000, true", "0008, true", "0009, false", "000A, false", "000B, true", "000D, false", "001F, true",
            "0020, false", "007E, false", "007F, true", "009F, true", "00A0, false",
            "061B, false", "061C, true", "061D, false",
            "200A, false", "200B, true", "200C, true", "200D, true", "200E, true", "200F, true", "2010, false",
            "2029, false", "202A, true", "202C, true", "202E, true", "202F, false",
            "2065, false", "2066, true", "2068, true", "2069, true", "206A, false",
            "FEFE, false", "FEFF, true", "FF00, false"})
    void escapesControlAndInvisibleCharactersOnly(String hex, boolean unsafe) {
        char c = (char) Integer.parseInt(hex, 16);
        assertThat(SafeText.isUnsafe(c)).isEqualTo(unsafe);
        String text = "a" + c + "b";
        assertThat(SafeText.escape(text)).isEqualTo(unsafe ? "a\\u" + hex + "b" : text);
    }

    @Test
    void escapesEveryUnsafeCharacterWhereverItIs() {
        assertThat(SafeText.escape("\u202Eevil")).isEqualTo("\\u202Eevil");
        assertThat(SafeText.escape("evil\u0000")).isEqualTo("evil\\u0000");
        assertThat(SafeText.escape("x\u200By\u0007z\u2066")).isEqualTo("x\\u200By\\u0007z\\u2066");
        assertThat(SafeText.escape("\u0001\u0002")).isEqualTo("\\u0001\\u0002");
    }

    @Test
    void returnsTheSameStringWhenNothingNeedsEscaping() {
        String plain = "Microsoft – OpenAI\t2026\r\n";
        assertThat(SafeText.escape(plain)).isSameAs(plain);
        assertThat(SafeText.escape("")).isEmpty();
    }
}
