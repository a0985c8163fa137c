package dev.treaty.model.term;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A licence of the licensor's IP to the licensee.
 *
 * @param covers                  the IP classes licensed (models, products, research, …)
 * @param excludes                classes carved out of what {@code covers} would include
 * @param exclusive               whether the licence is exclusive
 * @param exclusiveIf             exclusive only while this holds (a reading of the record, say)
 * @param exclusiveUntil          when exclusivity ends while the licence goes on (empty: never)
 * @param subjectsReleasedThrough only items released on or before this date are licensed
 */
public record Licence(TermHeader header, Validity validity, String licensor, String licensee,
                      SortedSet<String> covers, SortedSet<String> excludes, boolean exclusive,
                      Optional<Condition> exclusiveIf, Optional<Condition> exclusiveUntil, Optional<LocalDate> subjectsReleasedThrough) implements Term {

    public Licence {
        covers = new TreeSet<>(covers);
        excludes = new TreeSet<>(excludes);
    }

    /** The classes covered and not excluded. */
    public SortedSet<String> licensedClasses() {
        SortedSet<String> classes = new TreeSet<>(covers);
        classes.removeAll(excludes);
        return classes;
    }

    @Override
    public Map<String, String> attributes() {
        Attributes a = new Attributes()
                .put("licensor", licensor).put("licensee", licensee)
                .put("covers", covers).put("excludes", excludes)
                .put("exclusive", exclusive ? "yes" + exclusiveIf.map(c -> ", if " + c).orElse("")
                        + exclusiveUntil.map(c -> ", until " + c).orElse("") : "no")
                .put("subjects released through", subjectsReleasedThrough);
        validity.describe(a);
        return a.toMap();
    }

    @Override
    public Map<String, String> parties() {
        return Term.roles("licensor", licensor, "licensee", licensee);
    }
}
