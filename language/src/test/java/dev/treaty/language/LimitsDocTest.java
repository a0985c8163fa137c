package dev.treaty.language;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/limits.md lists every limit of {@link Limits}, and nothing else. */
class LimitsDocTest {

    @Test
    void theLimitsPageListsEveryLimitAndNoOther() throws IOException {
        Path root = Path.of(System.getProperty("treaty.root", "..")).toAbsolutePath().normalize();
        String page = Files.readString(root.resolve("docs/limits.md"));
        List<String> declared = Arrays.stream(Limits.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())).map(Field::getName).sorted().toList();
        Matcher listed = Pattern.compile("^\\| `([A-Z_]+)` \\|", Pattern.MULTILINE).matcher(page);
        List<String> documented = listed.results().map(m -> m.group(1)).sorted().toList();
        assertThat(documented).isEqualTo(declared);
    }
}
