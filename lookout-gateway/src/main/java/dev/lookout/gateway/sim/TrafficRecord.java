package dev.lookout.gateway.sim;

import java.util.List;
import java.util.Objects;

/**
 * One recorded prompt and the response a model gave to it, as one line of a traffic JSONL file.
 *
 * @param prompt the user's message text
 * @param response the model's response text
 * @param model the model that wrote {@code response}, or null when unknown
 * @param category the source's own grouping of the prompt (used as the prompt template name when
 *     replaying), or null
 * @param source where the record comes from ({@code owner/repo/path}), or null
 * @param id the record's id in its source, or null
 * @param history earlier chat messages sent before {@code prompt}, oldest first; empty for a
 *     single-turn record
 */
public record TrafficRecord(
    String prompt,
    String response,
    String model,
    String category,
    String source,
    String id,
    List<Message> history) {

  /** One earlier chat message of a multi-turn record. */
  public record Message(String role, String content) {
    public Message {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(content, "content");
    }
  }

  public TrafficRecord {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(response, "response");
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** Creates a single-turn record with no category, source or id. */
  public static TrafficRecord of(String prompt, String response, String model) {
    return new TrafficRecord(prompt, response, model, null, null, null, List.of());
  }
}
