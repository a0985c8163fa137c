package dev.treaty.language;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Questions about parse trees that ANTLR's error recovery may have patched. */
public final class Syntax {

    private Syntax() {
    }

    /**
     * Whether the tree holds a syntax error: a failed rule, a skipped token, or a token that error
     * recovery made up ("missing NUMBER"). Such a statement has been reported already and must not
     * be given meaning, since its tokens are not what the user wrote.
     */
    public static boolean hasErrors(ParseTree tree) {
        if (tree instanceof ErrorNode) return true;
        if (tree instanceof TerminalNode terminal) return terminal.getSymbol().getStartIndex() < 0;
        if (tree instanceof ParserRuleContext context && context.exception != null) return true;
        for (int i = 0; i < tree.getChildCount(); i++) {
            if (hasErrors(tree.getChild(i))) return true;
        }
        return false;
    }
}
