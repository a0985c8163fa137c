package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.facts.FactError;
import dev.treaty.model.term.Filter;
import dev.treaty.model.term.ProductKinds;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pushdown path: DuckDB sums the revenue bases of a {@link SettlementPlan}'s pieces straight
 * from Parquet (or CSV) files, with the same filters, the same splits and the same treatment of
 * ids as the streaming path, and hands the sums to the plan. The statements are then computed by
 * the same code; a property test checks that both paths give identical statements.
 */
public final class Pushdown {

    /** What the engine did: lines read, repeated ids skipped, and problems (file and reason). */
    public record Result(long lines, long duplicates, List<FactError> errors) {
    }

    private Pushdown() {
    }

    public static boolean isParquet(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") || name.endsWith(".parq");
    }

    /** Sums every file's revenue into the plan's pieces. */
    public static Result aggregate(SettlementPlan plan, List<Path> files) {
        return aggregate(plan, files, java.time.Instant.MAX);
    }

    /**
     * Sums the revenue known at {@code knownAt} into the plan's pieces: lines recorded by then, or
     * without a {@code recorded} value, dated a day that had ended by then (as the streaming path).
     */
    public static Result aggregate(SettlementPlan plan, List<Path> files, java.time.Instant knownAt) {
        List<FactError> errors = new ArrayList<>();
        long lines = 0;
        long duplicates = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    errors.add(new FactError(file, 0, "", "no such file"));
                    continue;
                }
                String source = source(file);
                String columns = columns(statement, source, file, errors, !isParquet(file));
                if (columns == null) continue;
                statement.execute("CREATE OR REPLACE TEMP VIEW revenue AS SELECT * FROM (SELECT " + columns + " FROM " + source
                        + ") WHERE " + known(knownAt));
                long total;
                long withIds;
                long distinctIds;
                // Distinct 64-bit hashes prove the ids distinct, and are cheaper to count than the strings;
                // only when some hash repeats (a repeated id, or very rarely a collision) are the ids counted exactly.
                try (ResultSet counts = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE id <> ''),"
                        + " count(DISTINCT hash(id)) FILTER (WHERE id <> '') FROM revenue")) {
                    counts.next();
                    total = counts.getLong(1);
                    withIds = counts.getLong(2);
                    distinctIds = counts.getLong(3);
                }
                if (distinctIds < withIds) {
                    try (ResultSet exact = statement.executeQuery("SELECT count(DISTINCT id) FILTER (WHERE id <> '') FROM revenue")) {
                        exact.next();
                        distinctIds = exact.getLong(1);
                    }
                }
                if (withIds > distinctIds) {
                    // Some id repeats: a repeat with other content is an error; an identical repeat counts once.
                    try (ResultSet conflicts = statement.executeQuery("SELECT id FROM revenue WHERE id <> '' GROUP BY id"
                            + " HAVING count(DISTINCT (date, party, product, kind, category, cloud, region, segment, amount, currency)) > 1"
                            + " ORDER BY id LIMIT 50")) {
                        while (conflicts.next()) {
                            errors.add(new FactError(file, 0, "id", "id '" + conflicts.getString(1) + "' is used by lines with different content"));
                        }
                    }
                    if (!errors.isEmpty()) continue;
                    statement.execute("CREATE OR REPLACE TEMP VIEW lines AS SELECT * FROM revenue WHERE id = ''"
                            + " UNION ALL SELECT DISTINCT ON (id) * FROM revenue WHERE id <> ''");
                } else {
                    statement.execute("CREATE OR REPLACE TEMP VIEW lines AS SELECT * FROM revenue");
                }
                long distinct = total - withIds + distinctIds;
                long counted = sum(plan, statement, file);
                lines += distinct;
                duplicates += total - distinct;
                plan.countLines(distinct, distinct - counted);
            }
        } catch (SQLException e) {
            errors.add(new FactError(files.isEmpty() ? Path.of("") : files.get(0), 0, "", "the pushdown engine failed: "
                    + e.getMessage().lines().findFirst().orElse("")));
        }
        return new Result(lines, duplicates, List.copyOf(errors));
    }

    private static String source(Path file) {
        String path = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        return isParquet(file) ? "read_parquet(" + path + ")"
                : "read_csv(" + path + ", header = true, all_varchar = true)";
    }

    /** The known columns, typed and with missing optional ones as empty strings; null (reported) if a required one is missing. */
    private static String columns(Statement statement, String source, Path file, List<FactError> errors, boolean trim)
            throws SQLException {
        List<String> present = new ArrayList<>();
        try (ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (described.next()) present.add(described.getString(1).toLowerCase(Locale.ROOT));
        }
        for (String required : List.of("date", "party", "amount", "currency")) {
            if (!present.contains(required)) {
                errors.add(new FactError(file, 1, required, "required column is missing"));
                return null;
            }
        }
        List<String> columns = new ArrayList<>();
        columns.add("CAST(\"date\" AS DATE) AS date");
        columns.add("CAST(\"amount\" AS DECIMAL(38,6)) AS amount");
        for (String text : List.of("id", "party", "product", "kind", "category", "cloud", "region", "segment", "currency", "recorded")) {
            // CSV values are trimmed as the streaming reader trims them; Parquet strings are taken as they are.
            String value = "CAST(\"" + text + "\" AS VARCHAR)";
            columns.add(present.contains(text) ? "coalesce(" + (trim ? "trim(" + value + ")" : value) + ", '') AS " + text : "'' AS " + text);
        }
        return String.join(", ", columns);
    }

    /** Sums the deduplicated lines into the pieces; returns how many lines some term counted. */
    private static long sum(SettlementPlan plan, Statement statement, Path file) throws SQLException {
        Optional<String> query = sumQuery(plan, null);
        if (query.isEmpty()) return 0;
        try (ResultSet rows = statement.executeQuery(query.get())) {
            while (rows.next()) {
                BigDecimal sum = rows.getBigDecimal(3);
                plan.addToPiece(rows.getString(1), rows.getObject(2, LocalDate.class), sum.movePointRight(6).toBigIntegerExact(),
                        rows.getLong(4), file, 0);
            }
        }
        try (ResultSet rows = statement.executeQuery(countedQuery(plan))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** How many lines of the view {@code lines} some term counts (a line counted by two terms is one line). */
    public static String countedQuery(SettlementPlan plan) {
        List<String> matches = new ArrayList<>();
        for (var term : byTerm(plan).entrySet()) matches.add("(" + where(term.getValue().get(0)) + " AND (" + pieceCase(term.getValue()) + ") IS NOT NULL)");
        return "SELECT count(*) FROM lines WHERE " + (matches.isEmpty() ? "FALSE" : String.join(" OR ", matches));
    }

    /** The plan's pieces by term, in the plan's order: what the summing SQL of every engine is made from. */
    public static Map<String, List<SettlementPlan.PieceView>> byTerm(SettlementPlan plan) {
        return plan.pieces().stream().collect(Collectors.groupingBy(SettlementPlan.PieceView::term, LinkedHashMap::new, Collectors.toList()));
    }

    /** The piece of one term a line's date falls in, as the piece's first day, or NULL. */
    public static String pieceCase(List<SettlementPlan.PieceView> pieces) {
        StringBuilder piece = new StringBuilder("CASE");
        for (SettlementPlan.PieceView p : pieces) {
            piece.append(" WHEN date BETWEEN DATE '").append(p.from()).append("' AND DATE '").append(p.through())
                    .append("' THEN DATE '").append(p.from()).append('\'');
        }
        return piece.append(" END").toString();
    }

    /** Which lines a term counts: the payer's, in the term's currency, that its base filter takes. */
    public static String where(SettlementPlan.PieceView first) {
        return "party = '" + quote(first.payer()) + "' AND currency = '" + first.currency() + "' AND "
                + first.filter().map(f -> sql(f, first.kinds())).orElse("TRUE");
    }

    /**
     * The one query that sums a view named {@code lines} (typed and deduplicated: date, party,
     * currency, amount as an exact decimal, the filter columns) into the plan's pieces: rows of
     * term, the piece's first day, the sum, the count (and the file, when {@code fileColumn} names
     * it). DuckDB and Spark SQL both run it; a line lies in one piece of a term at most, so the
     * counts add up to the lines some term counted. Empty when the plan has no piece.
     */
    public static Optional<String> sumQuery(SettlementPlan plan, String fileColumn) {
        List<String> selects = new ArrayList<>();
        String file = fileColumn == null ? "" : ", " + fileColumn;
        for (var term : byTerm(plan).entrySet()) {
            selects.add("SELECT '" + quote(term.getKey()) + "' AS term, " + pieceCase(term.getValue()) + " AS piece, amount" + file
                    + " FROM lines WHERE " + where(term.getValue().get(0)));
        }
        if (selects.isEmpty()) return Optional.empty();
        return Optional.of("SELECT term, piece, sum(amount), count(*)" + file + " FROM (" + String.join(" UNION ALL ", selects)
                + ") WHERE piece IS NOT NULL GROUP BY term, piece" + file);
    }

    /** The SQL condition for "known at": the same rule as {@code RevenueLine.isKnownAt}. */
    private static String known(java.time.Instant knownAt) {
        if (knownAt.equals(java.time.Instant.MAX)) return "TRUE";
        java.time.LocalDate day = knownAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        LocalDate lastWholeDay = dev.treaty.evaluator.facts.Fact.endOfDay(day).isAfter(knownAt) ? day.minusDays(1) : day;
        long micros = knownAt.getEpochSecond() * 1_000_000 + knownAt.getNano() / 1_000;
        return "(CASE WHEN recorded = '' THEN date <= DATE '" + lastWholeDay + "' ELSE epoch_us(CAST(recorded AS TIMESTAMPTZ)) <= "
                + micros + " END)";
    }

    public static String quote(String text) {
        return text.replace("'", "''");
    }

    /**
     * A filter as SQL over columns that hold '' for a missing value, with Treaty's meaning: a
     * missing field is in no set, and a kind stands for itself and every kind below it. The one
     * translation of filters to SQL (the DuckDB baseline of the benchmarks uses it too).
     */
    public static String sql(Filter filter, ProductKinds kinds) {
        return switch (filter) {
            case Filter.In in -> {
                java.util.SortedSet<String> values = new java.util.TreeSet<>();
                for (String value : in.values()) values.addAll(in.field().equals("kind") ? kinds.descendants(value) : List.of(value));
                yield "(" + in.field() + " " + (in.negated() ? "NOT IN" : "IN") + " ("
                        + values.stream().map(v -> "'" + quote(v) + "'").collect(Collectors.joining(", ")) + ")"
                        + (in.negated() ? "" : " AND " + in.field() + " <> ''") + ")";
            }
            case Filter.Assumed assumed -> assumed.value() ? "TRUE" : "FALSE";
            case Filter.Not not -> "(NOT " + sql(not.operand(), kinds) + ")";
            case Filter.And and -> "(" + sql(and.left(), kinds) + " AND " + sql(and.right(), kinds) + ")";
            case Filter.Or or -> "(" + sql(or.left(), kinds) + " OR " + sql(or.right(), kinds) + ")";
        };
    }
}
