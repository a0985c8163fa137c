package dev.treaty.bench;

import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;

import java.math.BigDecimal;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Computes the revenue bases of a settlement twice, in one run: with Treaty's streaming path, and
 * with DuckDB ({@code read_csv} and {@code GROUP BY} over the same pieces and filters). Checks that
 * they agree to the cent and prints both times.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.treaty.bench.DuckDbBaseline AGREEMENT_DIR REVENUE.csv [EVENTS.jsonl] THROUGH</pre>
 *
 * With {@code -Dparquet} the ledger is first written as Parquet beside the CSV, and both engines
 * read that: Treaty through its pushdown path (as {@code treaty settle} does for Parquet).
 */
public final class DuckDbBaseline {

    /** The bases of every piece, keyed by term and the piece's first day. */
    public record Bases(Map<String, BigDecimal> byPiece, double seconds) {
    }

    private DuckDbBaseline() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DuckDbBaseline AGREEMENT_DIR REVENUE.csv [EVENTS.jsonl] THROUGH");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        Path revenue = Path.of(args[1]);
        Path events = args.length > 3 ? Path.of(args[2]) : null;
        LocalDate through = LocalDate.parse(args[args.length - 1]);
        SettlementPlan plan = plan(folder, events, through);
        if (System.getProperty("parquet") != null) revenue = parquet(revenue);
        Bases treaty = dev.treaty.evaluator.settle.Pushdown.isParquet(revenue) ? pushdown(plan, revenue) : treaty(plan, revenue);
        Bases duck = duckDb(plan.pieces(), revenue);
        boolean agree = treaty.byPiece().equals(duck.byPiece());
        System.out.printf("pieces %d, bases agree to the cent: %s%n", treaty.byPiece().size(), agree ? "yes" : "NO");
        System.out.printf("treaty %.2f s, duckdb %.2f s, ratio treaty/duckdb throughput %.2f%n", treaty.seconds(), duck.seconds(),
                duck.seconds() / treaty.seconds());
        if (!agree) {
            treaty.byPiece().forEach((k, v) -> {
                if (!v.equals(duck.byPiece().get(k))) System.out.println("  " + k + ": treaty " + v + ", duckdb " + duck.byPiece().get(k));
            });
            System.exit(1);
        }
    }

    public static SettlementPlan plan(Path folder, Path events, LocalDate through) {
        AgreementFolder.Loaded loaded = AgreementFolder.load(folder);
        if (loaded.hasErrors()) throw new IllegalStateException("agreement has errors: " + loaded.diagnostics());
        AgreementHistory history = loaded.histories().get(0);
        Facts facts = events == null ? Facts.NONE : new Facts(EventReader.read(List.of(events)).facts());
        return SettlementPlan.of(history.versions().stream().map(v -> new SettlementPlan.VersionSpan(v.inForce(), v)).toList(),
                facts, through, Optional.empty());
    }

    public static Bases treaty(SettlementPlan plan, Path revenue) {
        long start = System.nanoTime();
        RevenueReader.Result result = RevenueReader.read(List.of(revenue), plan, RevenueReader.Progress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!result.errors().isEmpty()) throw new IllegalStateException("bad revenue: " + result.errors().get(0));
        Map<String, BigDecimal> bases = new LinkedHashMap<>();
        for (SettlementPlan.PieceView piece : plan.pieces()) {
            bases.put(piece.term() + "@" + piece.from(), piece.base().setScale(2, java.math.RoundingMode.UNNECESSARY));
        }
        return new Bases(bases, seconds);
    }

    /** Writes the CSV ledger as Parquet beside it (once), with typed columns. */
    static Path parquet(Path csv) throws SQLException {
        Path parquet = csv.resolveSibling(csv.getFileName().toString().replaceAll("\\.csv$", "") + ".parquet");
        if (java.nio.file.Files.exists(parquet)) return parquet;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM " + csvSource(csv) + ") TO '" + parquet + "' (FORMAT parquet)");
        }
        return parquet;
    }

    /** Treaty's pushdown path (what `treaty settle` uses for Parquet). */
    public static Bases pushdown(SettlementPlan plan, Path revenue) {
        long start = System.nanoTime();
        var result = dev.treaty.evaluator.settle.Pushdown.aggregate(plan, List.of(revenue));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!result.errors().isEmpty()) throw new IllegalStateException("bad revenue: " + result.errors().get(0));
        Map<String, BigDecimal> bases = new LinkedHashMap<>();
        for (SettlementPlan.PieceView piece : plan.pieces()) {
            bases.put(piece.term() + "@" + piece.from(), piece.base().setScale(2, java.math.RoundingMode.UNNECESSARY));
        }
        return new Bases(bases, seconds);
    }

    private static String csvSource(Path revenue) {
        return "read_csv('" + revenue.toAbsolutePath().toString().replace("'", "''") + "', header = true, all_varchar = false,"
                + " columns = {'id': 'VARCHAR', 'date': 'DATE', 'party': 'VARCHAR', 'product': 'VARCHAR', 'kind': 'VARCHAR',"
                + " 'category': 'VARCHAR', 'cloud': 'VARCHAR', 'region': 'VARCHAR', 'segment': 'VARCHAR',"
                + " 'amount': 'DECIMAL(38,6)', 'currency': 'VARCHAR'})";
    }

    public static Bases duckDb(List<SettlementPlan.PieceView> pieces, Path revenue) throws SQLException {
        Map<String, List<SettlementPlan.PieceView>> byTerm = pieces.stream()
                .collect(Collectors.groupingBy(SettlementPlan.PieceView::term, LinkedHashMap::new, Collectors.toList()));
        long start = System.nanoTime();
        Map<String, BigDecimal> bases = new LinkedHashMap<>();
        pieces.forEach(p -> bases.put(p.term() + "@" + p.from(), BigDecimal.ZERO.setScale(2)));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            String source = dev.treaty.evaluator.settle.Pushdown.isParquet(revenue)
                    ? "read_parquet('" + revenue.toAbsolutePath().toString().replace("'", "''") + "')" : csvSource(revenue);
            List<String> selects = new ArrayList<>();
            for (var term : byTerm.entrySet()) {
                SettlementPlan.PieceView first = term.getValue().get(0);
                StringBuilder piece = new StringBuilder("CASE");
                for (SettlementPlan.PieceView p : term.getValue()) {
                    piece.append(" WHEN date BETWEEN DATE '").append(p.from()).append("' AND DATE '").append(p.through())
                            .append("' THEN '").append(p.term()).append('@').append(p.from()).append('\'');
                }
                piece.append(" END");
                String filter = first.filter().map(f -> dev.treaty.evaluator.settle.Pushdown.sql(f, first.kinds())).orElse("TRUE");
                selects.add("SELECT " + piece + " AS piece, amount FROM r WHERE party = '" + first.payer() + "' AND currency = '"
                        + first.currency() + "' AND " + filter);
            }
            // the one translation of filters to SQL (Pushdown.sql) reads a missing value as ''
            String query = "WITH r AS (SELECT date, party, amount, currency, coalesce(product, '') AS product, coalesce(kind, '') AS kind,"
                    + " coalesce(category, '') AS category, coalesce(cloud, '') AS cloud, coalesce(region, '') AS region,"
                    + " coalesce(segment, '') AS segment FROM " + source + ") SELECT piece, sum(amount) FROM ("
                    + String.join(" UNION ALL ", selects) + ") WHERE piece IS NOT NULL GROUP BY piece";
            try (ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) bases.put(rows.getString(1), rows.getBigDecimal(2).setScale(2, java.math.RoundingMode.UNNECESSARY));
            }
        }
        return new Bases(bases, (System.nanoTime() - start) / 1e9);
    }
}
