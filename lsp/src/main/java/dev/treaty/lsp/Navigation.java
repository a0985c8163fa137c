package dev.treaty.lsp;

import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Go to definition and find references across the folder. A clause heading in an amendment
 * leads to the clause of the agreement it replaces; a name leads to its declaration
 * ({@code party}, {@code event}, a term, {@code kind}, {@code cloud}, {@code unit},
 * {@code assume}, a document header).
 */
final class Navigation {

    private Navigation() {
    }

    static List<Location> definition(TreatyTextDocuments.Request request, Position position) {
        Optional<Occurrence> at = request.file().occurrenceAt(position.getLine(), position.getCharacter());
        if (at.isEmpty()) return List.of();
        Occurrence occurrence = at.get();
        if (occurrence.kind() == Occurrence.Kind.CLAUSE) return clauseDefinition(request, occurrence).map(Navigation::location).stream().toList();
        return request.folder().occurrences().stream()
                .filter(o -> o.declaration() && o.sameThingAs(occurrence))
                .sorted(Comparator.comparing((Occurrence o) -> !o.file().equals(occurrence.file()))
                        .thenComparing(o -> o.file().toString()).thenComparingInt(Occurrence::line))
                .map(Navigation::location).toList();
    }

    /** The clause of the agreement that a clause number in an amendment, clarification or {@code strike} names. */
    private static Optional<Occurrence> clauseDefinition(TreatyTextDocuments.Request request, Occurrence occurrence) {
        FileIndex file = request.file();
        if (file.documentKind().equals("agreement")) {
            return occurrence.declaration() ? Optional.of(occurrence) : declaredClause(file, occurrence.name());
        }
        // the clause as it stood the day before this change took effect: set by the agreement or by an earlier change
        Optional<Occurrence> inForce = Hovers.clauseBefore(request, occurrence).flatMap(clause -> request.folder()
                .file(clause.clause().at().file().toAbsolutePath().normalize())
                .flatMap(f -> f.occurrences().stream().filter(o -> o.kind() == Occurrence.Kind.CLAUSE
                        && o.line() == clause.clause().at().line() - 1 && o.name().equals(occurrence.name())).findFirst()));
        return inForce.or(() -> request.folder().agreementFile(file.target()).flatMap(agreement -> declaredClause(agreement, occurrence.name())));
    }

    private static Optional<Occurrence> declaredClause(FileIndex file, String id) {
        return file.occurrences().stream().filter(o -> o.kind() == Occurrence.Kind.CLAUSE && o.declaration() && o.name().equals(id)).findFirst();
    }

    static List<Location> references(TreatyTextDocuments.Request request, Position position, boolean includeDeclaration) {
        Optional<Occurrence> at = request.file().occurrenceAt(position.getLine(), position.getCharacter());
        if (at.isEmpty()) return List.of();
        Occurrence occurrence = at.get();
        Stream<Occurrence> same;
        if (occurrence.kind() == Occurrence.Kind.CLAUSE) {
            // clause numbers are per agreement: the agreement's heading, and the headings and strikes of its changes
            String agreement = request.file().documentKind().equals("agreement") ? request.file().documentId() : request.file().target();
            same = request.folder().files().stream()
                    .filter(f -> f.documentId().equals(agreement) || f.target().equals(agreement))
                    .flatMap(f -> f.occurrences().stream())
                    .filter(o -> o.kind() == Occurrence.Kind.CLAUSE && o.name().equals(occurrence.name()));
        } else {
            same = request.folder().occurrences().stream().filter(o -> o.sameThingAs(occurrence));
        }
        return same.filter(o -> includeDeclaration || !o.declaration())
                .sorted(Comparator.comparing((Occurrence o) -> o.file().toString()).thenComparingInt(Occurrence::line)
                        .thenComparingInt(Occurrence::start))
                .map(Navigation::location).toList();
    }

    static Location location(Occurrence occurrence) {
        return new Location(Workspace.uriOf(occurrence.file()), Words.range(occurrence));
    }
}
