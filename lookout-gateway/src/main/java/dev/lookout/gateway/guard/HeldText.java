package dev.lookout.gateway.guard;

/**
 * The text of one part of a redacted stream that is not yet released: a choice's content, refusal
 * or reasoning, a tool call's arguments, or the text, thinking or tool input of an Anthropic
 * content block. Not thread-safe.
 */
final class HeldText {
  private final StringBuilder text = new StringBuilder();

  /** Redaction that keeps JSON text valid, or null for prose. */
  private final JsonTextRedaction json;

  private HeldText(JsonTextRedaction json) {
    this.json = json;
  }

  /** Returns an empty holder for prose, such as a message's content. */
  static HeldText forProse() {
    return new HeldText(null);
  }

  /** Returns an empty holder for JSON text, such as a tool call's arguments. */
  static HeldText forJson() {
    return new HeldText(new JsonTextRedaction());
  }

  void append(String piece) {
    text.append(piece);
  }

  boolean isEmpty() {
    return text.length() == 0;
  }

  String text() {
    return text.toString();
  }

  /** Removes the first {@code count} characters, once they are released. */
  void dropStart(int count) {
    text.delete(0, count);
  }

  void clear() {
    text.setLength(0);
  }

  /** Returns the redaction that keeps this text valid JSON, or null for prose. */
  JsonTextRedaction json() {
    return json;
  }
}
