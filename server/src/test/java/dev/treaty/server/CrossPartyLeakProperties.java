package dev.treaty.server;

import dev.treaty.app.Records;
import dev.treaty.store.TestDatabases;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over generated stores holding several agreements between different parties (each a publishing
 * deal with its own parties, title, advance and minimum, and a payment in the events they share), every party, with every role, asks every
 * list and read endpoint about every agreement: it sees exactly the agreements it is on, and
 * nothing of the others — not their ids in a list, and no name, title or figure of theirs in any
 * answer or refusal.
 */
class CrossPartyLeakProperties {

    static final List<String> PARTIES = List.of("Acme", "Birch", "Cobalt", "Dune", "Ember");

    record Deal(String id, String author, String publisher, int advance, int minimum) {
        String title() {
            return "Title of " + id;
        }

        Set<String> parties() {
            return Set.of(author, publisher);
        }

        /** What would betray the deal to someone not on it. */
        List<String> secrets() {
            return List.of(id, title(), String.format("USD %,d", advance), minimum + ".00", String.format("USD %,d", minimum), payment());
        }

        /** What the publisher paid the author, as an event in the store all the deals share. */
        String payment() {
            return advance + ".37";
        }

        String paymentEvent() {
            return "{\"id\":\"pay-" + id + "\",\"type\":\"payment\",\"on\":\"2025-06-01\",\"payer\":\"" + publisher + "\",\"payee\":\""
                    + author + "\",\"amount\":\"" + payment() + "\",\"currency\":\"USD\"}\n";
        }

        String document(String template) {
            return template.replace("northwind-book", id).replace("The Cartographer's Daughter", title())
                    .replace("Author", author).replace("Publisher", publisher)
                    .replace("advance USD 20000", "advance USD " + advance).replace("minimum USD 1000", "minimum USD " + minimum);
        }
    }

    @Provide
    Arbitrary<List<Deal>> deals() {
        Arbitrary<Deal> deal = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(20_001, 99_999), Arbitraries.integers().between(1_001, 1_999))
                .as((a, shift, advance, minimum) -> new Deal("", PARTIES.get(a), PARTIES.get((a + shift) % 5), advance, minimum));
        // figures unique to each deal, and minimums below twice the smallest, so no sum of one deal's lines is another's figure
        return deal.list().ofMinSize(2).ofMaxSize(4).uniqueElements(Deal::advance).uniqueElements(Deal::minimum).map(list -> {
            List<Deal> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Deal d = list.get(i);
                named.add(new Deal("deal-" + (char) ('a' + i) + "-x", d.author(), d.publisher(), d.advance(), d.minimum()));
            }
            return named;
        });
    }

    @Property(tries = 6)
    void noPartySeesAnythingOfAnAgreementItIsNotOn(@ForAll("deals") List<Deal> deals) throws Exception {
        Path dir = Files.createTempDirectory("treaty-leaks");
        String template = Files.readString(Served.root().resolve("examples/book-deal/2025-01-15-publishing-agreement.treaty.md"));
        try (Served served = new Served(TestDatabases.Kind.SQLITE, dir, database -> {
            for (Deal deal : deals) {
                try {
                    Path folder = Files.createDirectories(dir.resolve(deal.id()));
                    Files.writeString(folder.resolve(deal.id() + ".treaty.md"), deal.document(template));
                    Records.addAgreements(database, folder, new Records.Author("test", ""));
                    Path events = Files.writeString(dir.resolve(deal.id() + "-events.jsonl"), deal.paymentEvent());
                    Records.load(database, List.of(events), false, new Records.Author("test", ""), dev.treaty.evaluator.facts.RevenueReader.Progress.NONE);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, Service.Options.defaults())) {
            List<String> askers = new ArrayList<>(PARTIES);
            askers.add("Nobody");
            for (String party : askers) {
                String token = served.token(party, "reader", "auditor", "operator", "pipeline");
                Set<String> visible = new TreeSet<>();
                for (Deal deal : deals) if (deal.parties().contains(party)) visible.add(deal.id());
                Served.Reply list = served.get("/v1/agreements", token);
                assertThat(new TreeSet<>(list.json().findValuesAsText("id"))).as(party + " lists").isEqualTo(visible);
                for (Deal hidden : deals) {
                    if (visible.contains(hidden.id())) continue;
                    for (String secret : hidden.secrets()) assertThat(list.body()).as(party + " lists " + hidden.id()).doesNotContain(secret);
                }
                for (Deal asked : deals) {
                    String a = "/v1/agreements/" + asked.id();
                    List<Served.Reply> replies = List.of(served.get(a, token), served.get(a + "/terms?on=2026-01-01", token),
                            served.get(a + "/diff?from=2025-06-01&to=2026-06-01", token),
                            served.get(a + "/settlement?through=2025-12-31&explain=true", token),
                            served.get(a + "/statements", token), served.get(a + "/balance", token),
                            served.get(a + "/decisions", token),
                            served.post(a + "/license?explain=true", token, "{\"licensee\":\"" + asked.publisher() + "\",\"class\":\"print\",\"on\":\"2026-01-01\"}"));
                    boolean sees = visible.contains(asked.id());
                    for (Served.Reply reply : replies) {
                        String what = party + " asks about " + asked.id() + ": " + reply.body();
                        if (sees) {
                            assertThat(reply.status()).as(what).isEqualTo(200);
                        } else {
                            assertThat(reply.status()).as(what).isEqualTo(404);
                            String body = reply.body().replace("'" + asked.id() + "'", "'ID'");   // the id asked for is echoed, nothing more
                            for (String secret : asked.secrets()) assertThat(body).as(what).doesNotContain(secret);
                            for (String name : asked.parties()) assertThat(body).as(what).doesNotContain(name);
                        }
                        for (Deal other : deals) {
                            if (visible.contains(other.id()) || other == asked) continue;
                            for (String secret : other.secrets()) assertThat(reply.body()).as(what + " (about " + other.id() + ")").doesNotContain(secret);
                        }
                    }
                }
            }
        }
    }
}
