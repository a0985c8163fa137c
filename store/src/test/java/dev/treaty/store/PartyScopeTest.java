package dev.treaty.store;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who is on which agreement, kept beside the agreement files: derived whenever files are added,
 * checked by verify; and on PostgreSQL, a connection that names a party sees, even through raw
 * SQL, only the statements and decisions of that party's agreements.
 */
class PartyScopeTest {

    @TempDir
    Path dir;

    static Path root() {
        return StoreContract.root();
    }

    Database fill(TestDatabases.Kind kind) throws Exception {
        Database database = TestDatabases.fresh(kind, dir);
        Store.init(database, "test");
        try (Store store = Store.open(database, true)) {
            List<Path> files = new ArrayList<>();
            try (var list = Files.list(root().resolve("examples/microsoft-openai"))) {
                list.filter(dev.treaty.model.AgreementFolder::isDocument).sorted().forEach(files::add);
            }
            store.addAgreements(files, "test", "");
            store.addAgreements(List.of(root().resolve("examples/book-deal/2025-01-15-publishing-agreement.treaty.md")), "test", "");
            new Ingest(store, "test", "", false).events(List.of(root().resolve("examples/microsoft-openai/facts/events.jsonl")));
            new Ingest(store, "test", "", false).revenue(List.of(root().resolve("examples/microsoft-openai/facts/revenue.csv")),
                    dev.treaty.evaluator.facts.RevenueReader.Progress.NONE);
            StatementBook.issue(store, "msft-openai", "2026-Q1", "test", "");
            StatementBook.issue(store, "northwind-book", "2025-Q1", "test", "");
        }
        try (Store store = Store.openAppender(database)) {
            DecisionLog.append(store, List.of(
                    new DecisionLog.Request("m", 1, "Microsoft", "s", "gate", "msft-openai", "everything recorded", 1,
                            List.of(new DecisionLog.Decided("{}", "{\"v\":1}", "ALLOWED", "d"))),
                    new DecisionLog.Request("b", 2, "Publisher", "s", "license", "northwind-book", "everything recorded", 1,
                            List.of(new DecisionLog.Decided("{}", "{\"v\":2}", "LICENSED", "d")))));
        }
        return database;
    }

    static List<String> column(Store store, String sql) {
        List<String> values = new ArrayList<>();
        store.query(sql, s -> { }, (ResultSet rows) -> values.add(rows.getString(1)));
        return values;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theTableFollowsTheFilesAndAnEditIsFoundByVerify(TestDatabases.Kind kind) throws Exception {
        Database database = fill(kind);
        try (Store store = Store.open(database, false)) {
            assertThat(PartyScope.all(store)).isEqualTo(Map.of("msft-openai", Set.of("Microsoft", "OpenAI"),
                    "northwind-book", Set.of("Author", "Publisher")));
            assertThat(PartyScope.agreementsOf(store, "Publisher")).containsExactly("northwind-book");
            assertThat(PartyScope.agreementsOf(store, "Nobody")).isEmpty();
            assertThat(Verify.run(store).problems()).isEmpty();
        }
        try (Store store = Store.open(database, true); var statement = store.connection().createStatement()) {
            statement.executeUpdate("insert into agreement_party (agreement, party) values ('msft-openai', 'Author')");
            store.connection().commit();
        }
        try (Store store = Store.open(database, false)) {
            assertThat(Verify.run(store).problems()).containsExactly("agreement_party: agreement msft-openai lists parties [Author, Microsoft,"
                    + " OpenAI] but its stored files name [Microsoft, OpenAI]");
        }
    }

    @org.junit.jupiter.api.Test
    void onPostgresqlAScopedConnectionSeesOnlyItsPartysRowsEvenThroughRawSql() throws Exception {
        Database database = fill(TestDatabases.Kind.POSTGRESQL);
        // row-level security binds every role but superusers (and BYPASSRLS ones): the service's role is an ordinary one
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(database.url()); var statement = admin.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = 'treaty_service') then"
                    + " create role treaty_service login password 'service'; end if; end $$");
            statement.execute("grant select on all tables in schema public to treaty_service");
        }
        String url = database.url().replaceFirst("user=postgres", "user=treaty_service&password=service");
        try (java.sql.Connection service = java.sql.DriverManager.getConnection(url)) {
            assertThat(column(service, "select agreement from statement order by agreement")).containsExactly("msft-openai", "northwind-book");
            column(service, "select set_config('treaty.party', 'Author', false)");
            assertThat(column(service, "select agreement from statement")).containsExactly("northwind-book");
            assertThat(column(service, "select agreement from decision")).containsExactly("northwind-book");
            assertThat(column(service, "select count(*) from statement_line")).isNotEqualTo(List.of("0"));
            assertThat(column(service, "select distinct s.agreement from statement_line l join statement s on s.number = l.statement"))
                    .containsExactly("northwind-book");
            assertThat(column(service, "select count(*) from statement_line l where l.statement not in (select number from statement)"))
                    .as("no line of a hidden statement").containsExactly("0");
            column(service, "select set_config('treaty.party', 'Nobody', false)");
            assertThat(column(service, "select agreement from statement")).isEmpty();
            assertThat(column(service, "select id from decision")).isEmpty();
            assertThat(column(service, "select statement from statement_line")).isEmpty();
        }
    }

    static List<String> column(java.sql.Connection connection, String sql) throws java.sql.SQLException {
        List<String> values = new ArrayList<>();
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) values.add(rows.getString(1));
        }
        return values;
    }
}
