package dev.treaty.store;

import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which parties are on which agreement, kept in the store beside the agreement files it is derived
 * from: rewritten in the same transaction whenever files are added, read by the service to find what
 * a party may see (in the query itself), and on PostgreSQL the basis of row-level security.
 */
public final class PartyScope {

    private PartyScope() {
    }

    /** Every agreement of the stored files and the parties any of its versions names. */
    static Map<String, Set<String>> derive(Store store) {
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(store.agreementTexts(Store.MAX), Map.of());
        Map<String, Set<String>> parties = new TreeMap<>();
        for (AgreementHistory history : loaded.histories()) {
            Set<String> names = parties.computeIfAbsent(history.id(), id -> new TreeSet<>());
            for (ConsolidatedAgreement version : history.versions()) version.parties().forEach(p -> names.add(p.shortName()));
        }
        return parties;
    }

    /** Rewrites the table from the stored files; inside a write. */
    static void rewrite(Store store) throws SQLException {
        Map<String, Set<String>> parties = derive(store);
        try (var statement = store.connection().createStatement()) {
            statement.executeUpdate("delete from agreement_party");
        }
        try (PreparedStatement insert = store.connection().prepareStatement("insert into agreement_party (agreement, party) values (?, ?)")) {
            for (Map.Entry<String, Set<String>> agreement : parties.entrySet()) {
                for (String party : agreement.getValue()) {
                    insert.setString(1, agreement.getKey());
                    insert.setString(2, party);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The agreements a party is on, by id. */
    public static Set<String> agreementsOf(Store store, String party) {
        Set<String> agreements = new TreeSet<>();
        store.query("select agreement from agreement_party where party = ?", s -> s.setString(1, party), rows -> agreements.add(rows.getString(1)));
        return agreements;
    }

    /** Every agreement and its parties, as the table holds them. */
    public static Map<String, Set<String>> all(Store store) {
        Map<String, Set<String>> parties = new TreeMap<>();
        store.query("select agreement, party from agreement_party", s -> { },
                rows -> parties.computeIfAbsent(rows.getString(1), id -> new TreeSet<>()).add(rows.getString(2)));
        return parties;
    }

    /** Whether the table says what the stored files say: an edit here would widen what a party sees. */
    static List<String> verify(Store store) {
        Map<String, Set<String>> derived = derive(store);
        Map<String, Set<String>> stored = all(store);
        List<String> problems = new ArrayList<>();
        Set<String> agreements = new TreeSet<>(derived.keySet());
        agreements.addAll(stored.keySet());
        for (String agreement : agreements) {
            Set<String> should = derived.getOrDefault(agreement, Set.of());
            Set<String> is = stored.getOrDefault(agreement, Set.of());
            if (!should.equals(is)) {
                problems.add("agreement_party: agreement " + agreement + " lists parties " + is + " but its stored files name " + should);
            }
        }
        return problems;
    }
}
