package dev.treaty.bench;

import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;

import java.nio.file.Path;
import java.util.List;

/** The flagship example, loaded once for a benchmark. Run from the repository root, or set -Dtreaty.root. */
final class Flagship {

    final AgreementFolder.Loaded loaded;
    final AgreementHistory history;
    final Facts facts;

    Flagship() {
        Path root = Path.of(System.getProperty("treaty.root", "."));
        Path folder = root.resolve("examples/microsoft-openai");
        loaded = AgreementFolder.load(folder);
        if (loaded.hasErrors()) throw new IllegalStateException("the flagship does not load from " + folder.toAbsolutePath());
        history = loaded.histories().get(0);
        EventReader.Result events = EventReader.read(List.of(folder.resolve("facts/events.jsonl")));
        facts = new Facts(events.facts());
    }
}
