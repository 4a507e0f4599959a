package dev.lookout.gateway;

/** Builds the events of Anthropic Messages streams for gateway tests. */
final class AnthropicEvents {
  private AnthropicEvents() {}

  /** Returns one Anthropic stream event of {@code type} with {@code json} as its data. */
  static String event(String type, String json) {
    return "event: " + type + "\ndata: " + json + "\n\n";
  }

  /** Returns a {@code content_block_delta} event of block {@code index} with {@code text}. */
  static String blockDelta(int index, String deltaType, String field, String text)
      throws Exception {
    return event(
        "content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":"
            + index
            + ",\"delta\":{\"type\":\""
            + deltaType
            + "\",\""
            + field
            + "\":"
            + RedactingGateway.JSON.writeValueAsString(text)
            + "}}");
  }

  /**
   * Returns a whole message stream around {@code blocks}, the events of its content blocks: {@code
   * message_start} before them, {@code message_delta} and {@code message_stop} after.
   */
  static String message(String blocks) {
    return event(
            "message_start",
            "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],"
                + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}")
        + blocks
        + event(
            "message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                + "\"usage\":{\"output_tokens\":20}}")
        + event("message_stop", "{\"type\":\"message_stop\"}");
  }

  /** Returns the {@code content_block_start} event of block {@code index}. */
  static String blockStart(int index, String contentBlock) {
    return event(
        "content_block_start",
        "{\"type\":\"content_block_start\",\"index\":"
            + index
            + ",\"content_block\":"
            + contentBlock
            + "}");
  }

  /** Returns the {@code content_block_stop} event of block {@code index}. */
  static String blockStop(int index) {
    return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
  }
}
