package dev.treaty.store;

import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.facts.RevenueReader;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before migration 3 (no row places, no fingerprints: each ingest's audit entry
 * recorded only its batch's row count and an order-free digest of its facts), brought up to date
 * by {@code treaty init}: verify checks the old batches by their digests, the new rows by their
 * fingerprints, and names what was deleted, added or altered in an old batch.
 */
class LegacyStoreTest {

    @TempDir
    Path dir;

    Database database;

    /** Two old ingests: entry 1 wrote revenue facts a and b, entry 2 revenue fact c; then init (entry 3). */
    @BeforeEach
    void writeAStoreAsMigrationTwoLeftIt() throws SQLException {
        database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, dir);
        Flyway.configure().dataSource(database.url(), null, null).locations("classpath:db/migration")
                .placeholders(Map.of("keyedTable", "without rowid")).target("2").load().migrate();
        try (Connection connection = DriverManager.getConnection(database.url())) {
            connection.setAutoCommit(false);
            String previous = "0".repeat(64);
            previous = oldIngest(connection, 1, previous, List.of(fact("a", "2025-02-15", 1_000_000_000L, 11), fact("b", "2025-05-15", 2_000_000_000L, 12)));
            previous = oldIngest(connection, 2, previous, List.of(fact("c", "2025-08-15", 3_000_000_000L, 13)));
            try (PreparedStatement head = connection.prepareStatement("update chain_head set seq = 2, hash = ? where id = 1")) {
                head.setString(1, previous);
                head.executeUpdate();
            }
            connection.commit();
        }
        Store.init(database, "test");   // migration 3, as an upgrade runs it
    }

    record OldFact(String key, String day, long micros, long contentHash) {
    }

    static OldFact fact(String key, String day, long micros, long contentHash) {
        return new OldFact(key, day, micros, contentHash);
    }

    /** What an ingest wrote before migration 3: the rows, and an entry naming their count and digest. */
    static String oldIngest(Connection connection, long seq, String previous, List<OldFact> facts) throws SQLException {
        long digest = 0;
        for (OldFact fact : facts) {
            digest += Verify.rowDigest(fact.key(), 1, fact.contentHash());
            try (PreparedStatement insert = connection.prepareStatement("insert into revenue (fact_key, version, batch, recorded, day, party,"
                    + " product, kind, category, cloud, region, segment, amount_micros, currency, content_hash, source_file, source_line)"
                    + " values (?, 1, ?, ?, ?, 'Publisher', '', '', 'print', '', '', '', ?, 'USD', ?, 'old.csv', ?)")) {
                insert.setString(1, fact.key());
                insert.setLong(2, seq);
                insert.setLong(3, seq * 1_000_000L);
                insert.setString(4, fact.day());
                insert.setLong(5, fact.micros());
                insert.setLong(6, fact.contentHash());
                insert.setLong(7, facts.indexOf(fact) + 2);
                insert.executeUpdate();
            }
        }
        String what = "revenue from old.csv rows=" + facts.size() + " digest=" + Long.toHexString(digest) + " (batch " + seq + ")";
        String hash = AuditChain.hash(previous, seq, seq * 1_000_000L, "old", "ingest revenue", what, "");
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit (seq, at_micros, who, action, what, why, prev_hash, hash) values (?, ?, 'old', 'ingest revenue', ?, '', ?, ?)")) {
            insert.setLong(1, seq);
            insert.setLong(2, seq * 1_000_000L);
            insert.setString(3, what);
            insert.setString(4, previous);
            insert.setString(5, hash);
            insert.executeUpdate();
        }
        return hash;
    }

    void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url()); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    Verify.Report verify() {
        try (Store store = Store.open(database, false)) {
            return Verify.run(store);
        }
    }

    @Test
    void anUpgradedStoreVerifiesAndItsOldFactsAreCountedAndRead() {
        Verify.Report report = verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.auditEntries()).isEqualTo(3);
        assertThat(report.facts()).isEqualTo(3);
        List<String> read = new ArrayList<>();
        try (Store store = Store.open(database, false)) {
            store.revenue(Store.MAX, line -> read.add(line.date() + " " + line.amountMicros()));
        }
        assertThat(read).containsExactlyInAnyOrder("2025-02-15 1000000000", "2025-05-15 2000000000", "2025-08-15 3000000000");
    }

    @Test
    void newRowsAfterTheUpgradeAreCheckedByTheirFingerprintsBesideTheOldBatches() throws IOException, SQLException {
        Path more = Files.write(dir.resolve("new.csv"), List.of("id,date,party,category,amount,currency",
                "d,2025-11-15,Publisher,print,4000,USD", "e,2026-02-15,Publisher,print,5000,USD"));
        try (Store store = Store.open(database, true)) {
            store.addAgreements(List.of(StoreContract.root().resolve("examples/book-deal/2025-01-15-publishing-agreement.treaty.md")), "test", "");
            assertThat(new Ingest(store, "test", "", false).revenue(List.of(more), RevenueReader.Progress.NONE).stored()).isEqualTo(2);
        }
        Verify.Report clean = verify();
        assertThat(clean.problems()).isEmpty();
        assertThat(clean.auditEntries()).isEqualTo(5);
        assertThat(clean.facts()).isEqualTo(5);
        sql("update revenue set amount_micros = 1 where day = '2025-11-15'");
        sql("delete from revenue where fact_key = 'b'");
        assertThat(verify().problems()).hasSize(3).anySatisfy(p -> assertThat(p).contains("field amount_micros was edited"))
                .anySatisfy(p -> assertThat(p).contains("the rows audit entry 5 wrote were altered"))
                .contains("revenue: the batch of audit entry 1 recorded 2 facts; 1 are stored (facts were deleted or added)");
    }

    @Test
    void aDeletedOldFactIsNamedByItsBatch() throws SQLException {
        sql("delete from revenue where fact_key = 'c'");
        assertThat(verify().problems()).containsExactly(
                "revenue: the batch of audit entry 2 recorded 1 facts; 0 are stored (facts were deleted or added)");
    }

    @Test
    void anAddedOldFactIsNamedByTheBatchItClaims() throws SQLException {
        sql("insert into revenue (fact_key, version, batch, recorded, day, party, product, kind, category, cloud, region, segment,"
                + " amount_micros, currency, content_hash, source_file, source_line) values ('z', 1, 1, 1, '2025-02-16', 'Publisher', '', '',"
                + " 'print', '', '', '', 5, 'USD', 99, 'old.csv', 9)");
        assertThat(verify().problems()).containsExactly(
                "revenue: the batch of audit entry 1 recorded 2 facts; 3 are stored (facts were deleted or added)");
    }

    @Test
    void anAlteredOldFactIsNamedByItsBatchDigest() throws SQLException {
        sql("update revenue set content_hash = 14 where fact_key = 'a'");
        assertThat(verify().problems()).containsExactly("revenue: the batch of audit entry 1 was altered: its facts' digest differs");
        sql("update revenue set content_hash = 11, version = 2 where fact_key = 'a'");
        assertThat(verify().problems()).containsExactly("revenue: the batch of audit entry 1 was altered: its facts' digest differs");
        sql("update revenue set version = 1, fact_key = 'A' where fact_key = 'a'");
        assertThat(verify().problems()).containsExactly("revenue: the batch of audit entry 1 was altered: its facts' digest differs");
    }

    @Test
    void theOldDigestIsOrderFreeAndSeparatesKeyVersionAndContent() {
        long ab = Verify.rowDigest("a", 1, 11) + Verify.rowDigest("b", 1, 12);
        long ba = Verify.rowDigest("b", 1, 12) + Verify.rowDigest("a", 1, 11);
        assertThat(ab).isEqualTo(ba);
        assertThat(Verify.rowDigest("ab", 1, 0)).isNotEqualTo(Verify.rowDigest("ba", 1, 0));
        assertThat(Verify.rowDigest("a", 1, 0)).isNotEqualTo(Verify.rowDigest("a", 2, 0));
        assertThat(Verify.rowDigest("a", 1, 0)).isNotEqualTo(Verify.rowDigest("a", 1, 1));
        // pinned: stores written before migration 3 recorded exactly these values
        assertThat(Long.toHexString(Verify.rowDigest("print-0", 1, 42))).isEqualTo("3cf44fcd78372dc");
    }
}
