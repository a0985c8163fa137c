package dev.treaty.model.build;

import dev.treaty.language.Diagnostics;
import dev.treaty.language.SourcePosition;
import dev.treaty.language.TermBlock;
import dev.treaty.model.Assumption;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import java.util.Map;
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
    final Diagnostics diagnostics;
    final Set<String> assumptionsUsed = new TreeSet<>();

    BlockScope(TermBlock block, String context, Map<String, Assumption> assumptions, Diagnostics diagnostics) {
        this.block = block;
        this.context = context;
        this.assumptions = assumptions;
        this.diagnostics = diagnostics;
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
