package dev.treaty.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of a stored row, and the two checks made from it. A row's fields are read
 * back as text (what JDBC's {@code getString} gives, the same on SQLite and PostgreSQL) and
 * encoded with their lengths, so no two different rows encode alike.
 *
 * <ul>
 *   <li>The <b>fingerprint</b> of a row is 16 bits of a hash of each of its fields, in hex: an
 *       edited field changes its own four characters, which is how {@code verify} names it.</li>
 *   <li>The <b>digest</b> of the rows one audit entry wrote to one table is the SHA-256 of their
 *       canonical forms in {@code row_seq} order; the entry records it with the row count, so a
 *       changed, added or removed row, or a changed fingerprint, breaks it.</li>
 * </ul>
 *
 * An intruder who rewrites rows and then recomputes every fingerprint, digest and audit hash up to
 * the chain head is beyond what a store can see by itself; {@code verify --anchor SEQ:HASH} checks
 * the chain against a head kept elsewhere (every issued statement prints one).
 */
final class Rows {

    /**
     * One table as the checks see it.
     *
     * @param columns     the data columns, in the order they are encoded (not row_seq, not fingerprint)
     * @param auditColumn the column naming the audit entry that wrote the row
     * @param key         the columns that name a row in messages
     */
    record Table(String name, List<String> columns, String auditColumn, List<String> key, String types) {

        int index(String column) {
            return columns.indexOf(column);
        }

        String describe(String[] values) {
            List<String> parts = new ArrayList<>();
            for (String column : key) parts.add(column + " " + values[index(column)]);
            return String.join(", ", parts);
        }
    }

    static final Table AGREEMENT_FILE = new Table("agreement_file", List.of("content_hash", "path", "content", "recorded", "audit_seq"),
            "audit_seq", List.of("path", "content_hash"), "SSSLL");
    static final Table REVENUE = new Table("revenue", List.of("fact_key", "version", "batch", "recorded", "day", "party", "product", "kind",
            "category", "cloud", "region", "segment", "amount_micros", "currency", "content_hash", "source_file", "source_line",
            "known_micros"), "batch", List.of("fact_key", "version"), "SILLSSSSSSSSLSLSLL");
    static final Table EVENT = new Table("event", List.of("fact_key", "version", "batch", "recorded", "body", "content_hash", "source_file",
            "source_line"), "batch", List.of("fact_key", "version"), "SILLSLSL");
    static final Table STATEMENT = new Table("statement", List.of("number", "agreement", "period", "issued", "body", "body_hash",
            "audit_seq"), "audit_seq", List.of("number"), "LSSLSSL");
    static final Table STATEMENT_LINE = new Table("statement_line", List.of("statement", "line", "kind", "term", "payer", "payee", "period",
            "amount_micros", "currency", "audit_seq"), "audit_seq", List.of("statement", "line"), "LISSSSSLSL");
    static final Table POSTING = new Table("posting", List.of("entry", "leg", "account", "amount_micros", "currency", "source",
            "audit_seq"), "audit_seq", List.of("entry", "leg"), "SISLSSL");
    /** The audit trail's own rows: fingerprinted, and chained by their hashes rather than digested. */
    static final Table AUDIT = new Table("audit", List.of("seq", "at_micros", "who", "action", "what", "why", "prev_hash", "hash"),
            "seq", List.of("seq"), "LLSSSSSS");

    /** The values as the store reads them back: text, whatever the column's type. */
    static String[] text(Object... values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) text[i] = values[i] == null ? null : String.valueOf(values[i]);
        return text;
    }

    /**
     * Inserts one row of {@code table} written by this write, with its row_seq and fingerprint,
     * and registers it for the write's audit entry. Values are Long, Integer or String (or null),
     * in the table's column order.
     */
    static void insert(java.sql.Connection connection, Written written, Table table, Object... values) throws java.sql.SQLException {
        String[] text = text(values);
        String fingerprint = fingerprint(text);
        long seq = written.peek(table);
        String sql = "insert into " + table.name() + " (" + String.join(", ", table.columns()) + ", row_seq, fingerprint) values ("
                + "?, ".repeat(table.columns().size()) + "?, ?)";
        try (java.sql.PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) bind(insert, i + 1, table.types().charAt(i), values[i]);
            insert.setLong(values.length + 1, seq);
            insert.setString(values.length + 2, fingerprint);
            insert.executeUpdate();
        }
        written.add(table, text, fingerprint);
    }

    static void bind(java.sql.PreparedStatement statement, int at, char type, Object value) throws java.sql.SQLException {
        switch (type) {
            case 'L' -> {
                if (value == null) statement.setNull(at, java.sql.Types.BIGINT);
                else statement.setLong(at, ((Number) value).longValue());
            }
            case 'I' -> {
                if (value == null) statement.setNull(at, java.sql.Types.INTEGER);
                else statement.setInt(at, ((Number) value).intValue());
            }
            default -> statement.setString(at, value == null ? null : value.toString());
        }
    }

    /** Every table whose rows an audit entry records, in the order verify checks them. */
    static final List<Table> RECORDED = List.of(AGREEMENT_FILE, REVENUE, EVENT, STATEMENT, STATEMENT_LINE, POSTING);

    /** Hex characters of one field's fingerprint. */
    static final int FIELD_CHARS = 4;

    private Rows() {
    }

    /**
     * Four hex characters per field, then four of a check over them: an edited fingerprint (rather
     * than an edited field) fails its own check, so it is not mistaken for an edited field.
     */
    static String fingerprint(String[] values) {
        StringBuilder print = new StringBuilder((values.length + 1) * FIELD_CHARS);
        for (int i = 0; i < values.length; i++) hex(print, fieldHash(i, values[i]));
        hex(print, fieldHash(-1, print));
        return print.toString();
    }

    private static void hex(StringBuilder print, long h) {
        print.append(HEX[(int) (h >>> 12) & 15]).append(HEX[(int) (h >>> 8) & 15]).append(HEX[(int) (h >>> 4) & 15])
                .append(HEX[(int) h & 15]);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The fields whose part of {@code fingerprint} does not match their values; null if the fingerprint itself was edited. */
    static List<Integer> mismatches(String[] values, String fingerprint) {
        List<Integer> fields = new ArrayList<>();
        int length = values.length * FIELD_CHARS;
        if (fingerprint == null || fingerprint.length() != length + FIELD_CHARS) return null;
        StringBuilder check = new StringBuilder();
        hex(check, fieldHash(-1, fingerprint.substring(0, length)));
        if (!fingerprint.endsWith(check.toString())) return null;
        String expected = fingerprint(values);
        for (int i = 0; i < values.length; i++) {
            if (!expected.regionMatches(i * FIELD_CHARS, fingerprint, i * FIELD_CHARS, FIELD_CHARS)) fields.add(i);
        }
        return fields;
    }

    private static long fieldHash(int index, CharSequence value) {
        long h = 0x9E3779B97F4A7C15L * (index + 1);
        if (value == null) {
            h ^= 0x5bd1e995L;
        } else {
            for (int i = 0; i < value.length(); i++) {
                h ^= value.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= value.length();
        }
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** The digest of the rows one audit entry wrote to one table, fed in row_seq order. */
    static final class Digest {
        private final MessageDigest sha = sha256();
        private long count;
        private long lastSeq;
        /** Reused for every row: an ingest digests a million. */
        private final StringBuilder canonical = new StringBuilder(256);
        private byte[] bytes = new byte[256];

        void add(long rowSeq, String[] values, String fingerprint) {
            if (rowSeq <= lastSeq) throw new IllegalStateException("rows must be digested in row_seq order: " + rowSeq + " after " + lastSeq);
            lastSeq = rowSeq;
            count++;
            canonical.setLength(0);
            canonical.append(rowSeq).append('|');
            for (String value : values) {
                if (value == null) canonical.append("-|");
                else canonical.append(value.length()).append(':').append(value).append('|');
            }
            canonical.append(fingerprint).append('\n');
            update(canonical);
        }

        /** Feeds the UTF-8 bytes of the row's canonical form, through a buffer reused when it is ASCII (it nearly always is). */
        private void update(CharSequence text) {
            int length = text.length();
            if (bytes.length < length) bytes = new byte[Math.max(length, 2 * bytes.length)];
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
                    return;
                }
                bytes[i] = (byte) c;
            }
            sha.update(bytes, 0, length);
        }

        long count() {
            return count;
        }

        String hex() {
            try {
                return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 digests clone", e);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The rows one write adds, table by table: hands out each table's next row_seq and digests the
     * rows as they are registered, for the write's audit entry.
     */
    static final class Written {
        private final Map<String, Digest> digests = new LinkedHashMap<>();

        /** The row_seq the next row of {@code table} gets, without taking it. */
        long peek(Table table) {
            Digest digest = digests.get(table.name());
            return digest == null ? 1 : digest.count() + 1;
        }

        /** Registers a row written with row_seq {@link #peek}; returns that row_seq. */
        long add(Table table, String[] values, String fingerprint) {
            Digest digest = digests.computeIfAbsent(table.name(), t -> new Digest());
            long seq = digest.count() + 1;
            digest.add(seq, values, fingerprint);
            return seq;
        }

        /** "revenue=1000:ab12…, posting=4:9f0e…": what the audit entry records. */
        String summary() {
            List<String> parts = new ArrayList<>();
            digests.forEach((table, digest) -> parts.add(table + "=" + digest.count() + ":" + digest.hex()));
            return String.join(", ", parts);
        }

        boolean isEmpty() {
            return digests.isEmpty();
        }
    }

    /** Parses what {@link Written#summary} wrote: table → {count, digest}. */
    static Map<String, String[]> parse(String summary) {
        Map<String, String[]> recorded = new LinkedHashMap<>();
        if (summary == null || summary.isBlank()) return recorded;
        for (String part : summary.split(", ")) {
            int equals = part.indexOf('=');
            int colon = part.indexOf(':', equals);
            if (equals < 0 || colon < 0) continue;
            recorded.put(part.substring(0, equals), new String[]{part.substring(equals + 1, colon), part.substring(colon + 1)});
        }
        return recorded;
    }
}
