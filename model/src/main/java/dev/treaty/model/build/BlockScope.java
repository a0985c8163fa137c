package dev.treaty.model.build;

import dev.treaty.language.Diagnostics;
import dev.treaty.language.SourcePosition;
import dev.treaty.language.TermBlock;
import dev.treaty.model.Assumption;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What building one term block needs: where its tokens are in the file, the heading it sits
 * under (for diagnostics), the assumptions in scope, and a record of those used.
 */
final class BlockScope {

    final TermBlock block;
    final String context;
    final Map<String, Assumption> assumptions;
    /** Declared but refused, with where: a use of one points there instead of calling it unknown. */
    private final Map<String, SourcePosition> refusedAssumptions;
    final Diagnostics diagnostics;
    final Set<String> assumptionsUsed = new TreeSet<>();

    BlockScope(TermBlock block, String context, Map<String, Assumption> assumptions, Map<String, SourcePosition> refusedAssumptions,
               Diagnostics diagnostics) {
        this.block = block;
        this.context = context;
        this.assumptions = assumptions;
        this.refusedAssumptions = refusedAssumptions;
        this.diagnostics = diagnostics;
    }

    /** A block where no assumption is in scope (a document header). */
    BlockScope(TermBlock block, String context, Diagnostics diagnostics) {
        this(block, context, Map.of(), Map.of(), diagnostics);
    }

    /**
     * The assumption {@code ref} ($name) names, or empty having reported it unknown or refused.
     *
     * @param example how such an assumption is declared, for the message ("= yes' (or no)")
     */
    Optional<Assumption> assumption(Token ref, String example) {
        String name = ref.getText().substring(1);
        Assumption assumption = assumptions.get(name);
        SourcePosition refused = refusedAssumptions.get(name);
        if (assumption == null && refused != null) {
            error(ref, "assumption '$" + name + "' cannot be used: its declaration at " + refused.toLineString()
                    + " was refused (see the error there)");
        } else if (assumption == null) {
            error(ref, "unknown assumption '$" + name + "'; assumptions are declared with 'assume " + name + " " + example
                    + " in the folder's assumptions file");
        }
        return Optional.ofNullable(assumption);
    }

    SourcePosition at(Token token) {
        return block.positionOf(token);
    }

    SourcePosition at(ParserRuleContext context) {
        return block.positionOf(context.getStart());
    }

    void error(ParserRuleContext where, String message) {
        diagnostics.error(at(where), context, message);
    }

    void error(Token where, String message) {
        diagnostics.error(at(where), context, message);
    }

    void warning(ParserRuleContext where, String message) {
        diagnostics.warning(at(where), context, message);
    }
}
