package dev.treaty.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.app.testing.AgreementTest;
import dev.treaty.app.testing.Coverage;
import dev.treaty.app.testing.Preview;
import dev.treaty.app.testing.TestReader;
import dev.treaty.app.testing.TestRunner;
import dev.treaty.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code treaty test DIR…}: the expected answers written beside the clauses, checked. */
@Command(name = "test", mixinStandardHelpOptions = true, description = "Run the agreement tests (```treaty-test blocks in *.treaty.md files,"
        + " and *.test.treaty.md files) of agreement folders: exit 0 when every expectation holds, 1 when any fails, 2 on bad input.")
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Agreement folders whose tests to run.")
    List<Path> folders;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Only the tests whose name contains TEXT.")
    String filter;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML, for CI systems.")
    Path junit;

    @Option(names = "--json", description = "Print JSON for machines instead of text.")
    boolean json;

    @Option(names = "--coverage", description = "Also report the clauses, terms and branches no test exercised, per document.")
    boolean coverage;

    @Option(names = "--against", paramLabel = "DOC-ID", description = "Run the tests with and without this document (a draft amendment)"
            + " and list the expectations it changes.")
    String against;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<AgreementTest> read = TestReader.read(folders);
        List<AgreementTest> tests = filter == null ? read : read.stream().filter(t -> t.name().contains(filter)).toList();
        if (tests.isEmpty()) throw new BadInputException("no tests" + (filter == null ? "" : " named like '" + filter + "'") + " in "
                + String.join(", ", folders.stream().map(Path::toString).toList()) + " (write them in ```treaty-test blocks; see docs/testing.md)");
        Optional<Preview.Result> preview = Optional.ofNullable(against).map(id -> Preview.against(tests, id));
        TestRunner.Run run = preview.map(Preview.Result::with).orElseGet(() -> TestRunner.run(tests));
        List<Coverage.Report> covered = coverage ? Coverage.of(folders, run) : List.of();
        if (junit != null) writeJunit(run, junit);
        if (json) {
            Json.print(out, json(run, covered, preview));
        } else {
            text(out, run, covered, preview);
        }
        return run.passed() ? ExitCodes.OK : 1;
    }

    // ---------------------------------------------------------------- text

    private static void text(PrintWriter out, TestRunner.Run run, List<Coverage.Report> covered, Optional<Preview.Result> preview) {
        for (TestRunner.Result result : run.results()) {
            if (result.passed()) {
                out.println("ok    " + result.test().name());
                continue;
            }
            out.println("FAIL  " + result.test().name() + "  (" + result.test().at() + ")");
            result.error().ifPresent(error -> {
                out.println("      could not run: " + error);
                result.details().forEach(d -> out.println("        " + d));
            });
            for (TestRunner.Check check : result.checks()) {
                if (check.passed()) continue;
                out.println("      " + check.expectation().at() + ": expect " + check.expectation().subject());
                out.println("        expected: " + check.expectation().expected());
                out.println("        actual:   " + check.actual());
                if (!check.explanation().isBlank()) {
                    out.println("        why:");
                    check.explanation().lines().forEach(l -> out.println("          " + l));
                }
            }
        }
        long expectations = run.expectations();
        long failedChecks = run.results().stream().mapToLong(r -> r.checks().stream().filter(c -> !c.passed()).count()).sum();
        out.println();
        out.println(run.results().size() + " test" + (run.results().size() == 1 ? "" : "s") + ", " + expectations + " expectation"
                + (expectations == 1 ? "" : "s") + ": " + (run.passed() ? "all pass"
                : run.failed() + " test" + (run.failed() == 1 ? "" : "s") + " failed (" + failedChecks + " expectation"
                + (failedChecks == 1 ? "" : "s") + ")"));
        for (Coverage.Report report : covered) {
            out.println();
            out.println("Coverage of " + report.agreement() + " (" + report.folder() + "): " + report.covered() + " of " + report.units().size()
                    + " terms exercised with all their branches");
            String document = "";
            for (Coverage.Unit unit : report.units()) {
                if (!unit.document().equals(document)) {
                    document = unit.document();
                    out.println("  " + document);
                }
                StringBuilder line = new StringBuilder("    " + (unit.fullyCovered() ? "covered     " : "NOT COVERED ") + "§" + unit.clause() + " "
                        + unit.kind() + " " + unit.term());
                if (!unit.covered()) line.append("  (no test exercises it)");
                for (Coverage.Branch branch : unit.branches()) {
                    line.append("  [").append(branch.covered() ? "✓ " : "✗ ").append(branch.name()).append("]");
                }
                out.println(line);
            }
        }
        preview.ifPresent(p -> {
            out.println();
            out.println(p.changes().isEmpty() ? p.document() + " changes no expected answer"
                    : p.document() + " changes " + p.changes().size() + " expected answer" + (p.changes().size() == 1 ? "" : "s") + ":");
            for (Preview.Change change : p.changes()) {
                out.println("  " + change.expectation().at() + "  " + change.test().name() + ": expect " + change.expectation().subject());
                out.println("      without " + p.document() + ": " + change.without());
                out.println("      with    " + p.document() + ": " + change.with());
            }
        });
    }

    // ---------------------------------------------------------------- JSON

    private static ObjectNode json(TestRunner.Run run, List<Coverage.Report> covered, Optional<Preview.Result> preview) {
        ObjectNode root = Json.testRun(run);
        if (!covered.isEmpty()) {
            ArrayNode reports = root.putArray("coverage");
            for (Coverage.Report report : covered) {
                ObjectNode r = reports.addObject().put("agreement", report.agreement()).put("covered", report.covered())
                        .put("terms", report.units().size());
                ArrayNode units = r.putArray("units");
                for (Coverage.Unit unit : report.units()) {
                    ObjectNode u = units.addObject().put("document", unit.document()).put("clause", unit.clause()).put("kind", unit.kind())
                            .put("term", unit.term()).put("covered", unit.covered());
                    ArrayNode branches = u.putArray("branches");
                    unit.branches().forEach(b -> branches.addObject().put("branch", b.name()).put("covered", b.covered()));
                }
            }
        }
        preview.ifPresent(p -> {
            ObjectNode node = root.putObject("against").put("document", p.document());
            ArrayNode changes = node.putArray("changes");
            p.changes().forEach(c -> changes.addObject().put("test", c.test().name()).put("file", c.expectation().file().toString())
                    .put("line", c.expectation().line()).put("expect", c.expectation().subject()).put("without", c.without()).put("with", c.with()));
        });
        return root;
    }

    // ---------------------------------------------------------------- JUnit XML

    /** One test suite per test file, one test case per test; a failed expectation is a failure, a test that could not run an error. */
    private static void writeJunit(TestRunner.Run run, Path file) {
        OutputFile.write(file, "the JUnit XML", stream -> junit(run, stream));
    }

    private static void junit(TestRunner.Run run, OutputStream stream) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(stream, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "treaty test");
            xml.writeAttribute("tests", Integer.toString(run.results().size()));
            xml.writeAttribute("failures", Long.toString(run.results().stream().filter(r -> r.error().isEmpty() && !r.passed()).count()));
            xml.writeAttribute("errors", Long.toString(run.results().stream().filter(r -> r.error().isPresent()).count()));
            List<Path> files = run.results().stream().map(r -> r.test().file()).distinct().toList();
            int id = 0;
            for (Path source : files) {
                List<TestRunner.Result> results = run.results().stream().filter(r -> r.test().file().equals(source)).toList();
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", source.toString());
                xml.writeAttribute("tests", Integer.toString(results.size()));
                xml.writeAttribute("failures", Long.toString(results.stream().filter(r -> r.error().isEmpty() && !r.passed()).count()));
                xml.writeAttribute("errors", Long.toString(results.stream().filter(r -> r.error().isPresent()).count()));
                xml.writeAttribute("skipped", "0");
                xml.writeAttribute("id", Integer.toString(id++));
                xml.writeAttribute("package", source.getParent() == null ? "" : source.getParent().toString());
                xml.writeAttribute("hostname", "localhost");
                // always with seconds: LocalDateTime.toString drops ":00", which is not an xs:dateTime
                xml.writeAttribute("timestamp", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                        .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")));
                xml.writeAttribute("time", "0");
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("properties");
                for (TestRunner.Result result : results) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("name", result.test().name());
                    xml.writeAttribute("classname", source.getFileName().toString().replace(".md", "") + ":" + result.test().line());
                    xml.writeAttribute("time", "0");
                    if (result.error().isPresent()) {
                        xml.writeStartElement("error");
                        xml.writeAttribute("message", result.error().get());
                        xml.writeAttribute("type", "bad input");
                        xml.writeCharacters(String.join("\n", result.details()));
                        xml.writeEndElement();
                    } else if (!result.passed()) {
                        List<TestRunner.Check> failed = result.checks().stream().filter(c -> !c.passed()).toList();
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", failed.size() + " expectation" + (failed.size() == 1 ? "" : "s") + " failed");
                        xml.writeAttribute("type", "expectation");
                        StringBuilder body = new StringBuilder();
                        for (TestRunner.Check check : failed) {
                            body.append(check.expectation().at()).append(": expect ").append(check.expectation().subject()).append("\n  expected: ")
                                    .append(check.expectation().expected()).append("\n  actual:   ").append(check.actual()).append('\n')
                                    .append(check.explanation().indent(4));
                        }
                        xml.writeCharacters(body.toString());
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("system-out");
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("system-err");
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
