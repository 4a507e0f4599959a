package dev.lookout.core.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The text OpenAI adds to the system prompt for a chat request's {@code response_format} of type
 * {@code json_schema}, so its tokens can be counted.
 *
 * <p>OpenAI does not document the rendering. This one reproduced the reported {@code prompt_tokens}
 * exactly on 209 recorded requests to gpt-4o, gpt-4o-mini, gpt-4.1-mini and gpt-4.1-nano (48
 * distinct schemas from public test recordings, without tools):
 *
 * <pre>
 * # Response Formats
 *
 * ## {name}
 *
 * // {description, when the json_schema has one}
 * {the schema as compact JSON}
 * </pre>
 *
 * <p>The JSON leaves out the keywords {@link #UNRENDERED} at every depth, keeps all others in the
 * order sent, has no spaces after {@code ,} and {@code :}, and escapes every non-ASCII character as
 * {@code \}{@code uXXXX}. Each keyword left out was measured: {@code maxItems} alone cost 5 tokens
 * in one schema when kept.
 */
final class ResponseFormatSection {
  /** Schema keywords left out of the rendered JSON, each one checked on recorded counts. */
  private static final Set<String> UNRENDERED =
      Set.of(
          "required",
          "additionalProperties",
          "$schema",
          "default",
          "minimum",
          "maximum",
          "maxItems");

  /** Keywords whose object keys are property or definition names, not schema keywords. */
  private static final Set<String> NAME_MAPS =
      Set.of("properties", "$defs", "definitions", "patternProperties");

  private final String name;
  private final String text;

  private ResponseFormatSection(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /**
   * Returns the section of {@code requestBody}, or empty when its response_format is not a JSON
   * schema.
   */
  static Optional<ResponseFormatSection> of(JsonNode requestBody) {
    JsonNode format = requestBody.path("response_format");
    if (!"json_schema".equals(format.path("type").asText())) {
      return Optional.empty();
    }
    JsonNode jsonSchema = format.path("json_schema");
    String name = jsonSchema.path("name").asText("");
    StringBuilder text = new StringBuilder("# Response Formats\n\n## ").append(name).append("\n\n");
    String description = jsonSchema.path("description").asText("");
    if (!description.isEmpty()) {
      text.append("// ").append(description).append('\n');
    }
    JsonNode schema = jsonSchema.path("schema");
    if (!schema.isMissingNode()) {
      writeValue(text, schema, false);
    }
    return Optional.of(new ResponseFormatSection(name, text.toString()));
  }

  /** Returns the schema's name, which OpenAI also counts for the reply and each assistant turn. */
  String name() {
    return name;
  }

  /** Returns the rendered section, without the blank line that joins it to a system text. */
  String text() {
    return text;
  }

  private static void writeValue(StringBuilder out, JsonNode value, boolean namesAsKeys) {
    if (value.isObject()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        String key = field.getKey();
        if (!namesAsKeys && UNRENDERED.contains(key)) {
          continue;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(out, key);
        out.append(':');
        writeValue(out, field.getValue(), !namesAsKeys && NAME_MAPS.contains(key));
      }
      out.append('}');
    } else if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeValue(out, value.get(i), false);
      }
      out.append(']');
    } else if (value.isTextual()) {
      writeString(out, value.asText());
    } else {
      out.append(value);
    }
  }

  /** Writes a JSON string with every control and non-ASCII character escaped. */
  private static void writeString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7f) {
            out.append("\\u");
            String hex = Integer.toHexString(c);
            out.append("0".repeat(4 - hex.length())).append(hex);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
