package dev.treaty.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The service's OpenAPI document as a contract: every response a test sees must be declared for
 * its path, method and status, with its content type, and its body must match the declared schema
 * (JSON Schema 2020-12). Records which operations were seen answering with success.
 */
final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Set<String> succeeded = new TreeSet<>();
    private int checked;

    OpenApiContract() throws IOException {
        String text;
        try (InputStream in = Service.class.getResourceAsStream("/openapi.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, null);
        assertThat(parsed.getMessages()).as("swagger-parser's complaints about openapi.json").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        document = JSON.readTree(text);
    }

    /** Every operation the document declares, "METHOD template". */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }

    Set<String> succeeded() {
        return succeeded;
    }

    int checked() {
        return checked;
    }

    /** Holds one response against the document; fails with what does not match. */
    void check(String method, String path, Served.Reply reply) throws IOException {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String template = template(bare);
        String what = method + " " + path + " → " + reply.status();
        JsonNode operation = document.get("paths").get(template).get(method.toLowerCase());
        if (operation == null) fail(what + ": the document has no " + method + " for " + template);
        JsonNode response = operation.get("responses").get(Integer.toString(reply.status()));
        if (response == null) response = operation.get("responses").get("default");
        if (response == null) fail(what + ": status " + reply.status() + " is not declared for " + method + " " + template + "; body " + reply.body());
        response = resolve(response);
        JsonNode content = response.get("content");
        String type = reply.contentType().split(";")[0].trim();
        JsonNode media = content == null ? null : content.get(type);
        if (media == null) fail(what + ": content type " + type + " is not declared (declared: " + (content == null ? "none" : content.fieldNames().next()) + ")");
        if (type.contains("json")) {
            ObjectNode schema = JSON.createObjectNode();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.set("components", document.get("components"));
            schema.putArray("allOf").add(media.get("schema"));
            JsonSchema validator = factory.getSchema(schema, SchemaValidatorsConfig.builder().build());
            Set<ValidationMessage> errors = validator.validate(JSON.readTree(reply.body()));
            if (!errors.isEmpty()) {
                List<String> messages = new ArrayList<>();
                errors.forEach(e -> messages.add(e.getMessage()));
                fail(what + ": the body does not match its schema: " + messages + "\n" + abbreviated(reply.body()));
            }
        }
        checked++;
        if (reply.status() < 300) succeeded.add(method + " " + template);
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            JsonNode target = document;
            for (String part : node.get("$ref").asText().substring(2).split("/")) target = target.get(part);
            node = target;
        }
        return node;
    }

    /** The document's path template a concrete path falls under (literal segments win over parameters). */
    private String template(String path) {
        String[] segments = path.split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = document.get("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length) continue;
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                if (parts[i].startsWith("{")) continue;
                if (parts[i].equals(segments[i])) literals++;
                else matches = false;
            }
            if (matches && literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        if (best == null) fail(path + ": no path of the document matches it");
        return best;
    }

    private static String abbreviated(String body) {
        return body.length() > 2_000 ? body.substring(0, 2_000) + "…" : body;
    }
}
