package dev.treaty.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API keys: a key the store refuses to create leaves nothing behind; one it creates authenticates until revoked. */
class ApiKeysTest {

    @TempDir
    Path dir;

    @Test
    void refusesUnknownRolesAndUnboundedNamesWithoutWritingAnything() {
        Database database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, dir);
        Store.init(database, "test");
        TestDatabases.Snapshot before = TestDatabases.snapshot(database);
        try (Store store = Store.open(database, true)) {
            assertThatThrownBy(() -> ApiKeys.create(store, "OpenAI", List.of("reader", "admin"), "", "test")).isInstanceOf(StoreException.class)
                    .hasMessage("role: 'admin' is not one of reader, pipeline, operator, auditor");
            assertThatThrownBy(() -> ApiKeys.create(store, "OpenAI", List.of(), "", "test")).isInstanceOf(StoreException.class)
                    .hasMessage("role: give at least one of reader, pipeline, operator, auditor");
            assertThatThrownBy(() -> ApiKeys.create(store, " ", List.of("reader"), "", "test")).isInstanceOf(StoreException.class)
                    .hasMessage("party: must be 1 to 200 characters");
            assertThatThrownBy(() -> ApiKeys.create(store, "x".repeat(201), List.of("reader"), "", "test")).isInstanceOf(StoreException.class)
                    .hasMessage("party: must be 1 to 200 characters");
            assertThatThrownBy(() -> ApiKeys.create(store, "OpenAI", List.of("reader"), "x".repeat(201), "test")).isInstanceOf(StoreException.class)
                    .hasMessage("label: must be at most 200 characters");
            assertThat(ApiKeys.all(store)).isEmpty();
        }
        assertThat(TestDatabases.snapshot(database)).isEqualTo(before);
    }

    @Test
    void aCreatedKeyAuthenticatesByItsFullTokenOnlyAndNotOnceRevoked() {
        Database database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, dir);
        Store.init(database, "test");
        try (Store store = Store.open(database, true)) {
            ApiKeys.Created created = ApiKeys.create(store, "x".repeat(200), List.of("pipeline", "reader"), "y".repeat(200), "test");
            assertThat(created.token()).startsWith("tk_" + created.key().id() + "_");
            assertThat(ApiKeys.looksLikeKey(created.token())).isTrue();
            assertThat(ApiKeys.looksLikeKey("eyJhbGciOiJSUzI1NiJ9.e30.sig")).as("a JWT").isFalse();
            assertThat(ApiKeys.authenticate(store, created.token())).contains(created.key());
            assertThat(ApiKeys.authenticate(store, created.token() + "x")).isEmpty();
            String token = created.token();
            char last = token.charAt(token.length() - 1);
            assertThat(ApiKeys.authenticate(store, token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
            assertThat(ApiKeys.revoke(store, created.key().id(), "test")).isTrue();
            assertThat(ApiKeys.revoke(store, created.key().id(), "test")).isFalse();
            assertThat(ApiKeys.authenticate(store, created.token())).isEmpty();
            assertThat(ApiKeys.all(store)).singleElement().satisfies(key -> assertThat(key.revoked()).isTrue());

            ApiKeys.Created other = ApiKeys.create(store, "OpenAI", List.of("reader"), "", "test");
            assertThat(other.key().id()).isNotEqualTo(created.key().id());
            assertThat(secret(other.token())).isNotEqualTo(secret(created.token())).doesNotMatch("A+");
            assertThat(audited(store)).containsExactly(
                    "apikey create: api key " + created.key().id() + " for " + "x".repeat(200) + " (pipeline,reader) \"" + "y".repeat(200) + "\"",
                    "apikey revoke: api key " + created.key().id() + " revoked",
                    "apikey revoke: api key " + created.key().id() + ": no such unrevoked key",
                    "apikey create: api key " + other.key().id() + " for OpenAI (reader)");
        }
    }

    private static String secret(String token) {
        return token.substring("tk_".length() + 16 + 1);   // the secret may hold '_' itself
    }

    private static List<String> audited(Store store) {
        List<String> entries = new java.util.ArrayList<>();
        store.query("select action, what from audit where action like 'apikey%' order by seq", s -> { },
                rows -> entries.add(rows.getString(1) + ": " + rows.getString(2)));
        return entries;
    }
}
