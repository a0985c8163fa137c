package dev.treaty.language;

import java.util.List;

/**
 * A literate agreement file as read: its title, the preamble (text and term blocks before the
 * first clause, where the document header lives), its numbered clauses, and the prose of
 * unnumbered sections (background, sources), which is shown but never formalised.
 */
public record LiterateDocument(SourceText source, String title, String preambleProse,
                               List<TermBlock> preambleBlocks, List<SourceClause> clauses,
                               String notes) {

    public LiterateDocument {
        preambleBlocks = List.copyOf(preambleBlocks);
        clauses = List.copyOf(clauses);
    }
}
