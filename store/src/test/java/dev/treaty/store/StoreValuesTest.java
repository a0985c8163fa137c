package dev.treaty.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's small values: what --db accepts and prints, instants as micro-seconds, row fingerprints. */
class StoreValuesTest {

    @Test
    void dbArgumentsAndHowTheyArePrinted() {
        Database file = Database.of("sqlite:data/t.db");
        assertThat(file.dialect()).isEqualTo(Database.Dialect.SQLITE);
        assertThat(file.url()).isEqualTo("jdbc:sqlite:data/t.db");
        assertThat(file.file()).isEqualTo(Path.of("data/t.db"));
        assertThat(file.argument()).isEqualTo("sqlite:data/t.db");
        assertThat(file.describe()).isEqualTo("data/t.db");
        assertThat(Database.of("jdbc:sqlite:x.db").url()).isEqualTo("jdbc:sqlite:x.db");
        assertThat(Database.of(null).file()).isEqualTo(Path.of("treaty.db"));
        assertThat(Database.of("  ").file()).isEqualTo(Path.of("treaty.db"));
        assertThat(Database.of(" sqlite:y.db ").file()).isEqualTo(Path.of("y.db"));

        Database server = Database.of("postgresql://host/db?user=u&password=secret&ssl=true");
        assertThat(server.dialect()).isEqualTo(Database.Dialect.POSTGRESQL);
        assertThat(server.url()).isEqualTo("jdbc:postgresql://host/db?user=u&password=secret&ssl=true");
        assertThat(server.file()).isNull();
        assertThat(server.describe()).isEqualTo("jdbc:postgresql://host/db?user=u&password=…&ssl=true").doesNotContain("secret");
        assertThat(server.argument()).isEqualTo(server.describe());
        assertThat(Database.of("jdbc:postgresql://h/d").url()).isEqualTo("jdbc:postgresql://h/d");

        assertThatThrownBy(() -> Database.of("sqlite:")).isInstanceOf(StoreException.class)
                .hasMessage("--db: 'sqlite:' needs a file, as in sqlite:treaty.db");
        assertThatThrownBy(() -> Database.of("mysql://h/d")).isInstanceOf(StoreException.class)
                .hasMessage("--db: 'mysql://h/d' is neither sqlite:PATH nor jdbc:postgresql://HOST/DB");
        assertThatThrownBy(() -> Database.of("sqlite:a\u0000b")).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("--db: 'sqlite:a\u0000b' is not a usable file name");
    }

    @Test
    void theRootCauseNamesTheProblem() {
        Exception nested = new RuntimeException("outer", new IllegalStateException("middle", new java.io.IOException("disk full\nmore")));
        assertThat(Database.rootMessage(nested)).isEqualTo("disk full");
        assertThat(Database.rootMessage(new RuntimeException((String) null))).isEqualTo("java.lang.RuntimeException");
        assertThat(Database.rootMessage(new RuntimeException("alone"))).isEqualTo("alone");
    }

    @Test
    void instantsAreMicrosecondsBothWays() {
        Instant instant = Instant.parse("2026-04-02T09:00:00.123456789Z");
        assertThat(Store.micros(instant)).isEqualTo(1_775_120_400_123_456L);
        assertThat(Store.instant(1_775_120_400_123_456L)).isEqualTo(Instant.parse("2026-04-02T09:00:00.123456Z"));
        assertThat(Store.micros(Instant.parse("1969-12-31T23:59:59.5Z"))).isEqualTo(-500_000L);
        assertThat(Store.instant(-500_000L)).isEqualTo(Instant.parse("1969-12-31T23:59:59.5Z"));
        assertThat(Store.micros(Instant.MAX)).isEqualTo(Store.MAX);
        long before = Store.micros(Instant.now());
        long now = Store.now();
        assertThat(now).isBetween(before, Store.micros(Instant.now()));
    }

    @Test
    void aFingerprintIsPinnedAndNamesTheEditedField() {
        String[] row = {"id:p1", "1", null, ""};
        // pinned: a stored fingerprint must verify in every later version of Treaty
        assertThat(Rows.fingerprint(row)).isEqualTo(PINNED);
        assertThat(Rows.mismatches(row, PINNED)).isEmpty();
        assertThat(Rows.mismatches(new String[]{"id:p1", "2", null, ""}, PINNED)).containsExactly(1);
        assertThat(Rows.mismatches(new String[]{"id:p1", "1", "", ""}, PINNED)).containsExactly(2);
        assertThat(Rows.mismatches(new String[]{"id:p2", "1", null, "x"}, PINNED)).containsExactly(0, 3);
        assertThat(Rows.mismatches(row, PINNED.substring(0, PINNED.length() - 1) + "0")).as("the fingerprint itself edited").isNull();
        assertThat(Rows.mismatches(row, PINNED + "0000")).isNull();
        assertThat(Rows.mismatches(row, null)).isNull();
    }

    private static final String PINNED = "a450c7446dbf097e5e84";
}
