package dev.treaty.bench;

import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.FactChecks;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.evaluator.settle.Settlement;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.simulate.Scenario;
import dev.treaty.evaluator.simulate.ScenarioException;
import dev.treaty.evaluator.simulate.Simulation;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The long fuzzing run: generated inputs for every reader (agreements, event files, revenue
 * files, scenarios), each made by mutating a real input at random, each read the way the
 * commands read it and then used (facts checked against the flagship, revenue settled, a
 * scenario simulated once). An input must be answered or refused; any exception is a crash and an
 * input that takes longer than the hang limit is a hang. Crashing inputs are kept for replay.
 *
 * <pre>
 * java -Xmx512m -cp bench/target/benchmarks.jar dev.treaty.bench.ReaderFuzz [INPUTS] [SEED] [ONLY-INDEX]
 * </pre>
 *
 * Run from the repository root. Input {@code i} is generated from {@code (SEED, i)} alone, so a
 * reported index replays on its own (give it as ONLY-INDEX).
 */
public final class ReaderFuzz {

    enum Reader { AGREEMENT, EVENTS, REVENUE, SCENARIO }

    enum Outcome { ANSWERED, REFUSED }

    private static final Duration HANG = Duration.ofSeconds(10);
    private static final Path ROOT = Path.of(System.getProperty("treaty.root", "."));
    private static final Path FLAGSHIP = ROOT.resolve("examples/microsoft-openai");

    private static final List<String> AGREEMENT_SPLICES = List.of(
            "{", "}", "[", "]", "(", ")", ",", ";", "\n", "```", "```treaty\n", "\n## 9.9 New\n", "# Title\n", "> ", "- ",
            "replace", "strike 3.1", "add", "revenue-share x {", "licence", "exclusive until", "agi verified", "if ", "not ",
            "USD 5 * USD 3", "120%", "-", "2030-02-30", "99999-01-01", "9999999999999999999999999999999999", "0", "1e400",
            "$revenue-share-cap", "$nope", "\"unterminated", "×", "é", "\u0000", "\u202e", "\ufeff", "tiers cumulative {",
            "above: 5%", "from 2031-01-01", "through 2019-01-01", "cap total", "party", "signed", "effective",
            "amendment x amends y", "kind x is x", "cloud", "assume a = $a \"x\"", "((((((((((", "not not not not ");
    private static final List<String> EVENT_SPLICES = List.of(
            "{", "}", "[", "]", "\"", ",", ":", "\n", "null", "true", "1e400", "-1", "\"2026-02-30\"", "\"99999-01-01\"",
            "\"id\":\"x\",", "\"type\":\"release\",", "\"type\":\"payment\",", "\"amount\":\"1e30\",", "\"amount\":12,",
            "\"owner\":\"Contoso\",", "\"product\":\"nope\",", "\"request\":\"nope\",", "\u0000", "\u202e", "\ufeff", "é",
            "\"recorded\":\"soon\",", "\"on\":\"2010-01-01\",", "\"dilution\":\"150%\",", "\"answer\":\"maybe\",");
    private static final List<String> REVENUE_SPLICES = List.of(
            ",", "\"", "\n", "\r\n", "\"\"", "-", "0", "1,250,000.00", "1e30", "1.0000001", "-0", "2026-02-30", "12026-01-05",
            "XXY", "USD", "EUR", "OpenAI", "Microsoft", "Contoso", "\u0000", "\u202e", "\ufeff", "é", "id", "amount",
            "1000000000001", "2026-04-02T09:00:00Z", "yesterday", ",,,,,,,,,,", "\"a\nb\"");
    private static final List<String> SCENARIO_SPLICES = List.of(
            ":", "-", "\n", "  ", "{", "}", "[", "]", "&a ", "*a", "!!java.io.File ", "<<: *a", "1e308", "-1", "0", "~",
            "party: Contoso\n", "currency: EUR\n", "through: 9999-12-31\n", "period: month\n", "runs: 0\n", "\"", "'",
            "share: 2", "probability: 2", "volatility: 1e308", "\u0000", "\u202e", "\ufeff", "é", "#", "? ", "|\n", ">\n");

    private final long seed;
    private final Path work;
    private final Map<Path, byte[]> agreementFiles = new LinkedHashMap<>();
    private final List<byte[]> agreementSeeds = new ArrayList<>();
    private final byte[] eventsSeed;
    private final byte[] revenueSeed;
    private final List<byte[]> scenarioSeeds = new ArrayList<>();
    private final AgreementHistory history;
    private final List<SettlementPlan.VersionSpan> schedule;
    private final Facts facts;

    private ReaderFuzz(long seed) throws IOException {
        this.seed = seed;
        this.work = Files.createTempDirectory("treaty-fuzz");
        for (Path folder : List.of(FLAGSHIP, ROOT.resolve("examples/book-deal"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(AgreementFolder::isDocument).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    agreementSeeds.add(bytes);
                    if (folder.equals(FLAGSHIP)) agreementFiles.put(file.getFileName(), bytes);
                }
            }
        }
        AgreementFolder.Loaded loaded = AgreementFolder.load(FLAGSHIP);
        if (loaded.hasErrors()) throw new IllegalStateException("the flagship does not load from " + FLAGSHIP.toAbsolutePath());
        history = loaded.histories().get(0);
        schedule = SettlementPlan.schedule(history.asKnown(LocalDate.MAX));
        facts = new Facts(EventReader.read(List.of(FLAGSHIP.resolve("facts/events.jsonl"))).facts());
        eventsSeed = firstLines(FLAGSHIP.resolve("facts/events.jsonl"), 60);
        revenueSeed = firstLines(FLAGSHIP.resolve("facts/revenue.csv"), 40);
        String growth = Files.readString(FLAGSHIP.resolve("scenarios/growth.yaml"))
                .replaceAll("(?m)^history:.*\n", "");   // the history is a revenue file, fuzzed on its own
        scenarioSeeds.add(growth.getBytes(StandardCharsets.UTF_8));
        scenarioSeeds.add(growth.replace("period: quarter", "period: month").replace("through: 2030-12-31", "through: 2027-06-30")
                .getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        long inputs = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Optional<Long> only = args.length > 2 ? Optional.of(Long.parseLong(args[2])) : Optional.empty();
        ReaderFuzz fuzz = new ReaderFuzz(seed);
        boolean clean = fuzz.run(inputs, only);
        try (Stream<Path> files = Files.walk(fuzz.work)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        }
        System.exit(clean ? 0 : 3);
    }

    private boolean run(long inputs, Optional<Long> only) throws InterruptedException {
        // per reader: answered, refused, crashed, hung, slowest ns, total ns
        Map<Reader, java.util.concurrent.atomic.AtomicLongArray> counts = new EnumMap<>(Reader.class);
        for (Reader reader : Reader.values()) counts.put(reader, new java.util.concurrent.atomic.AtomicLongArray(6));
        long started = System.nanoTime();
        long first = only.orElse(0L);
        long last = only.map(i -> i + 1).orElse(inputs);
        int lanes = only.isPresent() ? 1 : Runtime.getRuntime().availableProcessors();
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            int laneIndex = lane;
            threads.add(Thread.ofPlatform().name("fuzz-lane-" + lane).start(() -> {
                for (long i = first + laneIndex; i < last; i += lanes) {
                    runOne(i, laneIndex, counts);
                    long finished = done.incrementAndGet();
                    if (finished % 50_000 == 0) {
                        System.out.printf("%,d inputs, %.0f s%n", finished, (System.nanoTime() - started) / 1e9);
                    }
                }
            }));
        }
        for (Thread thread : threads) thread.join();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%nreader      inputs   answered    refused  crashes  hangs  slowest     mean%n");
        long crashes = 0;
        long hangs = 0;
        for (var entry : counts.entrySet()) {
            var c = entry.getValue();
            long n = c.get(0) + c.get(1) + c.get(2) + c.get(3);
            System.out.printf("%-9s %,9d %,10d %,10d %8d %6d %6.0f ms %5.2f ms%n", entry.getKey().name().toLowerCase(), n,
                    c.get(0), c.get(1), c.get(2), c.get(3), c.get(4) / 1e6, n == 0 ? 0 : c.get(5) / 1e6 / n);
            crashes += c.get(2);
            hangs += c.get(3);
        }
        System.out.printf("%,d inputs in %.0f s on %d threads (seed %d): %d crashes, %d hangs%n", last - first, seconds, lanes, seed,
                crashes, hangs);
        return crashes == 0 && hangs == 0;
    }

    /** Feeds input {@code i} on a thread of its own, so that a hang can be told from a slow answer. */
    private void runOne(long i, int lane, Map<Reader, java.util.concurrent.atomic.AtomicLongArray> counts) {
        Reader reader = Reader.values()[(int) (i % Reader.values().length)];
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        var count = counts.get(reader);
        long start = System.nanoTime();
        ExecutorService worker = WORKERS.get();
        Future<Outcome> outcome = worker.submit(() -> feed(reader, random, i, lane));
        try {
            count.incrementAndGet(outcome.get(HANG.toMillis(), TimeUnit.MILLISECONDS).ordinal());
        } catch (TimeoutException e) {
            count.incrementAndGet(3);
            System.out.printf("HANG  input %d (%s): over %s%n", i, reader, HANG);
            outcome.cancel(true);
            worker.shutdownNow();
            WORKERS.remove();                   // the stuck thread is a daemon and is left behind
        } catch (ExecutionException e) {
            count.incrementAndGet(2);
            synchronized (System.out) {
                System.out.printf("CRASH input %d (%s): %s%n", i, reader, e.getCause());
                e.getCause().printStackTrace(System.out);
            }
            keep(i, reader, lane);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long took = System.nanoTime() - start;
        count.accumulateAndGet(4, took, Math::max);
        count.addAndGet(5, took);
    }

    private static final ThreadLocal<ExecutorService> WORKERS = ThreadLocal.withInitial(ReaderFuzz::newWorker);

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fuzz-input");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Reads one generated input as its command would, and uses what was read. */
    private Outcome feed(Reader reader, SplittableRandom random, long index, int lane) throws IOException {
        Path dir = work.resolve(lane + "-" + reader.name().toLowerCase());
        Files.createDirectories(dir);
        return switch (reader) {
            case AGREEMENT -> agreement(random, dir);
            case EVENTS -> {
                Path file = write(dir.resolve("events.jsonl"), mutate(eventsSeed, EVENT_SPLICES, random));
                EventReader.Result read = EventReader.read(List.of(file));
                if (!read.errors().isEmpty()) yield Outcome.REFUSED;
                FactChecks.check(history, read.facts());
                yield Outcome.ANSWERED;
            }
            case REVENUE -> {
                Path file = write(dir.resolve("revenue.csv"), mutate(revenueSeed, REVENUE_SPLICES, random));
                SettlementPlan plan = SettlementPlan.of(schedule, facts, LocalDate.of(2030, 12, 31), Optional.empty());
                RevenueReader.Result read = RevenueReader.read(List.of(file), plan, RevenueReader.Progress.NONE);
                if (!read.errors().isEmpty()) yield Outcome.REFUSED;
                Settlement.compute(plan, history.asKnown(LocalDate.MAX).assumptions(), Optional.empty());
                yield Outcome.ANSWERED;
            }
            case SCENARIO -> {
                byte[] seedBytes = scenarioSeeds.get(random.nextInt(scenarioSeeds.size()));
                Path file = write(dir.resolve("scenario.yaml"), mutate(seedBytes, SCENARIO_SPLICES, random));
                try {
                    Scenario scenario = Scenario.read(file);
                    Simulation simulation = new Simulation(scenario, List.of(new Simulation.Schedule("as amended", schedule)), facts,
                            history.asKnown(LocalDate.MAX).assumptions(), List.of());
                    simulation.run(1, index, done -> { });
                    yield Outcome.ANSWERED;
                } catch (ScenarioException refused) {
                    yield Outcome.REFUSED;
                }
            }
        };
    }

    /** One mutated file on its own, or (one time in eight) the whole flagship folder with one file mutated. */
    private Outcome agreement(SplittableRandom random, Path dir) throws IOException {
        try (Stream<Path> old = Files.list(dir)) {
            for (Path file : old.toList()) Files.delete(file);
        }
        if (random.nextInt(8) == 0) {
            List<Path> names = List.copyOf(agreementFiles.keySet());
            Path mutated = names.get(random.nextInt(names.size()));
            for (var entry : agreementFiles.entrySet()) {
                byte[] bytes = entry.getKey().equals(mutated) ? mutate(entry.getValue(), AGREEMENT_SPLICES, random) : entry.getValue();
                write(dir.resolve(entry.getKey()), bytes);
            }
        } else {
            byte[] seedBytes = agreementSeeds.get(random.nextInt(agreementSeeds.size()));
            write(dir.resolve("a" + AgreementFolder.SUFFIX), mutate(seedBytes, AGREEMENT_SPLICES, random));
        }
        AgreementFolder.Loaded loaded = AgreementFolder.load(List.of(dir), Map.of());
        if (loaded.hasErrors()) return Outcome.REFUSED;
        for (AgreementHistory agreement : loaded.histories()) {
            agreement.versions().forEach(version -> version.terms().forEach(term -> term.term().attributes()));
            SettlementPlan.schedule(agreement.asKnown(LocalDate.MAX));
        }
        return Outcome.ANSWERED;
    }

    /** One to six edits (one half the time, two a quarter, …): delete, splice in a token, repeat a stretch (up to a thousand times), flip a byte, truncate. */
    static byte[] mutate(byte[] input, List<String> splices, SplittableRandom random) {
        byte[] bytes = input;
        int edits = 1;
        while (edits < 6 && random.nextBoolean()) edits++;     // one edit half the time: most inputs stay near real ones
        for (int e = 0; e < edits; e++) {
            int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            bytes = switch (random.nextInt(6)) {
                case 0 -> splice(bytes, at, Math.min(bytes.length - at, 1 + random.nextInt(200)), new byte[0]);
                case 1, 2 -> splice(bytes, at, 0, splices.get(random.nextInt(splices.size())).getBytes(StandardCharsets.UTF_8));
                case 3 -> {
                    int length = Math.min(bytes.length - at, 1 + random.nextInt(40));
                    byte[] stretch = java.util.Arrays.copyOfRange(bytes, at, at + length);
                    int times = random.nextInt(10) == 0 ? 1000 : 1 + random.nextInt(8);
                    byte[] repeated = new byte[stretch.length * times];
                    for (int t = 0; t < times; t++) System.arraycopy(stretch, 0, repeated, t * stretch.length, stretch.length);
                    yield splice(bytes, at, 0, repeated);
                }
                case 4 -> {
                    if (bytes.length == 0) yield bytes;
                    byte[] flipped = bytes.clone();
                    int where = random.nextInt(bytes.length);
                    flipped[where] = (byte) (random.nextBoolean() ? random.nextInt(256) : flipped[where] ^ (1 << random.nextInt(8)));
                    yield flipped;
                }
                default -> java.util.Arrays.copyOf(bytes, at);
            };
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }

    private void keep(long index, Reader reader, int lane) {
        try {
            Path kept = Path.of("target", "fuzz-crashes");
            Files.createDirectories(kept);
            try (Stream<Path> files = Files.walk(work.resolve(lane + "-" + reader.name().toLowerCase()))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, kept.resolve(index + "-" + file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        return Files.write(file, bytes);
    }

    private static byte[] firstLines(Path file, int lines) throws IOException {
        try (Stream<String> all = Files.lines(file)) {
            return (String.join("\n", all.limit(lines).toList()) + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }
}
