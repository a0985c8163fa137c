package dev.treaty.evaluator.settle;

import dev.treaty.language.SourcePosition;
import dev.treaty.model.term.Filter;
import dev.treaty.model.term.ProductKinds;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pushdown path's SQL for a base filter means what the filter means: over every combination
 * of field values (missing ones included, as the '' the SQL sees), DuckDB's answer equals
 * {@link Filter#matches} for generated filters — sets and negated sets, kinds standing for their
 * descendants, assumptions, and not/and/or nested.
 */
class PushdownFilterProperties {

    private static final ProductKinds KINDS = ProductKinds.of(List.of(kind("model", null), kind("llm", "model"), kind("gpt", "llm"),
            kind("image", "model"), kind("service", null)), (d, p) -> {
        throw new AssertionError(p);
    });
    private static final List<String> KIND_VALUES = List.of("", "model", "llm", "gpt", "image", "service", "undeclared");
    private static final List<String> VALUES = List.of("", "a", "b", "o'brien");

    private static Connection duckdb;

    private static ProductKinds.Declaration kind(String name, String parent) {
        return new ProductKinds.Declaration(name, Optional.ofNullable(parent), "", SourcePosition.of(Path.of("k.treaty.md"), 1, 1));
    }

    /** Every combination of kind, category and cloud, as columns holding '' for a missing value. */
    @BeforeContainer
    static void rows() throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE TABLE lines (kind VARCHAR, category VARCHAR, cloud VARCHAR)");
            for (String kind : KIND_VALUES) {
                for (String category : VALUES) {
                    for (String cloud : VALUES) {
                        statement.execute("INSERT INTO lines VALUES ('" + kind + "', '" + category.replace("'", "''") + "', '"
                                + cloud.replace("'", "''") + "')");
                    }
                }
            }
        }
    }

    @AfterContainer
    static void close() throws SQLException {
        duckdb.close();
    }

    @Property(tries = 300)
    void theSqlOfAFilterSelectsExactlyTheLinesTheFilterMatches(@ForAll("filters") Filter filter) throws SQLException {
        int rows = 0;
        try (Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery("SELECT kind, category, cloud, " + Pushdown.sql(filter, KINDS) + " FROM lines")) {
            while (result.next()) {
                Map<String, String> fields = new HashMap<>();
                fields.put("kind", result.getString(1).isEmpty() ? null : result.getString(1));
                fields.put("category", result.getString(2).isEmpty() ? null : result.getString(2));
                fields.put("cloud", result.getString(3).isEmpty() ? null : result.getString(3));
                assertThat(result.getBoolean(4)).as("%s on %s (SQL %s)", filter, fields, Pushdown.sql(filter, KINDS))
                        .isEqualTo(filter.matches(fields::get, KINDS));
                rows++;
            }
        }
        assertThat(rows).isEqualTo(KIND_VALUES.size() * VALUES.size() * VALUES.size());
    }

    @Provide
    Arbitrary<Filter> filters() {
        return filter(3);
    }

    private static Arbitrary<Filter> filter(int depth) {
        Arbitrary<Filter> in = Arbitraries.oneOf(
                set("kind", KIND_VALUES.subList(1, KIND_VALUES.size())),
                set("category", VALUES.subList(1, VALUES.size())),
                set("cloud", VALUES.subList(1, VALUES.size())));
        Arbitrary<Filter> assumed = Arbitraries.of(true, false).map(value -> new Filter.Assumed("reading", value));
        if (depth == 0) return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, in), net.jqwik.api.Tuple.of(1, assumed));
        Arbitrary<Filter> smaller = Arbitraries.lazy(() -> filter(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, in),
                net.jqwik.api.Tuple.of(1, assumed),
                net.jqwik.api.Tuple.of(2, smaller.map(Filter.Not::new)),
                net.jqwik.api.Tuple.of(2, net.jqwik.api.Combinators.combine(smaller, smaller).as(Filter.And::new)),
                net.jqwik.api.Tuple.of(2, net.jqwik.api.Combinators.combine(smaller, smaller).as(Filter.Or::new)));
    }

    private static Arbitrary<Filter> set(String field, List<String> values) {
        return net.jqwik.api.Combinators.combine(Arbitraries.of(values).set().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false))
                .as((set, negated) -> new Filter.In(field, new TreeSet<>(set), negated));
    }

    /** The SQL itself, for the record: a reader of a pushed-down plan sees these conditions. */
    @net.jqwik.api.Example
    void theSqlReadsAsWritten() {
        assertThat(Pushdown.sql(new Filter.In("kind", new TreeSet<>(List.of("llm")), false), KINDS))
                .isEqualTo("(kind IN ('gpt', 'llm') AND kind <> '')");
        assertThat(Pushdown.sql(new Filter.Not(new Filter.And(new Filter.In("cloud", new TreeSet<>(List.of("o'brien")), true),
                new Filter.Or(new Filter.Assumed("x", true), new Filter.Assumed("y", false)))), KINDS))
                .isEqualTo("(NOT ((cloud NOT IN ('o''brien')) AND (TRUE OR FALSE)))");
    }
}
