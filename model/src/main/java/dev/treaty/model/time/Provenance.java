package dev.treaty.model.time;

import dev.treaty.language.SourcePosition;
import dev.treaty.model.Document;
import dev.treaty.model.DocumentKind;

import java.time.LocalDate;

/**
 * Where a clause in force came from: the document that set it, the clause heading's position in
 * that file, when that document was signed and took effect, and how it set the clause.
 */
public record Provenance(String documentId, DocumentKind documentKind, SourcePosition at, LocalDate signed,
                         LocalDate effective, How how) {

    public enum How {
        ORIGINAL("original"), REPLACED("replaced"), ADDED("added"), RESTATED("restated");

        private final String label;

        How(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static Provenance of(Document document, SourcePosition at, How how) {
        return new Provenance(document.id(), document.kind(), at, document.signed(), document.effective(), how);
    }

    /** "replaced by msft-openai-2026-04 (signed 2026-04-27, effective 2026-04-27) at file:line". */
    @Override
    public String toString() {
        String by = how == How.ORIGINAL ? "set by " : how.label() + " by ";
        return by + documentId + " (signed " + signed + ", effective " + effective + ") at " + at.toLineString();
    }
}
