package dev.treaty.language;

import java.util.List;

/**
 * A numbered heading of an agreement file and what sits under it, before any meaning is given
 * to the term blocks.
 *
 * @param id      the clause id as written in the heading ("4.2")
 * @param title   the heading text after the id ("Revenue share")
 * @param level   the heading level (2 for {@code ##})
 * @param at      where the heading is
 * @param prose   the clause's Markdown text, term blocks left out
 * @param blocks  the clause's term blocks, in order
 */
public record SourceClause(String id, String title, int level, SourcePosition at, String prose,
                           List<TermBlock> blocks) {

    public SourceClause {
        blocks = List.copyOf(blocks);
    }

    /** "clause 4.2 Revenue share", the context printed under diagnostics. */
    public String heading() {
        return "clause " + id + (title.isEmpty() ? "" : " " + title);
    }
}
