package dev.treaty.evaluator.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link JsonLine} reads what Jackson's {@code ObjectMapper} reads, and refuses what it refuses, with the same words. */
class JsonLineProperties {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Property(tries = 500)
    void readsWhatTheMapperReads(@ForAll("lines") String line) throws Exception {
        JsonNode expected = MAPPER.readTree(line);
        JsonLine read = JsonLine.read(line);
        assertThat(read.tree()).isEqualTo(expected);
        assertThat(read.text()).isEqualTo(expected.toString());
    }

    @Property(tries = 500)
    void refusesWhatTheMapperRefuses(@ForAll("broken") String line) {
        JsonProcessingException expected = catchThrowableOfType(JsonProcessingException.class, () -> MAPPER.readTree(line));
        if (expected == null) {
            assertThat(catchThrowableOfType(JsonProcessingException.class, () -> JsonLine.read(line))).isNull();
        } else {
            assertThatThrownBy(() -> JsonLine.read(line)).isInstanceOf(JsonProcessingException.class)
                    .extracting(e -> ((JsonProcessingException) e).getOriginalMessage()).isEqualTo(expected.getOriginalMessage());
        }
    }

    @Example
    void aRepeatedKeyIsAnErrorNotTheLastOneWins() {
        assertThatThrownBy(() -> JsonLine.read("{\"id\":\"a\",\"id\":\"b\"}")).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 'id'");
    }

    @Example
    void theSameContentWrittenAnotherWayGivesTheSameText() throws Exception {
        assertThat(JsonLine.read("{ \"id\" : \"a\",\n \"n\": [1, 2.50, true, null] }").text())
                .isEqualTo(JsonLine.read("{\"id\":\"a\",\"n\":[1,2.5,true,null]}").text());
        assertThat(JsonLine.read("{\"a\":\"x\"} trailing").text()).isEqualTo("{\"a\":\"x\"}");
    }

    @Provide
    Arbitrary<String> lines() {
        return value(3).map(JsonNode::toString).flatMap(compact -> Arbitraries.of(compact, spaced(compact)));
    }

    @Provide
    Arbitrary<String> broken() {
        return lines().flatMap(line -> Arbitraries.integers().between(0, line.length()).flatMap(at ->
                Arbitraries.of("", "}", "]", ",", ":", "\"", "x", "\\", "{", "1e", "-", "\u0001")
                        .map(insert -> line.substring(0, at) + insert + line.substring(Math.min(line.length(), at + 1)))));
    }

    /** The same JSON with spaces and line breaks between its tokens (outside strings). */
    private static String spaced(String compact) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            out.append(c);
            if (c == '"' && (i == 0 || compact.charAt(i - 1) != '\\')) inString = !inString;
            if (!inString && (c == ',' || c == ':' || c == '{' || c == '[')) out.append(i % 2 == 0 ? " " : "\n ");
        }
        return out.toString();
    }

    private static Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (JsonNode) MAPPER.getNodeFactory().textNode(s)),
                Arbitraries.integers().map(i -> (JsonNode) MAPPER.getNodeFactory().numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) MAPPER.getNodeFactory().numberNode(l)),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(19), java.math.BigInteger.TEN.pow(30))
                        .map(b -> (JsonNode) MAPPER.getNodeFactory().numberNode(b)),
                Arbitraries.doubles().between(-1e9, 1e9).map(d -> (JsonNode) MAPPER.getNodeFactory().numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) MAPPER.getNodeFactory().booleanNode(b)),
                Arbitraries.just(MAPPER.getNodeFactory().nullNode()));
        if (depth == 0) return leaf;
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), value(depth - 1)).ofMaxSize(4)
                .map(fields -> {
                    var node = MAPPER.createObjectNode();
                    fields.forEach(node::set);
                    return node;
                });
        Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(4).map(items -> {
            var node = MAPPER.createArrayNode();
            items.forEach(node::add);
            return node;
        });
        return depth == 3 ? object.map(n -> n) : Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, object), net.jqwik.api.Tuple.of(1, array));
    }
}
