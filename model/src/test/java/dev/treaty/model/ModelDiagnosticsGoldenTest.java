package dev.treaty.model;

import dev.treaty.language.Diagnostic;
import dev.treaty.model.time.AgreementHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.treaty.model.TestAgreements.HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the model reports for each way a folder, a document header, a clause, an assumption or a
 * term can be wrong, one small folder per case, in a golden file: the review of every message's
 * wording and position at the model level (the command line's golden files cover how they are
 * printed). Update with {@code -Dtreaty.updateGolden=true} and read the diff.
 */
class ModelDiagnosticsGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/model-diagnostics.txt");

    private static final String ASSUMPTIONS = """
            # Assumptions

            ```treaty
            assumptions for t
            assume rate = 10% "press reports"
            assume answer = yes "assumed"
            assume silence = decline "assumed"
            assume colour = red "assumed"
            assume unused = 5 "never referred to"
            ```
            """;

    private static String clause(String block) {
        return HEADER + "## 1 Terms\n\n```treaty\n" + block + "\n```\n";
    }

    private static String share(String attributes) {
        return clause("""
                revenue-share s {
                  payer Alpha
                  payee Beta
                  rate 10%
                  period quarter
                  due 30 days after period end
                  currency USD
                """ + attributes + "\n}");
    }

    private static String shareDue(String due) {
        return share(due).replace("  due 30 days after period end\n", "");
    }

    /** The share with its rate from the assumption {@code $rate}. */
    private static final String RATED = share("").replace("rate 10%", "rate $rate");

    private static String amendment(String header, String clauses) {
        return "# Amendment\n\n```treaty\n" + header + "\n```\n\n" + clauses;
    }

    private record Case(String name, Map<String, String> files, Map<String, String> overrides) {
    }

    private static final List<Case> CASES = new java.util.ArrayList<>();

    private static void add(String name, String... namesAndTexts) {
        addWith(name, Map.of(), namesAndTexts);
    }

    private static void addWith(String name, Map<String, String> overrides, String... namesAndTexts) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) files.put(namesAndTexts[i], namesAndTexts[i + 1]);
        CASES.add(new Case(name, files, overrides));
    }

    static {
        // the folder
        add("assumption named in two files", "t.treaty.md", RATED, "a.treaty.md", ASSUMPTIONS,
                "b.treaty.md", "# More\n\n```treaty\nassumptions for t\nassume rate = 12% \"other\"\n```\n");
        add("two agreements with one id", "t.treaty.md", HEADER, "u.treaty.md", HEADER);
        String amendmentA = amendment("amendment a amends t\nsigned 2025-02-01\neffective 2025-02-01", "");
        add("two amendments with one id", "t.treaty.md", HEADER, "a.treaty.md", amendmentA, "b.treaty.md", amendmentA);
        add("assumptions for no agreement here", "t.treaty.md", HEADER,
                "a.treaty.md", "# A\n\n```treaty\nassumptions for nothing\nassume x = 1 \"x\"\n```\n");
        add("assumptions alone", "a.treaty.md", "# A\n\n```treaty\nassumptions for nothing\nassume x = 1 \"x\"\n```\n");
        add("an assumption never used", "t.treaty.md", HEADER, "a.treaty.md", ASSUMPTIONS);
        addWith("--assume of no such assumption", Map.of("nope", "1"), "t.treaty.md", RATED, "a.treaty.md", ASSUMPTIONS);
        addWith("--assume of no such assumption, none declared", Map.of("nope", "1"), "t.treaty.md", HEADER);
        addWith("--assume of another type", Map.of("rate", "USD 5"), "t.treaty.md", RATED, "a.treaty.md", ASSUMPTIONS);
        addWith("--assume that does not parse", Map.of("rate", "10%%"), "t.treaty.md", RATED, "a.treaty.md", ASSUMPTIONS);
        addWith("--assume yes or no", Map.of("answer", "maybe"), "t.treaty.md", RATED, "a.treaty.md", ASSUMPTIONS);
        addWith("--assume support or decline", Map.of("silence", "yes"), "t.treaty.md", RATED, "a.treaty.md", ASSUMPTIONS);
        addWith("--assume another word", Map.of("colour", "blue"), "t.treaty.md", RATED, "a.treaty.md", ASSUMPTIONS);
        addWith("--assume accepted", Map.of("rate", "12%", "answer", "no", "silence", "support"),
                "t.treaty.md", RATED, "a.treaty.md", ASSUMPTIONS);

        // the document header
        add("two headers in one file", "t.treaty.md", HEADER.replace("signed", "amendment x amends t\nclarification y clarifies t\n"
                + "assumptions for t\nagreement z\nsigned"));
        add("party, signed and effective twice", "t.treaty.md", HEADER.replace("signed 2025-01-01",
                "party Alpha \"Again\"\nsigned 2025-01-01\nsigned 2025-01-02\neffective 2025-01-01"));
        add("signed with a percentage", "t.treaty.md", HEADER.replace("signed 2025-01-01", "signed 10%"));
        add("a term in the header", "t.treaty.md", HEADER.replace("signed", "event e\nsigned"));
        add("no header", "t.treaty.md", "# T\n\n## 1 Terms\n\n```treaty\nevent e\n```\n");
        add("no header, and a clause number too long", "t.treaty.md", "# T\n\n## 1.2.3.4.5.6.7.8.9 Deep\n\n```treaty\nevent e\n```\n");
        add("a file refused whole for its nesting", "t.treaty.md", "# T\n\n" + ">".repeat(40) + " deep\n");
        add("a header block with a syntax error, and another", "t.treaty.md", HEADER.replace("signed 2025-01-01\n", "")
                .replace("effective 2025-01-01\n```", "effective 2025-01-01\n```\n\n```treaty\nsigned 2025-01-01 @\n```"));
        add("a header with a syntax error after a good block", "t.treaty.md", HEADER + "```treaty\nparty Gamma @\n```\n");
        add("an amendment naming one party", "t.treaty.md", HEADER,
                "a.treaty.md", amendment("amendment a amends t\nparty Gamma \"G\"\nsigned 2025-02-01\neffective 2025-02-01", ""));
        add("no header and no blocks", "t.treaty.md", "# T\n\nJust prose.\n");
        add("assumptions with parties", "t.treaty.md", HEADER,
                "a.treaty.md", "# A\n\n```treaty\nassumptions for t\nparty X \"X\"\n```\n");
        add("amendment without dates", "t.treaty.md", HEADER, "a.treaty.md", amendment("amendment a amends t", ""));
        add("amendment without effective", "t.treaty.md", HEADER,
                "a.treaty.md", amendment("amendment a amends t\nsigned 2025-02-01", ""));
        add("clarification takes effect when signed", "t.treaty.md", HEADER,
                "c.treaty.md", amendment("clarification c clarifies t\nsigned 2025-02-01", "## 1 Terms\n\nWhat clause 1 means.\n"));
        add("agreement with one party", "t.treaty.md", HEADER.replace("party Beta \"Beta Ltd\"\n", ""));
        add("restatement with one party", "t.treaty.md", HEADER,
                "r.treaty.md", amendment("amendment r restates t\nparty Alpha \"A\"\nsigned 2025-02-01\neffective 2025-02-01", ""));
        add("restatement keeping the parties", "t.treaty.md", HEADER,
                "r.treaty.md", amendment("amendment r restates t\nsigned 2025-02-01\neffective 2025-02-01", "## 1 Terms\n\n```treaty\nevent e\n```\n"));
        add("effective before signed", "t.treaty.md", HEADER.replace("effective 2025-01-01", "effective 2024-12-01"));

        // assumptions
        add("an assumption outside the assumptions file", "t.treaty.md", HEADER.replace("signed", "assume x = 1 \"x\"\nsigned"));
        add("an assumption without a basis", "t.treaty.md", RATED,
                "a.treaty.md", "# A\n\n```treaty\nassumptions for t\nassume rate = 10%\n```\n");
        add("an assumption over another", "t.treaty.md", RATED,
                "a.treaty.md", "# A\n\n```treaty\nassumptions for t\nassume base = 10% \"b\"\nassume rate = $base * 2 \"r\"\n```\n");
        add("an assumption not declared", "t.treaty.md", share("rate $nothing"));

        add("an assumption used only by an amendment", "t.treaty.md", share(""), "a.treaty.md", "# A\n\n```treaty\nassumptions for t\n"
                + "assume rate = 12% \"r\"\n```\n", "b.treaty.md", amendment("amendment b amends t\nsigned 2025-02-01\neffective 2025-02-01",
                "## 1 Terms\n\n```treaty\nreplace\n\n" + RATED.substring(RATED.indexOf("revenue-share"))));
        add("kind declared under two parents", "t.treaty.md", HEADER.replace("signed", "kind a \"A\"\nkind b \"B\"\nkind c is a \"C\"\n"
                + "kind c is b \"C again\"\nsigned"));

        // clauses
        add("clause number too long", "t.treaty.md", HEADER + "## 1.2.3.4.5.6.7.8.9 Deep\n\nText.\n");
        add("a header statement in a clause", "t.treaty.md", clause("signed 2025-01-01"));
        add("replace in an agreement", "t.treaty.md", clause("replace"));
        add("terms in a clarification", "t.treaty.md", HEADER,
                "c.treaty.md", amendment("clarification c clarifies t\nsigned 2025-02-01", "## 1 Terms\n\n```treaty\nevent e\n```\n"));
        add("amendment clause without an operation", "t.treaty.md", HEADER,
                "a.treaty.md", amendment("amendment a amends t\nsigned 2025-02-01\neffective 2025-02-01", "## 1 Terms\n\n```treaty\nevent e\n```\n"));
        add("amendment clause with two operations", "t.treaty.md", clause("event e"),
                "a.treaty.md", amendment("amendment a amends t\nsigned 2025-02-01\neffective 2025-02-01",
                        "## 1 Terms\n\n```treaty\nreplace\n```\n\n```treaty\nstrike\n```\n"));
        add("strike with terms", "t.treaty.md", clause("event e"),
                "a.treaty.md", amendment("amendment a amends t\nsigned 2025-02-01\neffective 2025-02-01",
                        "## 1 Terms\n\n```treaty\nstrike\nevent f\n```\n"));
        add("strike of clauses by number", "t.treaty.md", clause("event e") + "\n## 2 More\n\n```treaty\nevent f\n```\n",
                "a.treaty.md", amendment("amendment a amends t\nsigned 2025-02-01\neffective 2025-02-01",
                        "## 9 Strikes\n\n```treaty\nstrike 1, 2, 1.2.3.4.5.6.7.8.9\n```\n"));

        // events
        add("event declared and verified twice", "t.treaty.md", clause("event e {\n  declared by Alpha\n  declared by Beta\n"
                + "  verified by x\n  verified by y\n}"));

        // terms
        add("attribute of another kind", "t.treaty.md", share("licensee Beta"));
        add("attribute twice", "t.treaty.md", share("rate 11%"));
        add("a required attribute missing", "t.treaty.md", clause("revenue-share s {\n  payer Alpha\n  rate 10%\n  period quarter\n  due 30 days after period end\n  currency USD\n}"));
        add("both of two alternatives", "t.treaty.md", share("tiers cumulative {\n  up to USD 10: 1%\n  above: 2%\n}"));
        add("mixed currencies", "t.treaty.md", share("cap total EUR 10\nminimum USD 1 per period"));
        add("mixed currencies in tiers", "t.treaty.md", share("").replace("rate 10%", "tiers cumulative {\n  up to EUR 10: 1%\n  above: 2%\n}"));
        add("no currency", "t.treaty.md", clause("revenue-share s {\n  payer Alpha\n  payee Beta\n  rate 10%\n  period quarter\n  due 30 days after period end\n}"));
        add("currency from the amounts", "t.treaty.md", share("minimum EUR 5 per period").replace("  currency USD\n", ""));
        add("through after from..through", "t.treaty.md", share("from 2025-01-01 through 2025-12-31\nthrough 2026-01-01"));
        add("cap counting since a non-date", "t.treaty.md", share("cap total USD 10 counting payments since 5"));
        add("due in months", "t.treaty.md", shareDue("due 1 month after period end"));
        add("due before period end", "t.treaty.md", shareDue("due 0 days - 5 days after period end"));
        add("instalments out of range", "t.treaty.md", share("instalments 0 quarterly"));
        add("instalments too many", "t.treaty.md", share("instalments 121 quarterly"));
        add("instalments not whole", "t.treaty.md", share("instalments 1.5 quarterly"));
        add("instalments at the limits", "t.treaty.md", share("instalments 120 monthly") + share("instalments 1 quarterly")
                .replace(HEADER, "").replace("## 1 Terms", "## 2 More").replace("revenue-share s", "revenue-share s2"));
        add("unknown currency", "t.treaty.md", share("").replace("currency USD", "currency XYZ"));
        add("unknown rounding", "t.treaty.md", share("rounding sideways to 2"));
        add("rounding unnecessary", "t.treaty.md", share("rounding unnecessary to 2"));
        add("rounding scale too large", "t.treaty.md", share("rounding half-up to 13"));
        add("rounding at its limits", "t.treaty.md", share("rounding half-up to 12") + share("rounding down to 0")
                .replace(HEADER, "").replace("## 1 Terms", "## 2 More").replace("revenue-share s", "revenue-share s2"));
        add("fiscal year not a month", "t.treaty.md", share("").replace("period quarter", "period fiscal year starting Smarch"));
        add("names listed twice", "t.treaty.md", clause("licence l {\n  licensor Alpha\n  licensee Beta\n  covers [models, models]\n"
                + "  non-exclusive\n}"));
        add("a share that its payer pays to itself", "t.treaty.md", share("").replace("payee Beta", "payee Alpha"));
        add("a licence to its own licensor", "t.treaty.md", clause("licence l {\n  licensor Alpha\n  licensee Alpha\n"
                + "  covers [models]\n  non-exclusive\n}"));
        add("unknown filter field", "t.treaty.md", share("base colour = red"));
        add("rate over 100%", "t.treaty.md", share("").replace("rate 10%", "rate 100.01%"));
        add("rate of 100%", "t.treaty.md", share("").replace("rate 10%", "rate 100%"));
        add("rate negative", "t.treaty.md", share("").replace("rate 10%", "rate 0% - 0.01%"));
        add("rate of zero", "t.treaty.md", share("").replace("rate 10%", "rate 0%"));
        add("rate not a percentage", "t.treaty.md", share("").replace("rate 10%", "rate USD 5"));
        add("negative money", "t.treaty.md", share("minimum USD 0 - USD 1 per period"));
        add("money not money", "t.treaty.md", share("advance 5"));
        add("duration not a duration", "t.treaty.md", shareDue("due 5% after period end"));
        add("tiers that fall", "t.treaty.md", share("").replace("rate 10%", "tiers cumulative {\n  up to USD 10: 1%\n  up to USD 5: 2%\n  above: 3%\n}"));
        add("tiers in two currencies", "t.treaty.md", share("").replace("rate 10%", "tiers cumulative {\n  up to USD 10: 1%\n  up to EUR 20: 2%\n  above: 3%\n}"));
        add("tiers of equal limits", "t.treaty.md", share("").replace("rate 10%", "tiers per period {\n  up to USD 10: 1%\n  up to USD 10: 2%\n  above: 3%\n}"));
        add("above tier not last", "t.treaty.md", share("").replace("rate 10%", "tiers cumulative {\n  above: 3%\n  up to USD 10: 1%\n}"));
        add("response window of zero", "t.treaty.md", clause("right-of-first-refusal r {\n  grantor Alpha\n  holder Beta\n"
                + "  subject compute\n  response within 0 days default decline\n}"));
        add("condition on an unknown event", "t.treaty.md", share("until nothing declared"));
        add("condition on an event with no verification", "t.treaty.md", clause("event e") + share("until e verified")
                .replace(HEADER, "").replace("## 1 Terms", "## 2 More"));
        add("condition naming another declarer", "t.treaty.md", clause("event e {\n  declared by Alpha\n  verified by panel\n}")
                + share("until e declared by Beta or e verified by court").replace(HEADER, "").replace("## 1 Terms", "## 2 More"));
        add("exclusivity ending on an unknown event", "t.treaty.md", clause("licence l {\n  licensor Alpha\n  licensee Beta\n"
                + "  covers [models]\n  exclusive until nothing declared\n}"));
        add("exclusivity only if an unknown event", "t.treaty.md", clause("licence l {\n  licensor Alpha\n  licensee Beta\n"
                + "  covers [models]\n  exclusive if nothing declared\n}"));
        add("conditions that hold", "t.treaty.md", clause("event e\nevent f") + share("until e declared and not f declared or e declared")
                .replace(HEADER, "").replace("## 1 Terms", "## 2 More"));
        add("two release rules in conflict", "t.treaty.md", clause("""
                cloud-exclusivity on-azure {
                  provider Alpha
                  owner Beta
                  cloud azure
                  products all
                  except segment = government
                }

                cloud-exclusivity on-aws {
                  provider Alpha
                  owner Beta
                  cloud aws
                  products all
                }

                release-permission anywhere {
                  owner Beta
                  products all
                  clouds [gcp]
                }

                release-permission government {
                  owner Beta
                  products all
                  clouds any
                  segments [government]
                }

                release-permission lifted {
                  owner Beta
                  products all
                  clouds any
                  exception to on-azure
                }

                release-permission other-owner {
                  owner Alpha
                  products all
                  clouds any
                }"""));
        add("exceptions to what is not a release rule", "t.treaty.md", share("") + """

                ## 2 Release

                ```treaty
                release-permission p {
                  owner Beta
                  products all
                  clouds any
                  exception to s
                }

                release-permission q {
                  owner Beta
                  products all
                  clouds any
                  exception to nothing
                }
                ```
                """);
        add("exclusivities that never meet", "t.treaty.md", clause("""
                cloud-exclusivity early {
                  provider Alpha
                  owner Beta
                  cloud azure
                  products all
                  through 2025-06-30
                }

                cloud-exclusivity late {
                  provider Alpha
                  owner Beta
                  cloud aws
                  products all
                  from 2025-07-01
                }

                release-permission same-cloud {
                  owner Beta
                  products all
                  clouds [azure]
                  through 2025-06-30
                }"""));
        add("exclusive licences overlapping", "t.treaty.md", HEADER.replace("party Beta \"Beta Ltd\"", "party Beta \"Beta Ltd\"\nparty Gamma \"G\"\nparty Delta \"D\"") + "## 1 Terms\n\n```treaty\n" + ("""
                licence l1 {
                  licensor Alpha
                  licensee Beta
                  covers [models]
                  exclusive
                  through 2029-12-31
                }

                licence l2 {
                  licensor Alpha
                  licensee Gamma
                  covers [models, code]
                  exclusive
                }

                licence l3 {
                  licensor Alpha
                  licensee Delta
                  covers [code]
                  exclusive
                  from 2030-01-01
                }

                licence l4 {
                  licensor Alpha
                  licensee Beta
                  covers [models]
                  exclusive
                }""") + "\n```\n");
    }

    @Test
    void everyKindOfMistakeIsReportedWhereItIs() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Case c : CASES) {
            Map<Path, String> texts = new LinkedHashMap<>();
            c.files().forEach((name, text) -> texts.put(Path.of(name), text));
            AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(texts, new java.util.TreeMap<>(c.overrides()));
            out.append("== ").append(c.name()).append(loaded.hasErrors() ? " (refused)" : "").append('\n');
            for (Diagnostic d : loaded.diagnostics()) out.append(d).append('\n');
            if (!c.overrides().isEmpty() && !loaded.hasErrors()) {
                loaded.histories().get(0).assumptions().values().stream().filter(Assumption::overridden)
                        .forEach(a -> out.append("  ").append(a.name()).append(" = ").append(a.value()).append(": ").append(a.basis()).append('\n'));
            }
        }
        if (Boolean.getBoolean("treaty.updateGolden")) {
            Files.writeString(GOLDEN, out.toString());
            return;
        }
        assertThat(out.toString()).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void filesAndFoldersThatCannotBeReadAreReported(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path plain = Files.writeString(dir.resolve("deal.md"), HEADER);
        Path latin1 = Files.write(dir.resolve("latin.treaty.md"), (HEADER + "Caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        Path big = Files.writeString(dir.resolve("big.treaty.md"), HEADER + "x".repeat(4 * 1024 * 1024));
        Path exact = Files.writeString(dir.resolve("exact.treaty.md"), HEADER.replace("agreement t", "agreement u")
                + "x".repeat(4 * 1024 * 1024 - HEADER.length()));
        AgreementFolder.Loaded loaded = AgreementFolder.load(List.of(dir.resolve("missing"), empty, plain, Path.of("/dev/null"), latin1,
                big, exact), Map.of());
        assertThat(loaded.diagnostics()).extracting(d -> d.toString().replace(dir.toString(), "DIR")).containsExactlyInAnyOrder(
                "DIR/missing:1:1: error: no such file or folder",
                "DIR/empty:1:1: error: no agreement files (*.treaty.md) in this folder",
                "DIR/deal.md:1:1: warning: agreement files are named *.treaty.md",
                "/dev/null:1:1: error: not a regular file or a folder",
                "DIR/latin.treaty.md:1:1: error: file is not UTF-8 text",
                "DIR/big.treaty.md:1:1: error: file is larger than 4194304 bytes");
        assertThat(loaded.histories()).extracting(AgreementHistory::id).contains("t", "u");
    }

    @Test
    void theAgreementToAnswerForIsTheOnlyOneOrTheOneNamed() {
        AgreementFolder.Loaded two = TestAgreements.load("t.treaty.md", HEADER, "u.treaty.md", HEADER.replace("agreement t", "agreement u"));
        assertThat(two.agreement(Optional.of("u")).id()).isEqualTo("u");
        assertThatThrownBy(() -> two.agreement(Optional.of("v"))).hasMessage("no agreement 'v'; agreements: t, u");
        assertThatThrownBy(() -> two.agreement(Optional.empty())).hasMessage("several agreements; choose one with --agreement: t, u");
        AgreementFolder.Loaded none = TestAgreements.load("a.treaty.md", "# A\n\n```treaty\nassumptions for t\n```\n");
        assertThatThrownBy(() -> none.agreement(Optional.empty())).hasMessage("no agreement found (files named *.treaty.md)");
        AgreementFolder.Loaded one = TestAgreements.load("t.treaty.md", HEADER);
        assertThat(one.agreement(Optional.empty()).id()).isEqualTo("t");
    }
}
