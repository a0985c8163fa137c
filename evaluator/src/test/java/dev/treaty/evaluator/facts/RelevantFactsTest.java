package dev.treaty.evaluator.facts;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.model.time.AgreementHistory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store shared by the flagship and the book deal: each agreement takes exactly the events that
 * concern it, whatever their kind, and none of the other's.
 */
class RelevantFactsTest {

    static final AgreementHistory FLAGSHIP = Fixtures.load(Fixtures.root().resolve("examples/microsoft-openai")).agreement(Optional.empty());
    static final AgreementHistory BOOK = Fixtures.load(Fixtures.root().resolve("examples/book-deal")).agreement(Optional.empty());

    /** The flagship's events, with an AGI declaration and verification, offers and an answer to one: every kind of fact. */
    static List<Fact> flagshipEvents() {
        EventReader.Result read = EventReader.read(List.of(Fixtures.root().resolve("examples/microsoft-openai/facts/events.jsonl")));
        assertThat(read.errors()).isEmpty();
        List<Fact> facts = new ArrayList<>(read.facts());
        facts.addAll(parse(
                "{\"id\":\"d-agi\",\"type\":\"declaration\",\"on\":\"2026-01-05\",\"event\":\"agi\",\"by\":\"OpenAI\"}",
                "{\"id\":\"vf-agi\",\"type\":\"verification\",\"on\":\"2026-01-20\",\"event\":\"agi\",\"by\":\"expert-panel\"}",
                "{\"id\":\"o-cap\",\"type\":\"offer\",\"on\":\"2025-06-02\",\"subject\":\"compute-capacity\",\"by\":\"OpenAI\",\"to\":\"Microsoft\",\"provider\":\"coreweave\"}",
                "{\"id\":\"or-cap\",\"type\":\"offer-response\",\"on\":\"2025-06-20\",\"offer\":\"o-cap\",\"answer\":\"exercise\",\"by\":\"Microsoft\"}"));
        return facts;
    }

    static List<Fact> parse(String... lines) {
        List<EventReader.Text> texts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) texts.add(new EventReader.Text(new FactSource(Path.of("book.jsonl"), i + 1), lines[i]));
        EventReader.Result read = EventReader.parse(texts);
        assertThat(read.errors()).isEmpty();
        return read.facts();
    }

    static final List<Fact> BOOK_EVENTS = parse(
            "{\"id\":\"pay-book\",\"type\":\"payment\",\"on\":\"2025-06-01\",\"payer\":\"Publisher\",\"payee\":\"Author\",\"amount\":\"20000\",\"currency\":\"USD\"}",
            "{\"id\":\"p-audio\",\"type\":\"product\",\"on\":\"2026-01-01\",\"name\":\"audio-edition\",\"owner\":\"Publisher\",\"kind\":\"api\",\"capabilities\":[]}",
            "{\"id\":\"r-audio\",\"type\":\"release\",\"on\":\"2026-01-02\",\"product\":\"audio-edition\",\"cloud\":\"azure\"}",
            "{\"id\":\"v-press\",\"type\":\"valuation\",\"on\":\"2026-01-01\",\"issuer\":\"Publisher\",\"amount\":\"1000000\",\"currency\":\"USD\"}",
            "{\"id\":\"o-across\",\"type\":\"offer\",\"on\":\"2025-06-02\",\"subject\":\"paper\",\"by\":\"Publisher\",\"to\":\"Microsoft\"}",
            "{\"id\":\"or-across\",\"type\":\"offer-response\",\"on\":\"2025-06-03\",\"offer\":\"o-across\",\"answer\":\"decline\",\"by\":\"Microsoft\"}",
            "{\"id\":\"d-unknown\",\"type\":\"declaration\",\"on\":\"2026-01-05\",\"event\":\"bestseller\",\"by\":\"Author\"}",
            "{\"id\":\"cr-audio\",\"type\":\"capability-request\",\"on\":\"2026-01-03\",\"product\":\"audio-edition\",\"capabilities\":[\"x\"],\"to\":\"Author\"}",
            "{\"id\":\"ca-audio\",\"type\":\"capability-response\",\"on\":\"2026-01-04\",\"request\":\"cr-audio\",\"answer\":\"support\",\"by\":\"Author\"}",
            "{\"id\":\"i-press\",\"type\":\"issuance\",\"on\":\"2026-01-01\",\"issuer\":\"Publisher\",\"dilution\":\"4%\"}",
            "{\"id\":\"s-press\",\"type\":\"spend\",\"on\":\"2026-01-01\",\"purchaser\":\"Publisher\",\"provider\":\"Microsoft\",\"amount\":\"9\",\"currency\":\"USD\"}",
            "{\"id\":\"pay-across\",\"type\":\"payment\",\"on\":\"2025-06-01\",\"payer\":\"Publisher\",\"payee\":\"Microsoft\",\"amount\":\"5\",\"currency\":\"USD\"}");

    @Test
    void everyFlagshipEventConcernsTheFlagshipAndNoneTheBookDeal() {
        List<Fact> events = flagshipEvents();
        assertThat(events.stream().map(f -> f.getClass().getSimpleName()).distinct())
                .as("every kind of event is in the flagship's facts").hasSize(12);
        assertThat(FactChecks.relevant(FLAGSHIP, events)).containsExactlyElementsOf(events);
        assertThat(FactChecks.relevant(BOOK, events)).isEmpty();
    }

    @Test
    void inASharedStoreEachAgreementTakesItsOwnAndAPaymentAcrossTwoIsNeithers() {
        List<Fact> shared = new ArrayList<>(flagshipEvents());
        shared.addAll(BOOK_EVENTS);
        assertThat(FactChecks.relevant(BOOK, shared)).extracting(f -> f.meta().id()).containsExactly("pay-book", "p-audio", "r-audio", "v-press",
                "cr-audio", "ca-audio", "i-press", "s-press");
        assertThat(FactChecks.relevant(FLAGSHIP, shared)).containsExactlyElementsOf(flagshipEvents());
    }
}
