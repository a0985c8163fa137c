package dev.treaty.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a store against itself: the audit chain hash by hash, every ingested batch against its
 * audit entry (so a deleted or added fact shows), the ledger's balance entry by entry, and every
 * issued statement against its recorded hash and against its recomputation from what was known
 * when it was issued. Reports the first inconsistency.
 */
public final class Verify {

    /** What a verification found: the counts checked, and the first problem if any. */
    public record Report(long auditEntries, long facts, long postings, long statements, Optional<String> problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    private Verify() {
    }

    /** An order-free digest of one stored fact version; a batch's digest is the sum over its rows. */
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

    private static final Pattern BATCH = Pattern.compile("^(revenue|event) from .* rows=(\\d+) digest=([0-9a-f]+) ");
    private static final Pattern STATEMENT = Pattern.compile("^statement (\\d+) of .* body ([0-9a-f]{64})$");

    public static Report run(Store store) {
        List<AuditChain.Entry> entries = new ArrayList<>();
        store.query("select seq, at_micros, who, action, what, why, prev_hash, hash from audit order by seq", s -> { }, rows ->
                entries.add(new AuditChain.Entry(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getString(6), rows.getString(7), rows.getString(8))));
        long[] counts = new long[3];
        Optional<String> problem = chain(store, entries);
        if (problem.isEmpty()) problem = batches(store, entries, counts);
        if (problem.isEmpty()) problem = ledger(store, counts);
        if (problem.isEmpty()) problem = statements(store, entries, counts);
        return new Report(entries.size(), counts[0], counts[1], counts[2], problem);
    }

    private static Optional<String> chain(Store store, List<AuditChain.Entry> entries) {
        String previous = "0".repeat(64);
        long expected = 1;
        for (AuditChain.Entry entry : entries) {
            if (entry.seq() != expected) return Optional.of("audit entry " + expected + " is missing (the next is " + entry.seq() + ")");
            if (!entry.previousHash().equals(previous)) {
                return Optional.of("audit entry " + entry.seq() + " does not follow entry " + (entry.seq() - 1) + ": its previous hash differs");
            }
            String hash = AuditChain.hash(previous, entry.seq(), entry.atMicros(), entry.who(), entry.action(), entry.what(), entry.why());
            if (!hash.equals(entry.hash())) {
                return Optional.of("audit entry " + entry.seq() + " (" + entry.action() + " by " + entry.who() + ") was altered: its hash does not match its content");
            }
            previous = hash;
            expected++;
        }
        long[] head = {0};
        String[] headHash = {""};
        store.query("select seq, hash from chain_head where id = 1", s -> { }, rows -> {
            head[0] = rows.getLong(1);
            headHash[0] = rows.getString(2);
        });
        if (head[0] != entries.size() || !headHash[0].equals(previous)) {
            return Optional.of("the chain head (entry " + head[0] + ") does not match the last audit entry (" + entries.size() + "): entries were removed or added");
        }
        return Optional.empty();
    }

    private static Optional<String> batches(Store store, List<AuditChain.Entry> entries, long[] counts) {
        Map<Long, long[]> recorded = new HashMap<>();     // batch → {rows, digest}
        Map<Long, String> tables = new HashMap<>();
        for (AuditChain.Entry entry : entries) {
            if (!entry.action().startsWith("ingest ")) continue;
            Matcher matcher = BATCH.matcher(entry.what());
            if (!matcher.find()) return Optional.of("audit entry " + entry.seq() + " does not describe its batch");
            recorded.put(entry.seq(), new long[]{Long.parseLong(matcher.group(2)), Long.parseUnsignedLong(matcher.group(3), 16)});
            tables.put(entry.seq(), matcher.group(1));
        }
        Map<Long, long[]> found = new HashMap<>();
        for (String table : List.of("revenue", "event")) {
            store.query("select batch, fact_key, version, content_hash from " + table, s -> s.setFetchSize(10_000), rows -> {
                long[] sum = found.computeIfAbsent(rows.getLong(1), b -> new long[2]);
                sum[0]++;
                sum[1] += rowDigest(rows.getString(2), rows.getInt(3), rows.getLong(4));
                counts[0]++;
            });
        }
        for (Map.Entry<Long, long[]> batch : found.entrySet()) {
            if (!recorded.containsKey(batch.getKey())) {
                return Optional.of(batch.getValue()[0] + " stored facts claim batch " + batch.getKey() + ", which no audit entry records");
            }
        }
        for (Map.Entry<Long, long[]> batch : recorded.entrySet()) {
            long[] stored = found.getOrDefault(batch.getKey(), new long[2]);
            long[] expected = batch.getValue();
            if (stored[0] != expected[0]) {
                return Optional.of("the " + tables.get(batch.getKey()) + " batch of audit entry " + batch.getKey() + " recorded " + expected[0]
                        + " facts; " + stored[0] + " are stored (facts were deleted or added)");
            }
            if (stored[1] != expected[1]) {
                return Optional.of("the " + tables.get(batch.getKey()) + " batch of audit entry " + batch.getKey() + " was altered: its facts' digest differs");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ledger(Store store, long[] counts) {
        List<String> unbalanced = new ArrayList<>();
        store.query("select entry, currency, sum(amount_micros), count(*) from posting group by entry, currency", s -> { }, rows -> {
            counts[1] += rows.getLong(4);
            if (rows.getLong(3) != 0) unbalanced.add(rows.getString(1) + " (" + rows.getString(2) + " " + rows.getLong(3) + " micros)");
        });
        return unbalanced.isEmpty() ? Optional.empty()
                : Optional.of("the ledger does not balance: entry " + unbalanced.get(0) + " does not sum to zero");
    }

    private static Optional<String> statements(Store store, List<AuditChain.Entry> entries, long[] counts) {
        Map<Long, String> hashes = new HashMap<>();
        for (AuditChain.Entry entry : entries) {
            if (!entry.action().equals("statement issue")) continue;
            Matcher matcher = STATEMENT.matcher(entry.what());
            if (matcher.find()) hashes.put(Long.parseLong(matcher.group(1)), matcher.group(2));
        }
        for (StatementBook.Issued issued : StatementBook.all(store)) {
            counts[2]++;
            String hash = AuditChain.sha256(issued.body());
            String audited = hashes.get(issued.number());
            if (audited == null) return Optional.of("statement " + issued.number() + " has no audit entry");
            if (!hash.equals(audited) || !hash.equals(issued.bodyHash())) {
                return Optional.of("statement " + issued.number() + " was edited after it was issued: its text does not match the hash recorded when it was issued");
            }
            String recomputed = StatementBook.recompute(store, issued);
            if (!recomputed.equals(issued.body())) {
                return Optional.of("statement " + issued.number() + " does not match its recomputation from what was known on "
                        + Store.instant(issued.issuedMicros()) + " (a stored fact, agreement or earlier statement was changed)");
            }
        }
        return Optional.empty();
    }
}
