package dev.treaty.spark;

import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.FactError;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.settle.Pushdown;
import dev.treaty.evaluator.settle.Settlement;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Settlement on Apache Spark. The driver reads the agreement and the events and cuts the same
 * plan as the streaming and DuckDB paths (the pieces of time each term is in force over, with their
 * base filters); the cluster reads the revenue (Parquet or CSV, any filesystem Spark reads), checks
 * every line as the command line does, removes repeated ids (a line under a used id with other
 * content is an error naming the id), and sums each piece's base per file in exact decimals; the
 * driver then settles with the existing code (tiers, caps, minimums, instalments), so the
 * arithmetic exists once.
 */
public final class SparkSettle {

    /** The revenue columns the job reads; the first four are required. */
    static final List<String> COLUMNS = List.of("date", "party", "amount", "currency", "id", "product", "kind", "category", "cloud",
            "region", "segment");
    /** At most this many bad lines (or conflicting ids) are reported, as the command line does. */
    static final int REPORTED_MAX = 50;

    /** What to settle. */
    public record Request(Path folder, Optional<String> agreement, List<String> revenue, List<Path> events, LocalDate through,
                          Optional<String> term, boolean skipBad) {
        public Request {
            revenue = List.copyOf(revenue);
            events = List.copyOf(events);
        }
    }

    /** A settlement, the lines read and counted once, the repeated lines removed, the bad lines skipped (with --skip-bad), and where the time went. */
    public record Outcome(SettlementResult result, long lines, long repeated, List<FactError> skipped, Timings timings) {
    }

    /** Wall-clock seconds of the driver's planning, the cluster's work (checks, ids, sums), and the driver's settling. */
    public record Timings(double plan, double cluster, double settle) {
    }

    /** The job cannot settle: the agreement, the events or the revenue have the problems listed; nothing was written. */
    public static final class Refused extends RuntimeException {
        private final List<String> problems;

        public Refused(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private SparkSettle() {
    }

    /** Settles on {@code spark}; throws {@link Refused} with every problem found, before anything is written. */
    public static Outcome settle(SparkSession spark, Request request) {
        try {
            return settleOrFail(spark, request);
        } catch (Exception e) {                             // Spark throws its checked SparkException unchecked, from Scala
            // a file the cluster cannot read (not Parquet, cut short, gone) is bad input, found only when the executors open it
            if (e instanceof Refused) throw e;
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                String message = String.valueOf(cause.getMessage());
                if (message.contains("FAILED_READ_FILE") || message.contains("PATH_NOT_FOUND") || message.contains("CANNOT_READ_FILE")
                        || message.contains("UNABLE_TO_INFER_SCHEMA")) {
                    throw new Refused(List.of(String.join(", ", request.revenue()) + ": cannot read: " + firstLine(cause)));
                }
            }
            if (e instanceof RuntimeException unchecked) throw unchecked;
            throw new IllegalStateException(firstLine(e), e);
        }
    }

    private static Outcome settleOrFail(SparkSession spark, Request request) {
        long start = System.nanoTime();
        AgreementFolder.Loaded loaded = AgreementFolder.load(request.folder());
        if (loaded.hasErrors()) {
            throw new Refused(loaded.diagnostics().stream().filter(dev.treaty.language.Diagnostic::isError).map(Object::toString).toList());
        }
        AgreementHistory history = pick(loaded, request.agreement());
        EventReader.Result events = request.events().isEmpty() ? new EventReader.Result(List.of(), List.of(), List.of())
                : EventReader.read(request.events());
        if (!events.errors().isEmpty()) throw new Refused(events.errors().stream().map(Object::toString).toList());
        Facts facts = new Facts(dev.treaty.evaluator.facts.FactChecks.relevant(history, events.facts()));
        SettlementPlan plan = SettlementPlan.of(SettlementPlan.schedule(history.asKnown(LocalDate.MAX)), facts, request.through(),
                request.term());

        long planned = System.nanoTime();
        Dataset<Row> raw = read(spark, request.revenue());
        Dataset<Row> typed = typed(raw, !request.revenue().stream().allMatch(SparkSettle::isParquet));
        typed.createOrReplaceTempView("treaty_typed");

        // One pass checks every line and proves the ids distinct (distinct 64-bit hashes prove distinct ids; only when a
        // hash repeats, a repeated id or very rarely a collision, are the ids compared exactly), as the DuckDB path does.
        Row check = spark.sql("SELECT count(*), count_if(problem IS NOT NULL), count_if(problem IS NULL AND id <> ''),"
                + " count(DISTINCT CASE WHEN problem IS NULL AND id <> '' THEN xxhash64(id) END) FROM treaty_typed").first();
        long total = check.getLong(0);
        long badCount = check.getLong(1);
        boolean repeats = check.getLong(3) < check.getLong(2);

        // Every line checked as the command line checks it; bad ones refuse the run, or are skipped with --skip-bad.
        List<FactError> bad = new ArrayList<>();
        if (badCount > 0) {
            for (Row row : spark.sql("SELECT file, id, problem FROM treaty_typed WHERE problem IS NOT NULL LIMIT " + REPORTED_MAX).collectAsList()) {
                bad.add(new FactError(Path.of(local(row.getString(0))), 0, "", (row.getString(1).isEmpty() ? "" : "the line with id '"
                        + row.getString(1) + "': ") + row.getString(2)));
            }
            if (!request.skipBad()) {
                List<String> problems = new ArrayList<>(bad.stream().map(SparkSettle::describe).toList());
                problems.add(badCount + " bad revenue line" + (badCount == 1 ? "" : "s") + "; nothing was computed (--skip-bad goes on without them)");
                throw new Refused(problems);
            }
        }
        String goodColumns = "file, id, date, party, amount, currency, product, kind, category, cloud, region, segment";
        spark.sql("SELECT " + goodColumns + " FROM treaty_typed" + (badCount > 0 ? " WHERE problem IS NULL" : ""))
                .createOrReplaceTempView("treaty_good");
        long read = total - badCount;
        if (repeats) {
            // A repeated id counts once; the same id on lines with other content is an error naming it.
            String content = "struct(date, party, product, kind, category, cloud, region, segment, amount, currency)";
            spark.sql("SELECT id, min(" + content + ") AS low, max(" + content + ") AS high, min(file) AS file FROM treaty_good"
                    + " WHERE id <> '' GROUP BY id").createOrReplaceTempView("treaty_ids");
            List<String> conflicts = new ArrayList<>();
            for (Row row : spark.sql("SELECT id, file FROM treaty_ids WHERE low <> high ORDER BY id LIMIT " + REPORTED_MAX).collectAsList()) {
                conflicts.add(local(row.getString(1)) + ": field 'id': id '" + row.getString(0) + "' is used by lines with different content");
            }
            if (!conflicts.isEmpty()) {
                conflicts.add("nothing was computed: a line under a used id must repeat it exactly, or take another id");
                throw new Refused(conflicts);
            }
            spark.sql("SELECT file, id, date, party, amount, currency, product, kind, category, cloud, region, segment FROM treaty_good"
                    + " WHERE id = '' UNION ALL SELECT file, id, low.date, low.party, low.amount, low.currency, low.product, low.kind,"
                    + " low.category, low.cloud, low.region, low.segment FROM treaty_ids").createOrReplaceTempView("lines");
        } else {
            spark.sql("SELECT * FROM treaty_good").createOrReplaceTempView("lines");
        }

        // One more pass: each line's piece of every term (a line counts toward several terms, in one piece of each), summed per piece and file.
        List<String> terms = termNames(plan);
        int n = terms.size();
        long distinct = 0;
        long counted = 0;
        java.util.Map<String, java.util.Map<LocalDate, java.util.Map<String, BigDecimal[]>>> sums = new java.util.LinkedHashMap<>();
        for (Row row : spark.sql(sumQuery(plan)).collectAsList()) {
            String file = local(row.getString(n));
            BigDecimal sum = row.getDecimal(n + 1);
            long count = row.getLong(n + 2);
            distinct += count;
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (row.isNullAt(i)) continue;
                any = true;
                BigDecimal[] into = sums.computeIfAbsent(terms.get(i), t -> new java.util.TreeMap<>())
                        .computeIfAbsent(row.getDate(i).toLocalDate(), d -> new java.util.TreeMap<>())
                        .computeIfAbsent(file, f -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                into[0] = into[0].add(sum);
                into[1] = into[1].add(BigDecimal.valueOf(count));
            }
            if (any) counted += count;
        }
        sums.forEach((term, byPiece) -> byPiece.forEach((piece, byFile) -> byFile.forEach((file, summed) ->
                plan.addToPiece(term, piece, summed[0].movePointRight(6).toBigIntegerExact(), summed[1].longValueExact(), Path.of(file), 0))));
        plan.countLines(distinct, distinct - counted);
        long summed = System.nanoTime();
        SettlementResult result = Settlement.compute(plan, loaded.assumptions(), Optional.empty());
        long settled = System.nanoTime();
        return new Outcome(result, distinct, read - distinct, request.skipBad() ? bad : List.of(),
                new Timings((planned - start) / 1e9, (summed - planned) / 1e9, (settled - summed) / 1e9));
    }

    /** The terms in the order of the sum query's piece columns p0, p1, …. */
    static List<String> termNames(SettlementPlan plan) {
        return List.copyOf(Pushdown.byTerm(plan).keySet());
    }

    /**
     * The sums of a settlement in one pass over {@code lines}: for each term, the piece a line falls
     * in (p0, p1, …; NULL when the term does not count the line), from the same conditions as the
     * DuckDB path's query ({@code Pushdown.where}, {@code pieceCase}), summed per combination of
     * pieces and file. The combinations are few (pieces are spans of dates), so partitions sum their
     * lines and only those partial sums cross the shuffle; the driver then adds each combination to
     * every term's piece in it. Columns: p0 … pN-1, file, sum, count.
     */
    static String sumQuery(SettlementPlan plan) {
        List<String> pieces = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        int k = 0;
        for (var term : Pushdown.byTerm(plan).entrySet()) {
            columns.add("CASE WHEN " + Pushdown.where(term.getValue().get(0)) + " THEN " + Pushdown.pieceCase(term.getValue()) + " END AS p" + k);
            pieces.add("p" + k);
            k++;
        }
        String keys = pieces.stream().map(p -> p + ", ").reduce("", String::concat) + "file";
        return "SELECT " + keys + ", sum(amount), count(*) FROM (SELECT file, amount" + columns.stream().map(c -> ", " + c).reduce("", String::concat)
                + " FROM lines) GROUP BY " + keys;
    }

    private static AgreementHistory pick(AgreementFolder.Loaded loaded, Optional<String> id) {
        if (id.isPresent()) {
            return loaded.histories().stream().filter(h -> h.id().equals(id.get())).findFirst().orElseThrow(() -> new Refused(List.of(
                    "no agreement '" + id.get() + "' in " + loaded.histories().stream().map(AgreementHistory::id).toList())));
        }
        if (loaded.histories().size() != 1) {
            throw new Refused(List.of("the folder holds " + loaded.histories().size() + " agreements; name one with --agreement ("
                    + String.join(", ", loaded.histories().stream().map(AgreementHistory::id).toList()) + ")"));
        }
        return loaded.histories().get(0);
    }

    static boolean isParquet(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") || name.endsWith(".parq") || !name.endsWith(".csv");
    }

    /** Parquet (files or partitioned folders) or CSV with a header, every value a string; an unreadable path refuses the run. */
    private static Dataset<Row> read(SparkSession spark, List<String> paths) {
        boolean parquet = paths.stream().allMatch(SparkSettle::isParquet);
        boolean csv = paths.stream().noneMatch(SparkSettle::isParquet);
        if (!parquet && !csv) throw new Refused(List.of("revenue is either Parquet or CSV in one run, not both: " + paths));
        try {
            Dataset<Row> raw = parquet ? spark.read().parquet(paths.toArray(String[]::new))
                    : spark.read().option("header", "true").option("inferSchema", "false").option("mode", "PERMISSIVE")
                    .option("columnNameOfCorruptRecord", "_corrupt").csv(paths.toArray(String[]::new));
            List<String> present = Arrays.stream(raw.columns()).map(c -> c.toLowerCase(Locale.ROOT)).toList();
            List<String> missing = COLUMNS.subList(0, 4).stream().filter(c -> !present.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new Refused(List.of(String.join(", ", paths) + ": required column" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList()) + " missing; nothing was computed"));
            }
            return raw;
        } catch (Refused e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Refused(List.of(String.join(", ", paths) + ": cannot read: " + firstLine(e)));
        }
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").replaceAll("\\s*SQLSTATE: \\w+", "").strip();
    }

    /**
     * The lines with their columns typed as the command line reads them (missing optional columns
     * empty, CSV values trimmed, amounts exact to the micro-unit) and each bad line's problem in
     * words, checked by the same rules: a calendar date, a party, a decimal amount of at most 13
     * digits and 6 decimals, a known currency.
     */
    private static Dataset<Row> typed(Dataset<Row> raw, boolean trim) {
        java.util.Map<String, org.apache.spark.sql.types.DataType> types = new java.util.HashMap<>();
        for (var field : raw.schema().fields()) types.put(field.name().toLowerCase(Locale.ROOT), field.dataType());
        // Typed Parquet columns (a DATE, a DECIMAL) are taken as they are: their type already says what a string must be checked for.
        boolean typedDate = types.get("date") instanceof org.apache.spark.sql.types.DateType;
        boolean typedAmount = types.get("amount") instanceof org.apache.spark.sql.types.NumericType;
        List<String> select = new ArrayList<>();
        select.add("input_file_name() AS file");
        for (String column : COLUMNS) {
            if (column.equals("date") && typedDate) {
                select.add("`date` AS date");
            } else if (column.equals("amount") && typedAmount) {
                select.add("`amount` AS amount_raw");
            } else {
                String value = "CAST(`" + column + "` AS STRING)";
                select.add(types.containsKey(column) ? "coalesce(" + (trim ? "trim(" + value + ")" : value) + ", '') AS " + column
                        : "'' AS " + column);
            }
        }
        Dataset<Row> columns = raw.selectExpr(select.toArray(String[]::new));
        String date = typedDate ? "date" : "try_cast(date AS DATE)";
        String amount = typedAmount ? "CAST(amount_raw AS DECIMAL(38,6))" : "try_cast(amount AS DECIMAL(38,6))";
        String dateProblem = typedDate ? " WHEN date IS NULL THEN 'field ''date'': missing'"
                : " WHEN date = '' THEN 'field ''date'': missing'"
                + " WHEN NOT (date RLIKE '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') THEN concat('field ''date'': ''', date, ''' is not a date (YYYY-MM-DD)')"
                + " WHEN try_cast(date AS DATE) IS NULL THEN concat('field ''date'': ''', date, ''' is not a calendar date')";
        String amountProblem = typedAmount ? " WHEN amount_raw IS NULL THEN 'field ''amount'': missing'"
                + " WHEN " + amount + " IS NULL OR " + amount + " <> amount_raw THEN concat('field ''amount'': ''', CAST(amount_raw AS STRING),"
                + " ''' has more than 6 decimal places')"
                : " WHEN amount = '' THEN 'field ''amount'': missing'"
                + " WHEN NOT (amount RLIKE '^[-+]?([0-9]{1,13}(\\\\.[0-9]{1,6})?|\\\\.[0-9]{1,6})$')"
                + " THEN concat('field ''amount'': ''', amount, ''' is not a decimal amount')";
        return columns.selectExpr("file", "id", date + " AS date", "party", amount + " AS amount", "currency", "product", "kind", "category",
                "cloud", "region", "segment",
                "CASE" + dateProblem
                        + " WHEN party = '' THEN 'field ''party'': missing'"
                        + amountProblem
                        + " WHEN abs(" + amount + ") > " + dev.treaty.language.Limits.LINE_AMOUNT_UNITS_MAX
                        + " THEN concat('field ''amount'': ''', CAST(" + amount + " AS STRING), ''' is too large for one line')"
                        + " WHEN currency NOT IN (" + currencies() + ")"
                        + " THEN concat('field ''currency'': ', CASE WHEN currency = '' THEN 'missing' ELSE concat('unknown currency ''', currency, '''') END)"
                        + " END AS problem");
    }

    private static String currencies() {
        return String.join(", ", java.util.Currency.getAvailableCurrencies().stream().map(c -> "'" + c.getCurrencyCode() + "'").sorted().toList());
    }

    private static String describe(FactError error) {
        return error.toString();
    }

    /** A file Spark names by URI ("file:///data/r.csv") as a reader would write it ("/data/r.csv"); other filesystems keep their URI. */
    static String local(String uri) {
        return uri.startsWith("file:") ? java.net.URI.create(uri).getPath() : uri;
    }

    /** {@code spark-submit --class dev.treaty.spark.SparkSettle treaty-spark.jar DIR --revenue … --through D [--out …]}. */
    public static void main(String[] args) {
        System.exit(SparkMain.run(args, System.out, System.err));
    }
}
