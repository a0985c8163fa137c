package dev.treaty.evaluator.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The events known to an evaluation, in effective-date order, with the look-ups decisions need.
 * Immutable; {@link #knownAt(Instant)} gives the subset known at an instant.
 */
public final class Facts {

    public static final Facts NONE = new Facts(List.of());

    private final List<Fact> facts;
    /** The facts of each type, in the same order: decisions ask for one type at a time. */
    private final java.util.Map<Class<?>, List<Fact>> byType = new java.util.HashMap<>();
    /**
     * The facts by what they are about ({@link #subject}), then by type ({@link #subjectIndex}), in
     * the same order: a gate asks about one product, so it need not walk every release of every
     * product, and one look-up by name finds all its kinds of fact.
     */
    private final java.util.Map<String, List<Fact>[]> bySubject = new java.util.HashMap<>();

    public Facts(List<Fact> facts) {
        this.facts = facts.stream().sorted(Comparator.comparing(Fact::on).thenComparing(Fact::id)).toList();
        for (Fact fact : this.facts) {
            byType.computeIfAbsent(fact.getClass(), t -> new ArrayList<>()).add(fact);
            String subject = subject(fact);
            if (subject != null) {
                @SuppressWarnings("unchecked")
                List<Fact>[] ofSubject = bySubject.computeIfAbsent(subject, k -> new List[SUBJECT_TYPES]);
                int index = subjectIndex(fact.getClass());
                if (ofSubject[index] == null) ofSubject[index] = new ArrayList<>();
                ofSubject[index].add(fact);
            }
        }
    }

    /** How many types of fact are looked up by subject. */
    private static final int SUBJECT_TYPES = 4;

    /** The place of a type among those looked up by subject; -1 for the others. Pointer tests: every gate asks several times. */
    private static int subjectIndex(Class<?> type) {
        if (type == Fact.Product.class) return 0;
        if (type == Fact.Release.class) return 1;
        if (type == Fact.CapabilityRequest.class) return 2;
        if (type == Fact.CapabilityResponse.class) return 3;
        return -1;
    }

    /** What a fact is about, for the facts looked up that way: a product's name, a request's id. */
    private static String subject(Fact fact) {
        return switch (fact) {
            case Fact.Product product -> product.name();
            case Fact.Release release -> release.product();
            case Fact.CapabilityRequest request -> request.product();
            case Fact.CapabilityResponse response -> response.request();
            default -> null;
        };
    }

    public List<Fact> all() {
        return facts;
    }

    /** The facts known at {@code instant}: recorded by then (or, unrecorded, effective by then). */
    public Facts knownAt(Instant instant) {
        return new Facts(facts.stream().filter(f -> !f.meta().knownFrom().isAfter(instant)).toList());
    }

    public <T extends Fact> List<T> of(Class<T> type) {
        return byType.getOrDefault(type, List.of()).stream().map(type::cast).toList();
    }

    /** Facts of a type, effective on or before {@code date}, that match. */
    public <T extends Fact> List<T> of(Class<T> type, LocalDate date, Predicate<T> match) {
        return upTo(byType.getOrDefault(type, List.of()), type, date, match);
    }

    /** Those of {@code facts} (in date order, all of {@code type}) effective on or before {@code date} that match. */
    private static <T extends Fact> List<T> upTo(List<Fact> facts, Class<T> type, LocalDate date, Predicate<T> match) {
        List<T> found = List.of();
        for (Fact fact : facts) {
            if (fact.on().isAfter(date)) break;
            T typed = type.cast(fact);
            if (match.test(typed)) {
                if (found.isEmpty()) found = new ArrayList<>(2);
                found.add(typed);
            }
        }
        return found;
    }

    /**
     * Facts of a type about {@code subject} (a product's name for products, releases and capability
     * requests; a request's id for capability responses), effective on or before {@code date}, that match.
     */
    public <T extends Fact> List<T> about(Class<T> type, String subject, LocalDate date, Predicate<T> match) {
        int index = subjectIndex(type);
        if (index < 0) throw new IllegalArgumentException(type.getSimpleName() + " facts are not looked up by what they are about");
        List<Fact>[] ofSubject = bySubject.get(subject);
        return ofSubject == null || ofSubject[index] == null ? List.of() : upTo(ofSubject[index], type, date, match);
    }

    /** The product with this name (the latest statement of it on or before {@code date}). */
    public Optional<Fact.Product> product(String name, LocalDate date) {
        List<Fact.Product> products = about(Fact.Product.class, name, date, p -> true);
        return products.isEmpty() ? Optional.empty() : Optional.of(products.get(products.size() - 1));
    }

    /** The product with this name, whatever its date (for items released in the future of a query). */
    public Optional<Fact.Product> product(String name) {
        return of(Fact.Product.class).stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The days on which some event takes effect: where conditions on events may change. */
    public List<LocalDate> eventDays() {
        // a declaration that ends (force majeure over) changes what holds on the day after its last
        return facts.stream().filter(f -> f instanceof Fact.Declaration || f instanceof Fact.Verification)
                .flatMap(f -> f instanceof Fact.Declaration d && d.through().isPresent()
                        ? java.util.stream.Stream.of(f.on(), d.through().get().plusDays(1)) : java.util.stream.Stream.of(f.on()))
                .distinct().sorted().toList();
    }
}
