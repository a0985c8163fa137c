package dev.treaty.model.term;

import dev.treaty.language.SourcePosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Filters over a line's fields with kinds in a hierarchy, whether two may overlap, and the hierarchy itself. */
class FilterAndKindsTest {

    private static ProductKinds.Declaration kind(String name, String parent, int line) {
        return new ProductKinds.Declaration(name, Optional.ofNullable(parent), "", SourcePosition.of(Path.of("k.treaty.md"), line, 1));
    }

    private static final ProductKinds KINDS = ProductKinds.of(List.of(kind("api", null, 1), kind("stateless-api", "api", 2),
            kind("batch-api", "stateless-api", 3), kind("device", null, 4)), (d, p) -> {
        throw new AssertionError(p);
    });

    private static Filter in(String field, String... values) {
        return new Filter.In(field, new TreeSet<>(List.of(values)), false);
    }

    private static Filter notIn(String field, String... values) {
        return new Filter.In(field, new TreeSet<>(List.of(values)), true);
    }

    private static boolean matches(Filter filter, Map<String, String> fields) {
        return filter.matches(fields::get, KINDS);
    }

    @Test
    void aFilterTestsFieldsAndKindsWithTheKindsAboveThem() {
        Map<String, String> line = Map.of("kind", "batch-api", "cloud", "aws", "region", "eu");
        assertThat(matches(in("kind", "api"), line)).as("a kind below api is an api").isTrue();
        assertThat(matches(in("kind", "device"), line)).isFalse();
        assertThat(matches(notIn("kind", "stateless-api"), line)).isFalse();
        assertThat(matches(in("cloud", "aws", "gcp"), line)).isTrue();
        assertThat(matches(in("cloud", "gcp"), line)).isFalse();
        assertThat(matches(in("product", "x"), line)).as("a missing field is in no set").isFalse();
        assertThat(matches(notIn("product", "x"), line)).as("and not in every set").isTrue();
        assertThat(matches(new Filter.And(in("cloud", "aws"), in("region", "eu")), line)).isTrue();
        assertThat(matches(new Filter.And(in("cloud", "aws"), in("region", "us")), line)).isFalse();
        assertThat(matches(new Filter.Or(in("cloud", "gcp"), in("region", "eu")), line)).isTrue();
        assertThat(matches(new Filter.Or(in("cloud", "gcp"), in("region", "us")), line)).isFalse();
        assertThat(matches(new Filter.Not(in("cloud", "aws")), line)).isFalse();
        assertThat(matches(new Filter.Assumed("yes", true), line)).isTrue();
        assertThat(matches(new Filter.Assumed("no", false), line)).isFalse();
        assertThat(matches(in("category", "x"), Map.of("kind", "unknown-kind"))).isFalse();
        assertThat(matches(in("kind", "api"), Map.of("kind", "unknown-kind"))).as("an undeclared kind is only itself").isFalse();
        assertThat(matches(in("kind", "unknown-kind"), Map.of("kind", "unknown-kind"))).isTrue();
    }

    @Test
    void filtersPrintAsTheyAreWritten() {
        assertThat(in("cloud", "aws").toString()).isEqualTo("cloud = aws");
        assertThat(notIn("cloud", "aws").toString()).isEqualTo("cloud != aws");
        assertThat(in("cloud", "gcp", "aws").toString()).isEqualTo("cloud in [aws, gcp]");
        assertThat(notIn("cloud", "gcp", "aws").toString()).isEqualTo("cloud not in [aws, gcp]");
        Filter nested = new Filter.And(new Filter.Or(in("cloud", "aws"), new Filter.Assumed("r", true)), new Filter.Not(in("region", "eu")));
        assertThat(nested.toString()).isEqualTo("(cloud = aws or $r) and not region = eu");
        assertThat(new Filter.Not(new Filter.And(in("a", "1"), in("b", "2"))).toString()).isEqualTo("not (a = 1 and b = 2)");
        Condition condition = new Condition.Or(new Condition.Declared("agi", Optional.of("OpenAI")),
                new Condition.Not(new Condition.And(new Condition.Verified("agi", Optional.empty()), new Condition.ProviderDeclines())));
        assertThat(condition.toString()).isEqualTo("agi declared by OpenAI or not (agi verified and provider declines capabilities)");
        List<Condition> atoms = new ArrayList<>();
        condition.forEachAtom(atoms::add);
        assertThat(atoms).hasSize(3).last().isInstanceOf(Condition.ProviderDeclines.class);
        assertThat(new Condition.Assumed("x", true).toString()).isEqualTo("$x");
    }

    @Test
    void twoFiltersMayOverlapUnlessAConjunctionRequiresDisjointValues() {
        assertThat(Filter.mayOverlap(in("cloud", "aws"), in("cloud", "gcp"), KINDS)).isFalse();
        assertThat(Filter.mayOverlap(in("cloud", "aws", "gcp"), in("cloud", "gcp"), KINDS)).isTrue();
        assertThat(Filter.mayOverlap(in("kind", "api"), in("kind", "batch-api"), KINDS)).as("a kind and one below it").isTrue();
        assertThat(Filter.mayOverlap(in("kind", "api"), in("kind", "device"), KINDS)).isFalse();
        assertThat(Filter.mayOverlap(new Filter.And(in("cloud", "aws"), in("region", "eu")), in("region", "us"), KINDS)).isFalse();
        assertThat(Filter.mayOverlap(new Filter.And(in("cloud", "aws"), in("region", "eu")), in("region", "eu"), KINDS)).isTrue();
        assertThat(Filter.mayOverlap(new Filter.And(in("cloud", "aws"), in("cloud", "gcp")), in("region", "eu"), KINDS))
                .as("a conjunction that matches nothing").isFalse();
        assertThat(Filter.mayOverlap(notIn("cloud", "aws"), in("cloud", "aws"), KINDS)).as("conservative: negations may overlap").isTrue();
        assertThat(Filter.mayOverlap(new Filter.Or(in("cloud", "aws"), in("cloud", "gcp")), in("cloud", "azure"), KINDS)).isTrue();
        assertThat(Filter.mayOverlap(new Filter.Assumed("no", false), in("cloud", "aws"), KINDS)).as("a reading that is no").isFalse();
        assertThat(Filter.mayOverlap(new Filter.Assumed("yes", true), in("cloud", "aws"), KINDS)).isTrue();
    }

    @Test
    void theHierarchyHasItsLineageAndDescendantsAndRefusesCyclesConflictsAndDepth() {
        assertThat(KINDS.lineage("batch-api")).containsExactly("batch-api", "stateless-api", "api");
        assertThat(KINDS.descendants("api")).containsExactlyInAnyOrder("api", "stateless-api", "batch-api");
        assertThat(KINDS.descendants("other")).containsExactly("other");
        assertThat(KINDS.lineage("other")).containsExactly("other");
        assertThat(KINDS.isA("batch-api", "api")).isTrue();
        assertThat(KINDS.isA("api", "batch-api")).isFalse();
        assertThat(KINDS.isA("device", "device")).isTrue();
        assertThat(KINDS.isAny("batch-api", Set.of("device", "stateless-api"))).isTrue();
        assertThat(KINDS.isAny("device", Set.of("api"))).isFalse();
        assertThat(KINDS.describe("batch-api")).isEqualTo("batch-api is stateless-api is api");
        assertThat(KINDS.describe("device")).isEqualTo("device");
        assertThat(KINDS.isEmpty()).isFalse();
        assertThat(KINDS.declared()).containsOnlyKeys("api", "stateless-api", "batch-api", "device");
        assertThat(ProductKinds.NONE.isEmpty()).isTrue();

        List<String> problems = new ArrayList<>();
        ProductKinds refused = ProductKinds.of(List.of(kind("a", "b", 1), kind("b", "a", 2), kind("c", null, 3), kind("c", "a", 4),
                kind("c", null, 5), kind("e", "c", 6), kind("e", null, 7)), (d, p) -> problems.add(d.at().line() + ": " + p));
        assertThat(problems).containsExactly(
                "4: kind c is declared under a here, but with no parent at k.treaty.md:3",
                "7: kind e is declared with no parent here, but under c at k.treaty.md:6",
                "1: kinds form a cycle: a is b is a");
        // the cycle is reported once, at its first declaration, which is left out: that breaks it
        assertThat(refused.declared()).containsOnlyKeys("b", "c", "e");

        List<ProductKinds.Declaration> deep = new ArrayList<>();
        for (int i = 0; i <= dev.treaty.language.Limits.KIND_DEPTH_MAX; i++) deep.add(kind("k" + i, i == 0 ? null : "k" + (i - 1), i + 1));
        problems.clear();
        ProductKinds tooDeep = ProductKinds.of(deep, (d, p) -> problems.add(p));
        assertThat(problems).containsExactly("kind k" + dev.treaty.language.Limits.KIND_DEPTH_MAX + " is more than "
                + dev.treaty.language.Limits.KIND_DEPTH_MAX + " levels deep (the limit of a kind hierarchy)");
        assertThat(tooDeep.declared()).hasSize(dev.treaty.language.Limits.KIND_DEPTH_MAX);
        assertThat(ProductKinds.of(List.of(), (d, p) -> { })).isSameAs(ProductKinds.NONE);

        ProductKinds same = ProductKinds.of(List.of(kind("api", null, 1), kind("stateless-api", "api", 2),
                kind("batch-api", "stateless-api", 3), kind("device", null, 4)), (d, p) -> { });
        assertThat(same).isEqualTo(KINDS).hasSameHashCodeAs(KINDS).isNotEqualTo(ProductKinds.NONE).isNotEqualTo("api");
        assertThat(KINDS.hashCode()).isNotEqualTo(ProductKinds.NONE.hashCode());
    }

    @Test
    void releaseRulesAreTheKindsThatDecideWhereProductsShip() {
        assertThat(java.util.Arrays.stream(TermKind.values()).filter(TermKind::isReleaseRule))
                .containsExactlyInAnyOrder(TermKind.CLOUD_EXCLUSIVITY, TermKind.FIRST_SHIP, TermKind.RELEASE_PERMISSION);
    }
}
