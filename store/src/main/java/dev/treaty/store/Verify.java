package dev.treaty.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a store against itself, and against anchors kept elsewhere: the audit chain entry by
 * entry; every row of every table against its fingerprint (naming an edited field), its place
 * among the rows its audit entry wrote (naming a missing row) and that entry's count and digest
 * (naming the entry whose rows changed); the ledger's balance entry by entry; every issued
 * statement against its recorded hash and its recomputation from what the store held when it was
 * issued. Reports every problem it finds, each naming the table, the row and the field.
 */
public final class Verify {

    /** Problems reported before the rest are only counted: a wrecked store would otherwise print millions. */
    static final int PROBLEMS_MAX = 100;

    /**
     * What a verification found.
     *
     * @param head the chain head checked, "SEQ:HASH": an anchor to keep for a later --anchor
     */
    public record Report(long auditEntries, long facts, long postings, long statements, List<String> problems, String head) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public Optional<String> problem() {
            return problems.stream().findFirst();
        }
    }

    private Verify() {
    }

    /** An order-free digest of one stored fact version, as stores written before migration 3 recorded it per batch. */
    static long rowDigest(String key, int version, long contentHash) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= version * 0x9E3779B97F4A7C15L;
        h ^= contentHash;
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    private static final Pattern LEGACY_BATCH = Pattern.compile("^(revenue|event) from .* rows=(\\d+) digest=([0-9a-f]+) ");
    private static final Pattern STATEMENT = Pattern.compile("^statement (\\d+) of .* body ([0-9a-f]{64})$");
    private static final Pattern ANCHOR = Pattern.compile("(\\d+):([0-9a-f]{64})");

    public static Report run(Store store) {
        return run(store, List.of());
    }

    /**
     * @param anchors chain heads recorded elsewhere, "SEQ:HASH" (a statement prints the one before it;
     *                {@code verify} prints the current one): the chain must still hold each
     */
    public static Report run(Store store, List<String> anchors) {
        Problems problems = new Problems();
        List<AuditChain.Entry> entries = new ArrayList<>();
        store.query("select seq, at_micros, who, action, what, why, prev_hash, hash, fingerprint from audit order by seq", s -> { }, rows ->
                entries.add(new AuditChain.Entry(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9))));
        long[] counts = new long[3];
        String head = chain(store, entries, anchors, problems);
        Map<Long, AuditChain.Entry> bySeq = new HashMap<>();
        entries.forEach(e -> bySeq.put(e.seq(), e));
        for (Rows.Table table : Rows.RECORDED) rows(store, table, bySeq, problems, counts);
        legacyBatches(store, entries, problems, counts);
        ledger(store, problems, counts);
        if (problems.isEmpty()) statements(store, entries, problems, counts);
        DecisionLog.verify(store).forEach(problems::add);
        PartyScope.verify(store).forEach(problems::add);
        return new Report(entries.size(), counts[0], counts[1], counts[2], problems.list(), head);
    }

    /** Problems as found, the first {@link #PROBLEMS_MAX} in full. */
    private static final class Problems {
        private final List<String> list = new ArrayList<>();
        private long more;

        void add(String problem) {
            if (list.size() < PROBLEMS_MAX) list.add(problem);
            else more++;
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        List<String> list() {
            List<String> all = new ArrayList<>(list);
            if (more > 0) all.add("… and " + more + " more problems");
            return List.copyOf(all);
        }
    }

    // ---------------------------------------------------------------- the audit chain

    private static String chain(Store store, List<AuditChain.Entry> entries, List<String> anchors, Problems problems) {
        String previous = "0".repeat(64);
        long expected = 1;
        Map<Long, String> hashes = new HashMap<>();
        for (AuditChain.Entry entry : entries) {
            if (entry.seq() != expected) {
                problems.add("audit: " + (entry.seq() - 1 > expected ? "entries " + expected + " to " + (entry.seq() - 1) + " are"
                        : "entry " + expected + " is") + " missing (the next is " + entry.seq() + ")");
            }
            List<Integer> edited = entry.fingerprint() == null ? List.of() : Rows.mismatches(entry.values(), entry.fingerprint());
            if (edited == null) {
                problems.add("audit: entry " + entry.seq() + ", field fingerprint was edited");
            } else {
                for (int field : edited) problems.add("audit: entry " + entry.seq() + ", field " + Rows.AUDIT.columns().get(field) + " was edited");
            }
            if (!entry.previousHash().equals(previous)) {
                problems.add("audit: entry " + entry.seq() + ", field prev_hash does not follow entry " + (entry.seq() - 1)
                        + " (an entry before it was rewritten or removed)");
            }
            String hash = AuditChain.hash(entry.previousHash(), entry.seq(), entry.atMicros(), entry.who(), entry.action(), entry.what(),
                    entry.why());
            if (!hash.equals(entry.hash())) {
                problems.add("audit: entry " + entry.seq() + " (" + entry.action() + " by " + entry.who() + ") was altered: its hash does"
                        + " not match its content");
            }
            hashes.put(entry.seq(), entry.hash());
            previous = entry.hash();
            expected = entry.seq() + 1;
        }
        long[] head = {-1};
        String[] headHash = {""};
        store.query("select id, seq, hash from chain_head", s -> { }, rows -> {
            if (rows.getLong(1) != 1) problems.add("chain_head: field id was edited (" + rows.getLong(1) + "; the head is row 1)");
            head[0] = rows.getLong(2);
            headHash[0] = rows.getString(3);
        });
        long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        if (head[0] > last) {
            problems.add("audit: entr" + (head[0] - last > 1 ? "ies " + (last + 1) + " to " + head[0] + " are" : "y " + head[0] + " is")
                    + " missing (deleted from the end: the chain head still counts " + (head[0] - last > 1 ? "them" : "it") + ")");
        }
        if (head[0] != last) {
            problems.add("chain_head: field seq says " + head[0] + ", but the last audit entry is " + last + " (entries were removed or added)");
        }
        if (!headHash[0].equals(previous)) {
            problems.add("chain_head: field hash does not match the last audit entry's hash (the head was replaced or the last entries rewritten)");
        }
        for (String anchor : anchors) {
            Matcher matcher = ANCHOR.matcher(anchor.strip());
            if (!matcher.matches()) {
                problems.add("anchor '" + anchor + "' is not SEQ:HASH (an entry number and its 64-character hash)");
                continue;
            }
            long seq = Long.parseLong(matcher.group(1));
            String hash = seq == 0 ? "0".repeat(64) : hashes.get(seq);
            if (hash == null) {
                problems.add("audit: the chain ends at entry " + last + ", but the anchor holds entry " + seq
                        + " (entries were removed from the end)");
            } else if (!hash.equals(matcher.group(2))) {
                problems.add("audit: entry " + seq + " is not the entry the anchor holds (its hash differs: the chain was rewritten)");
            }
        }
        return last + ":" + previous;
    }

    // ---------------------------------------------------------------- every row of every table

    /** One audit entry's rows of one table, as read back in row_seq order. */
    private static final class Group {
        final long seq;
        /** How many rows the entry recorded writing; -1 when it records none of this table. */
        final long recorded;
        final String recordedDigest;
        final Rows.Digest digest = new Rows.Digest();
        final java.util.BitSet places = new java.util.BitSet();
        long count;
        long lastRow;
        boolean ordered = true;
        /** Rows whose row_seq is outside 1..recorded or repeats another's, named. */
        final List<String> misplaced = new ArrayList<>();

        /** Whether the audit entry the rows claim exists at all. */
        final boolean entryExists;

        Group(long seq, long recorded, String recordedDigest, boolean entryExists) {
            this.seq = seq;
            this.entryExists = entryExists;
            this.recorded = recorded;
            this.recordedDigest = recordedDigest;
        }
    }

    private static void rows(Store store, Rows.Table table, Map<Long, AuditChain.Entry> entries, Problems problems, long[] counts) {
        int width = table.columns().size();
        String sql = "select " + String.join(", ", table.columns()) + ", row_seq, fingerprint from " + table.name()
                + " where row_seq is not null order by " + table.auditColumn() + ", row_seq";
        Set<Long> seen = new HashSet<>();
        Group[] group = {null};
        store.query(sql, s -> s.setFetchSize(10_000), rows -> {
            String[] values = new String[width];
            for (int i = 0; i < width; i++) values[i] = rows.getString(i + 1);
            long rowSeq = rows.getLong(width + 1);
            String fingerprint = rows.getString(width + 2);
            long seq = Long.parseLong(values[table.index(table.auditColumn())]);
            if (table == Rows.REVENUE || table == Rows.EVENT) counts[0]++;
            String where = table.name() + ": row " + table.describe(values) + " (audit entry " + seq + ", row " + rowSeq + ")";
            List<Integer> edited = Rows.mismatches(values, fingerprint);
            if (edited == null) problems.add(where + ", field fingerprint was edited");
            else for (int field : edited) problems.add(where + ", field " + table.columns().get(field) + " was edited");
            if (group[0] == null || group[0].seq != seq) {
                if (group[0] != null) close(table, group[0], problems);
                AuditChain.Entry entry = entries.get(seq);
                String[] recorded = entry == null ? null : entry.rows().get(table.name());
                group[0] = new Group(seq, recorded == null ? -1 : Long.parseLong(recorded[0]), recorded == null ? "" : recorded[1],
                        entry != null);
                seen.add(seq);
            }
            Group current = group[0];
            boolean inPlace = rowSeq >= 1 && rowSeq <= current.recorded && rowSeq <= Integer.MAX_VALUE && !current.places.get((int) rowSeq);
            if (inPlace) current.places.set((int) rowSeq);
            else if (current.misplaced.size() < PROBLEMS_MAX) current.misplaced.add(where);
            if (rowSeq <= current.lastRow) current.ordered = false;
            if (current.ordered) current.digest.add(rowSeq, values, fingerprint);
            current.lastRow = rowSeq;
            current.count++;
        });
        if (group[0] != null) close(table, group[0], problems);
        for (AuditChain.Entry entry : entries.values()) {
            String[] recorded = entry.rows().get(table.name());
            if (recorded != null && !seen.contains(entry.seq())) {
                problems.add(table.name() + ": audit entry " + entry.seq() + " wrote " + recorded[0] + " rows; none is stored (deleted)");
            }
        }
    }

    private static void close(Rows.Table table, Group group, Problems problems) {
        if (group.recorded < 0) {
            problems.add(table.name() + ": " + group.count + " row" + (group.count == 1 ? " claims" : "s claim") + " audit entry " + group.seq
                    + (group.entryExists ? ", which records no " + table.name() + " rows" : ", which does not exist") + " (added, or field "
                    + table.auditColumn() + " was edited, or the entry deleted)");
            return;
        }
        for (String row : group.misplaced) {
            problems.add(row + (group.count > group.recorded ? ": a row the entry did not write (added, or field row_seq or "
                    + table.auditColumn() + " was edited)" : ", field row_seq was edited (out of sequence)"));
        }
        if (group.count < group.recorded) {
            List<String> missing = new ArrayList<>();
            for (long place = 1; place <= group.recorded && missing.size() < 10; place++) {
                if (!group.places.get((int) place)) missing.add(Long.toString(place));
            }
            problems.add(table.name() + ": audit entry " + group.seq + " wrote " + group.recorded + " rows; " + (group.recorded - group.count)
                    + " missing (deleted): row " + String.join(", ", missing) + (group.recorded - group.count > missing.size() ? ", …" : ""));
        }
        if (group.ordered && group.count == group.recorded && group.misplaced.isEmpty()) {
            String digest = group.digest.hex();
            if (!digest.equals(group.recordedDigest)) {
                problems.add(table.name() + ": the rows audit entry " + group.seq + " wrote were altered (their digest differs from the one recorded)");
            }
        }
    }

    // ---------------------------------------------------------------- stores written before migration 3

    private static void legacyBatches(Store store, List<AuditChain.Entry> entries, Problems problems, long[] counts) {
        Map<Long, long[]> recorded = new HashMap<>();     // batch → {rows, digest}
        Map<Long, String> tables = new HashMap<>();
        for (AuditChain.Entry entry : entries) {
            if (!entry.action().startsWith("ingest ") && !entry.action().startsWith("correct ")) continue;
            Matcher matcher = LEGACY_BATCH.matcher(entry.what());
            if (!matcher.find()) continue;
            recorded.put(entry.seq(), new long[]{Long.parseLong(matcher.group(2)), Long.parseUnsignedLong(matcher.group(3), 16)});
            tables.put(entry.seq(), matcher.group(1));
        }
        if (recorded.isEmpty()) return;
        Map<Long, long[]> found = new HashMap<>();
        for (String table : List.of("revenue", "event")) {
            store.query("select batch, fact_key, version, content_hash from " + table + " where row_seq is null", s -> s.setFetchSize(10_000), rows -> {
                long[] sum = found.computeIfAbsent(rows.getLong(1), b -> new long[2]);
                sum[0]++;
                counts[0]++;
                sum[1] += rowDigest(rows.getString(2), rows.getInt(3), rows.getLong(4));
            });
        }
        for (Map.Entry<Long, long[]> batch : recorded.entrySet()) {
            long[] stored = found.getOrDefault(batch.getKey(), new long[2]);
            long[] expected = batch.getValue();
            if (stored[0] != expected[0]) {
                problems.add(tables.get(batch.getKey()) + ": the batch of audit entry " + batch.getKey() + " recorded " + expected[0]
                        + " facts; " + stored[0] + " are stored (facts were deleted or added)");
            } else if (stored[1] != expected[1]) {
                problems.add(tables.get(batch.getKey()) + ": the batch of audit entry " + batch.getKey() + " was altered: its facts' digest differs");
            }
        }
    }

    // ---------------------------------------------------------------- the ledger and the statements

    private static void ledger(Store store, Problems problems, long[] counts) {
        store.query("select entry, currency, sum(amount_micros), count(*) from posting group by entry, currency", s -> { }, rows -> {
            counts[1] += rows.getLong(4);
            if (rows.getLong(3) != 0) {
                problems.add("posting: entry " + rows.getString(1) + " does not balance (" + rows.getString(2) + " " + rows.getLong(3)
                        + " micros): the ledger does not sum to zero");
            }
        });
    }

    private static void statements(Store store, List<AuditChain.Entry> entries, Problems problems, long[] counts) {
        Map<Long, String> hashes = new HashMap<>();
        for (AuditChain.Entry entry : entries) {
            if (!entry.action().equals("statement issue")) continue;
            Matcher matcher = STATEMENT.matcher(entry.what().lines().findFirst().orElse(""));
            if (matcher.find()) hashes.put(Long.parseLong(matcher.group(1)), matcher.group(2));
        }
        for (StatementBook.Issued issued : StatementBook.all(store)) {
            counts[2]++;
            String hash = AuditChain.sha256(issued.body());
            String audited = hashes.get(issued.number());
            if (audited == null) {
                problems.add("statement: row number " + issued.number() + " has no audit entry");
                continue;
            }
            if (!hash.equals(audited) || !hash.equals(issued.bodyHash())) {
                problems.add("statement: row number " + issued.number() + ", field body was edited after it was issued (its text does not"
                        + " match the hash recorded when it was issued)");
                continue;
            }
            String recomputed = StatementBook.recompute(store, issued);
            if (!recomputed.equals(issued.body())) {
                problems.add("statement: row number " + issued.number() + " does not match its recomputation from what the store held on "
                        + Store.instant(issued.issuedMicros()) + " (a stored fact, agreement or earlier statement was changed)");
            }
        }
    }
}
