package dev.treaty.model;

import dev.treaty.language.SourcePosition;
import dev.treaty.model.term.ProductKinds;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One agreement file, with meaning given.
 *
 * @param id         the document's id (an agreement's id is what amendments name)
 * @param target     for amendments, restatements and clarifications: the agreement they change
 * @param parties    the parties the document declares
 * @param clauses    the clauses of an agreement or restatement
 * @param operations the operations of an amendment, in file order
 * @param at         where the document header is
 * @param kinds      the product kinds the document declares ({@code kind stateless-api is api})
 * @param clouds     the clouds the document declares ({@code cloud aws "Amazon Web Services"})
 * @param units      the units of quantity it declares ({@code unit thousand-streams = 1000 stream})
 */
public record Document(Path path, DocumentKind kind, String id, String title, Optional<String> target,
                       List<Party> parties, LocalDate signed, LocalDate effective, List<Clause> clauses,
                       List<ClauseOperation> operations, String preamble, SourcePosition at,
                       List<ProductKinds.Declaration> kinds, List<String> clouds, List<dev.treaty.model.term.Units.Declaration> units) {

    public Document {
        parties = List.copyOf(parties);
        kinds = List.copyOf(kinds);
        clouds = List.copyOf(clouds);
        units = List.copyOf(units);
        clauses = List.copyOf(clauses);
        operations = List.copyOf(operations);
    }

    public boolean isRetroactive() {
        return effective.isBefore(signed);
    }

    /** "msft-openai-2026-04 (amendment, signed 2026-04-27, effective 2026-04-27)". */
    public String describe() {
        return id + " (" + kind.label() + ", signed " + signed + ", effective " + effective
                + (isRetroactive() ? ", retroactive" : "") + ")";
    }
}
