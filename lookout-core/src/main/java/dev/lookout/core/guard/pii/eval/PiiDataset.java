package dev.lookout.core.guard.pii.eval;

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
 * [{"type": str, "start": int, "end": int}]}}. Offsets are Java {@code String} indexes,
 * end-exclusive; other fields are ignored.
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
   * @throws IOException if the file cannot be read, or a line is not valid JSON or has a span
   *     outside its text (the message names the line)
   */
  public static List<LabelledText> read(Path file) throws IOException {
    return JsonLines.read(file, (line, number) -> parse(line, file, number));
  }

  private static LabelledText parse(String line, Path file, int number) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new IOException(
          "Invalid JSON at " + file + " line " + number + ": " + e.getMessage(), e);
    }
    String text = node.path("text").asText();
    List<Finding> entities = new ArrayList<>();
    for (JsonNode entity : node.path("entities")) {
      int start = entity.path("start").asInt(-1);
      int end = entity.path("end").asInt(-1);
      if (start < 0 || end < start || end > text.length()) {
        throw new IOException(
            "Invalid span [" + start + ", " + end + ") at " + file + " line " + number);
      }
      entities.add(new Finding(typeName(entity.path("type").asText()), start, end, 1.0));
    }
    return new LabelledText(text, entities);
  }

  /** Returns the guard's name for a labelled type: upper case, aliases resolved. */
  static String typeName(String label) {
    String upper = label.toUpperCase(Locale.ROOT);
    return TYPE_ALIASES.getOrDefault(upper, upper);
  }
}
