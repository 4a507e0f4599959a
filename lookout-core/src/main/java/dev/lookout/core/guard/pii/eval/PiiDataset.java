package dev.lookout.core.guard.pii.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.io.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads labelled PII texts from JSON lines, one object per line: {@code {"text": str, "entities":
 * [{"type": str, "start": int, "end": int}]}}. Offsets count Unicode code points, end-exclusive, as
 * Python's {@code text[start:end]} does. They are read into Java {@code String} indexes, which
 * differ after a character outside the Basic Multilingual Plane such as an emoji. Other fields are
 * ignored.
 *
 * <p>Type names are read in upper case, and the names other PII data sets and tools use for the
 * same types ({@code PHONE_NUMBER}, {@code EMAIL_ADDRESS}, {@code IBAN_CODE}, {@code SSN} and the
 * others in {@link #TYPE_ALIASES}) are read as this guard's names, so that a labelled span is
 * compared with the guard's findings of its type.
 */
public final class PiiDataset {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Labels of other data sets and tools, and the guard's type each one names. */
  static final Map<String, String> TYPE_ALIASES =
      Map.ofEntries(
          Map.entry("EMAIL_ADDRESS", "EMAIL"),
          Map.entry("PHONE_NUMBER", "PHONE"),
          Map.entry("TELEPHONENUM", "PHONE"),
          Map.entry("CREDIT_CARD_NUMBER", "CREDIT_CARD"),
          Map.entry("CREDITCARDNUMBER", "CREDIT_CARD"),
          Map.entry("SSN", "US_SSN"),
          Map.entry("SOCIALNUM", "US_SSN"),
          Map.entry("IBAN_CODE", "IBAN"),
          Map.entry("IP", "IP_ADDRESS"),
          Map.entry("IPV4", "IP_ADDRESS"),
          Map.entry("IPV6", "IP_ADDRESS"),
          Map.entry("STREET_ADDRESS", "ADDRESS"));

  private PiiDataset() {}

  /**
   * Reads every non-blank line of {@code file}.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if a line is not valid JSON, lacks {@code text} or {@code
   *     entities}, or has an entity without a type or with a span outside its text; the message
   *     names the file and line
   */
  public static List<LabelledText> read(Path file) throws IOException {
    return JsonLines.read(file, (line, number) -> parse(line, file + ":" + number));
  }

  private static LabelledText parse(String line, String where) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": invalid JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode text = node.get("text");
    if (text == null || !text.isTextual()) {
      throw new IllegalArgumentException(where + ": missing string field \"text\"");
    }
    JsonNode labelled = node.get("entities");
    if (labelled == null || !labelled.isArray()) {
      throw new IllegalArgumentException(
          where
              + ": field \"entities\" must be an array of {type, start, end} objects ([] for a"
              + " text without personal data), got "
              + labelled);
    }
    List<Finding> entities = new ArrayList<>();
    for (JsonNode entity : labelled) {
      entities.add(entity(entity, text.textValue(), where));
    }
    return new LabelledText(text.textValue(), entities);
  }

  private static Finding entity(JsonNode entity, String text, String where) {
    int textLength = text.codePointCount(0, text.length());
    JsonNode type = entity.get("type");
    JsonNode start = entity.get("start");
    JsonNode end = entity.get("end");
    if (type == null || !type.isTextual() || type.textValue().isBlank()) {
      throw new IllegalArgumentException(
          where + ": entity " + entity + " needs a string \"type\", such as \"EMAIL\"");
    }
    for (JsonNode offset : new JsonNode[] {start, end}) {
      if (offset != null && offset.isIntegralNumber() && !offset.canConvertToInt()) {
        throw new IllegalArgumentException(
            where
                + ": entity "
                + entity
                + " has offset "
                + offset
                + ", past the length of any text; offsets count code points of its text");
      }
    }
    if (start == null || !start.canConvertToInt() || !start.isIntegralNumber()) {
      throw new IllegalArgumentException(
          where + ": entity " + entity + " needs an integer \"start\" offset");
    }
    if (end == null || !end.canConvertToInt() || !end.isIntegralNumber()) {
      throw new IllegalArgumentException(
          where + ": entity " + entity + " needs an integer \"end\" offset");
    }
    if (start.intValue() < 0 || end.intValue() <= start.intValue() || end.intValue() > textLength) {
      throw new IllegalArgumentException(
          where
              + ": invalid span ["
              + start.intValue()
              + ", "
              + end.intValue()
              + ") of "
              + type.textValue()
              + "; offsets must satisfy 0 <= start < end <= "
              + textLength
              + ", the text's length in Unicode code points (end is exclusive)");
    }
    int from = text.offsetByCodePoints(0, start.intValue());
    int to = text.offsetByCodePoints(from, end.intValue() - start.intValue());
    return new Finding(typeName(type.textValue()), from, to, 1.0);
  }

  /** Returns the guard's name for a labelled type: upper case, aliases resolved. */
  static String typeName(String label) {
    String upper = label.toUpperCase(Locale.ROOT);
    return TYPE_ALIASES.getOrDefault(upper, upper);
  }
}
