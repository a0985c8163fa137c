package dev.treaty.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The audit trail: one entry per write, each hashing the one before, so editing or removing an
 * entry breaks every hash after it. Appending takes the chain head's row lock first, which also
 * serialises writers (SQLite locks the file anyway).
 */
final class AuditChain {

    /** Where an entry's {@code what} turns to the rows the write added: "\nrows revenue=20000:ab12…". */
    static final String ROWS = "\nrows ";

    /** An entry as stored. */
    record Entry(long seq, long atMicros, String who, String action, String what, String why, String previousHash, String hash,
                 String fingerprint) {

        String[] values() {
            return Rows.text(seq, atMicros, who, action, what, why, previousHash, hash);
        }

        /** What the entry records of the rows its write added, by table: {count, digest}. */
        java.util.Map<String, String[]> rows() {
            int at = what.indexOf(ROWS);
            return at < 0 ? java.util.Map.of() : Rows.parse(what.substring(at + ROWS.length()));
        }
    }

    private AuditChain() {
    }

    /** Locks the chain head for this transaction and returns the next sequence number. */
    static long lock(Connection connection) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement("update chain_head set seq = seq + 1 where id = 1")) {
            bump.executeUpdate();
        }
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select seq from chain_head where id = 1")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Appends entry {@code seq} (from {@link #lock}) in the same transaction as the write it records. */
    static void append(Connection connection, long seq, long atMicros, String who, String action, String what, String why) throws SQLException {
        String previous;
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select hash from chain_head where id = 1")) {
            rows.next();
            previous = rows.getString(1);
        }
        String hash = hash(previous, seq, atMicros, who, action, what, why);
        String fingerprint = Rows.fingerprint(Rows.text(seq, atMicros, who, action, what, why, previous, hash));
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit (seq, at_micros, who, action, what, why, prev_hash, hash, fingerprint) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setLong(2, atMicros);
            insert.setString(3, who);
            insert.setString(4, action);
            insert.setString(5, what);
            insert.setString(6, why);
            insert.setString(7, previous);
            insert.setString(8, hash);
            insert.setString(9, fingerprint);
            insert.executeUpdate();
        }
        try (PreparedStatement head = connection.prepareStatement("update chain_head set hash = ? where id = 1")) {
            head.setString(1, hash);
            head.executeUpdate();
        }
    }

    static String hash(String previous, long seq, long atMicros, String who, String action, String what, String why) {
        return sha256(previous + "\n" + seq + "\n" + atMicros + "\n" + who + "\n" + action + "\n" + what + "\n" + why);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
