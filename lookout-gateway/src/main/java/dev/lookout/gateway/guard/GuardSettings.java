package dev.lookout.gateway.guard;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The guards of one gateway.
 *
 * @param storageRedactor applied to every free text stored or logged for a call (error messages,
 *     metadata values) while PII redaction is on; the identity otherwise
 * @param templates guards of the prompt templates configured on their own, by template name; the
 *     input and output guards above apply to every other call. The storage redactor is this
 *     gateway's for every template.
 */
public record GuardSettings(
    InputGuarding input,
    OutputGuarding output,
    UnaryOperator<String> storageRedactor,
    Map<String, GuardSettings> templates) {

  public GuardSettings {
    templates = Map.copyOf(templates);
  }

  /** Creates settings that apply to every prompt template. */
  public GuardSettings(
      InputGuarding input, OutputGuarding output, UnaryOperator<String> storageRedactor) {
    this(input, output, storageRedactor, Map.of());
  }

  /** Returns settings without guards. */
  public static GuardSettings none() {
    return new GuardSettings(InputGuarding.none(), OutputGuarding.none(), UnaryOperator.identity());
  }

  /** Returns the settings for calls of {@code template}: its own, or these when it has none. */
  public GuardSettings forTemplate(String template) {
    if (template == null) {
      return this;
    }
    return templates.getOrDefault(template, this);
  }
}
