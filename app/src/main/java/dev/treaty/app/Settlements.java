package dev.treaty.app;

import dev.treaty.evaluator.settle.Settlement;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.settle.SettlementResult;

import java.time.LocalDate;
import java.util.Optional;

/** Settling the revenue shares: statements per term and period, as known. */
public final class Settlements {

    /**
     * What to settle.
     *
     * @param through  revenue dated through this day
     * @param from     report periods from this day (earlier ones still count toward caps and tiers)
     * @param term     only this revenue-share term
     * @param pushdown sum CSV bases with the pushdown engine too (Parquet always is)
     */
    public record Request(LocalDate through, Optional<LocalDate> from, Optional<String> term, boolean pushdown) {

        public Request {
            if (from.isPresent() && from.get().isAfter(through)) {
                throw new BadRequest("--from " + from.get() + " is after --through " + through + ": no period lies between them");
            }
        }

        public static Request through(LocalDate through) {
            return new Request(through, Optional.empty(), Optional.empty(), false);
        }
    }

    private Settlements() {
    }

    /**
     * Whether settling needs revenue: a revenue share or a computed term is in some version (penalties and
     * instalment sales are settled on events and dates alone).
     */
    public static boolean needsRevenue(Workspace workspace) {
        return workspace.agreement().versions().stream().flatMap(v -> v.terms().stream())
                .anyMatch(t -> t.term() instanceof dev.treaty.model.term.RevenueShare);
    }

    /** Settles every money term (or one) over the workspace's revenue and events, as known. */
    public static SettlementResult settle(Workspace workspace, Request request) {
        boolean revenue = workspace.hasRevenue();
        if (!revenue && needsRevenue(workspace)) throw new BadRequest("name the revenue: --revenue FILE, or a store with --db");
        SettlementPlan plan = SettlementPlan.of(SettlementPlan.schedule(workspace.agreement()), workspace.facts(), request.through(),
                request.term());
        if (revenue) workspace.revenue(plan, request.pushdown());
        SettlementResult result = Settlement.compute(plan, workspace.agreement().assumptions(), request.from());
        if (request.term().isPresent() && result.statements().isEmpty()) {
            throw new BadRequest("no money term (revenue share, computed term, penalty or instalment sale) named '" + request.term().get()
                    + "' is in force through " + request.through());
        }
        return result;
    }
}
