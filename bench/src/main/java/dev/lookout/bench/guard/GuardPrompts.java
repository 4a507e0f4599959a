package dev.lookout.bench.guard;

/**
 * The 2 KB prompts the guard benchmarks check: plain prose, prose with personal data, and the same
 * with a British phone number written without its country code. The phone detector tries the US
 * plan on that number first, and reads it only in the British one.
 */
final class GuardPrompts {
  /** Prompt length in chars, the size the input-guard latency budget is stated for. */
  static final int LENGTH = 2048;

  static final String PROSE =
      "Please summarise the attached meeting notes, list the open action items with their"
          + " owners, and draft a short follow-up e-mail to the team. ";

  static final String PERSONAL_DATA =
      "Hello, my name is Julie Eriksson and I live at 4022 Oakridge Lane, Springfield. "
          + "Call me on (505)498-8487x6837 or write to julie.eriksson@example.com. "
          + "My card 4111 1111 1111 1111 was charged twice on 2024-03-01 by order 88123. "
          + "Please check why the export job failed with error code 17 after 30 seconds. ";

  static final String PERSONAL_DATA_BRITISH =
      PERSONAL_DATA.replace("(505)498-8487x6837", "020 7946 0958");

  private GuardPrompts() {}

  /** Returns {@code sentence} repeated and cut to {@link #LENGTH} chars. */
  static String of(String sentence) {
    return sentence.repeat(LENGTH / sentence.length() + 1).substring(0, LENGTH);
  }

  /** Returns the prompt named {@code name}: {@code prose}, {@code pii} or {@code pii-gb}. */
  static String named(String name) {
    return switch (name) {
      case "prose" -> of(PROSE);
      case "pii" -> of(PERSONAL_DATA);
      case "pii-gb" -> of(PERSONAL_DATA_BRITISH);
      default ->
          throw new IllegalArgumentException(
              "Unknown benchmark prompt '" + name + "', expected prose, pii or pii-gb");
    };
  }
}
