package dev.lookout.gateway.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads traffic records from JSONL: one JSON object per line with the string fields {@code prompt}
 * and {@code response}, and optionally {@code model}, {@code category}, {@code source}, {@code id}
 * and {@code history} (an array of {@code {"role", "content"}} messages). Blank lines are skipped
 * and unknown fields are ignored.
 */
public final class TrafficFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FORMAT_HINT =
      "Each line must be a JSON object with string fields \"prompt\" and \"response\".";

  private TrafficFile() {}

  /**
   * Reads every record of a UTF-8 JSONL file.
   *
   * @throws java.nio.file.NoSuchFileException when {@code file} does not exist
   * @throws TrafficFormatException when a line is not a valid record; the message names the file
   *     and the line number
   */
  public static List<TrafficRecord> read(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    }
  }

  /**
   * Reads every record from {@code reader}; {@code name} identifies the input in error messages.
   */
  public static List<TrafficRecord> read(BufferedReader reader, String name) throws IOException {
    List<TrafficRecord> records = new ArrayList<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (!line.isBlank()) {
        records.add(parseLine(line, name, lineNumber));
      }
    }
    return records;
  }

  private static TrafficRecord parseLine(String line, String name, int lineNumber)
      throws TrafficFormatException {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new TrafficFormatException(
          name, lineNumber, "invalid JSON (" + e.getOriginalMessage() + "). " + FORMAT_HINT);
    }
    if (node == null || !node.isObject()) {
      throw new TrafficFormatException(name, lineNumber, "not a JSON object. " + FORMAT_HINT);
    }
    return new TrafficRecord(
        requiredText(node, "prompt", name, lineNumber),
        requiredText(node, "response", name, lineNumber),
        optionalText(node, "model", name, lineNumber),
        optionalText(node, "category", name, lineNumber),
        optionalText(node, "source", name, lineNumber),
        optionalText(node, "id", name, lineNumber),
        history(node.get("history"), name, lineNumber));
  }

  private static String requiredText(JsonNode node, String field, String name, int lineNumber)
      throws TrafficFormatException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new TrafficFormatException(
          name, lineNumber, "missing string field \"" + field + "\". " + FORMAT_HINT);
    }
    return value.asText();
  }

  private static String optionalText(JsonNode node, String field, String name, int lineNumber)
      throws TrafficFormatException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isNumber()) {
      return value.asText();
    }
    throw new TrafficFormatException(
        name,
        lineNumber,
        "field \"" + field + "\" must be a string or null, not " + value.getNodeType() + ".");
  }

  private static List<TrafficRecord.Message> history(JsonNode value, String name, int lineNumber)
      throws TrafficFormatException {
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new TrafficFormatException(
          name, lineNumber, "field \"history\" must be an array of {\"role\", \"content\"}.");
    }
    List<TrafficRecord.Message> messages = new ArrayList<>();
    for (JsonNode message : value) {
      JsonNode role = message.get("role");
      JsonNode content = message.get("content");
      if (role == null || !role.isTextual() || content == null || !content.isTextual()) {
        throw new TrafficFormatException(
            name,
            lineNumber,
            "each \"history\" entry must have string fields \"role\" and \"content\".");
      }
      messages.add(new TrafficRecord.Message(role.asText(), content.asText()));
    }
    return messages;
  }
}
