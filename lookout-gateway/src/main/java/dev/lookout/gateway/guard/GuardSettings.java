package dev.lookout.gateway.guard;

import java.util.function.UnaryOperator;

/**
 * The guards of one gateway.
 *
 * @param storageRedactor applied to every free text stored or logged for a call (error messages,
 *     metadata values) while PII redaction is on; the identity otherwise
 */
public record GuardSettings(
    InputGuarding input, OutputGuarding output, UnaryOperator<String> storageRedactor) {

  /** Returns settings without guards. */
  public static GuardSettings none() {
    return new GuardSettings(InputGuarding.none(), OutputGuarding.none(), UnaryOperator.identity());
  }
}
