package dev.treaty.evaluator.facts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One line of JSON read into a tree, with its compact text, by jackson-core's streaming parser.
 * This is what {@code ObjectMapper.readTree} and {@code JsonNode.toString} give, without building
 * an {@code ObjectMapper} (twice: {@code toString} has its own): that costs a command's cold start
 * about 25 ms, a tenth of a whole {@code treaty gate}. As {@code readTree} does, the first value is
 * read and anything after it ignored; duplicate keys are an error.
 *
 * @param tree the value read
 * @param text the value written back compactly: the same content gives the same text
 */
record JsonLine(JsonNode tree, String text) {

    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Reads the first value of {@code text}; a malformed value is a {@code JsonProcessingException} with the parser's message. */
    static JsonLine read(String text) throws com.fasterxml.jackson.core.JsonProcessingException {
        StringWriter written = new StringWriter(text.length());
        try (JsonParser parser = FACTORY.createParser(text); JsonGenerator writer = FACTORY.createGenerator(written)) {
            JsonToken first = parser.nextToken();
            JsonNode tree = first == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value(parser, first, writer);
            writer.flush();
            return new JsonLine(tree, written.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string", e);
        }
    }

    /** The value starting at {@code token}, copied to {@code writer} as it is read; nesting is bounded by the parser's own limit. */
    private static JsonNode value(JsonParser parser, JsonToken token, JsonGenerator writer) throws IOException {
        writer.copyCurrentEvent(parser);
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                // field by field as Jackson's own tree reader goes (nextFieldName reads ahead to the value), so
                // that a malformed line gets the same message as ObjectMapper.readTree would give
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    writer.copyCurrentEvent(parser);
                    object.set(name, value(parser, parser.nextToken(), writer));
                }
                writer.copyCurrentEvent(parser);
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next, writer));
                }
                writer.copyCurrentEvent(parser);
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }
}
