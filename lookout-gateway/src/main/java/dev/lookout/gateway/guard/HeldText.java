package dev.lookout.gateway.guard;

/**
 * The text of one part of a redacted stream that is not yet released: a choice's content, refusal
 * or reasoning, a tool call's arguments, or the text, thinking or tool input of an Anthropic
 * content block. Not thread-safe.
 */
final class HeldText {
  /**
   * Maximum number of released characters the guards read before the held text: more than the
   * widest window before a value in which a detector looks for a label (80 characters).
   */
  static final int CONTEXT_CHARS = 128;

  private final StringBuilder text = new StringBuilder();

  /**
   * The end of the released text, from the start of a run (after a space, or in JSON text a quote),
   * for the guards to read a label such as "SSN:" that went out before its value.
   */
  private String context = "";

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

  /** Returns the end of the text released so far, which starts where a run starts. */
  String context() {
    return context;
  }

  /** Removes the first {@code count} characters, once they are released. */
  void dropStart(int count) {
    String released = context + text.substring(0, count);
    text.delete(0, count);
    if (released.length() <= CONTEXT_CHARS) {
      context = released;
      return;
    }
    // Cut at the start of a run, so the context never starts inside a word or an escape sequence.
    int from = released.length() - CONTEXT_CHARS;
    while (from < released.length() && !TextRelease.endsRun(released, from - 1, json != null)) {
      from++;
    }
    context = released.substring(from);
  }

  void clear() {
    text.setLength(0);
    context = "";
  }

  /** Returns the redaction that keeps this text valid JSON, or null for prose. */
  JsonTextRedaction json() {
    return json;
  }
}
