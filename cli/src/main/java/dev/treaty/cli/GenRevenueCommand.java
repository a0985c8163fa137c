package dev.treaty.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code treaty gen-revenue}: a seeded, realistic revenue ledger for benchmarks and tests: many
 * products, clouds, regions and segments, dates across years, amounts with cents. The same seed
 * and line count always give the same file.
 */
@Command(name = "gen-revenue", mixinStandardHelpOptions = true, description = "Write a seeded, realistic revenue ledger (CSV) for benchmarks and tests.")
final class GenRevenueCommand implements Callable<Integer> {

    /** Lines in a generated file at most: 10 billion, about 1 TB. */
    private static final long LINES_MAX = 10_000_000_000L;

    private static final String[][] PRODUCTS = {
            {"chatgpt", "non-api", "subscriptions"}, {"chatgpt-enterprise", "non-api", "enterprise"},
            {"openai-api", "api", "api"}, {"responses-api", "stateless-api", "api"}, {"gov-api", "api", "api"},
            {"sora-app", "non-api", "subscriptions"}, {"io-device", "consumer-hardware", "hardware"},
            {"agent-kit", "non-api", "enterprise"}, {"voice-engine", "api", "api"}, {"research-assistant", "non-api", "subscriptions"}};
    private static final String[] CLOUDS = {"azure", "azure", "azure", "aws", "gcp", "oracle"};
    private static final String[] REGIONS = {"us", "us", "eu", "apac", "latam"};
    private static final String[] SEGMENTS = {"", "", "", "", "", "", "", "", "us-national-security", "education"};
    private static final String[] PARTIES = {"OpenAI", "OpenAI", "OpenAI", "OpenAI", "Microsoft"};

    @Spec
    CommandSpec spec;

    @Option(names = "--lines", required = true, paramLabel = "N", description = "How many revenue lines.")
    long lines;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "The random seed (default 1).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the CSV.")
    Path out;

    @Option(names = "--from", defaultValue = "2019-07-22", paramLabel = "DATE", description = "First date (default 2019-07-22).")
    LocalDate from;

    @Option(names = "--through", defaultValue = "2030-12-31", paramLabel = "DATE", description = "Last date (default 2030-12-31).")
    LocalDate through;

    @Option(names = "--without-ids", description = "Leave the id column empty (by default every line has an id).")
    boolean withoutIds;

    @Override
    public Integer call() throws IOException {
        if (lines < 0 || lines > LINES_MAX) throw new BadInputException("--lines must be between 0 and " + LINES_MAX);
        if (through.isBefore(from)) throw new BadInputException("--through is before --from");
        SplittableRandom random = new SplittableRandom(seed);
        long firstDay = from.toEpochDay();
        int days = (int) (through.toEpochDay() - firstDay + 1);
        StringBuilder line = new StringBuilder(160);
        OutputFile.write(out, "the revenue ledger", stream -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 20);
            writer.write("id,date,party,product,kind,category,cloud,region,segment,amount,currency\n");
            for (long i = 0; i < lines; i++) {
                String[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
                String party = PARTIES[random.nextInt(PARTIES.length)];
                if (party.equals("Microsoft")) product = new String[]{"azure-openai-service", "api", "cloud-ai"};
                // Later days carry more revenue, as the business grows: skew the day toward the end.
                int day = (int) Math.min(days - 1, Math.sqrt(random.nextDouble()) * days);
                long cents = 100 + (long) (random.nextDouble() * random.nextDouble() * 50_000_000L);
                line.setLength(0);
                if (!withoutIds) line.append('g').append(seed).append('-').append(i);
                line.append(',').append(LocalDate.ofEpochDay(firstDay + day)).append(',').append(party).append(',')
                        .append(product[0]).append(',').append(product[1]).append(',').append(product[2]).append(',')
                        .append(party.equals("Microsoft") ? "azure" : CLOUDS[random.nextInt(CLOUDS.length)]).append(',')
                        .append(REGIONS[random.nextInt(REGIONS.length)]).append(',')
                        .append(SEGMENTS[random.nextInt(SEGMENTS.length)]).append(',')
                        .append(cents / 100).append('.').append((char) ('0' + cents / 10 % 10)).append((char) ('0' + cents % 10))
                        .append(",USD\n");
                writer.append(line);
            }
            writer.flush();
        });
        spec.commandLine().getErr().println("treaty: wrote " + lines + " revenue lines to " + out);
        return ExitCodes.OK;
    }
}
