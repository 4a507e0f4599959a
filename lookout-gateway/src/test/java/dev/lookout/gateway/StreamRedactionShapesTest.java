package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.gateway.guard.StreamRedactor;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stream redaction of Anthropic Messages streams and OpenAI text completion streams. */
class StreamRedactionShapesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String redact(List<String> events) {
    StreamRedactor redactor =
        new StreamRedactor(
            new GuardPipeline(List.of(), List.of(new GuardGatewayTest.EmailGuard())));
    StringBuilder out = new StringBuilder();
    for (String event : events) {
      out.append(redactor.apply(Buffer.buffer(event)).toString());
    }
    return out.append(redactor.finish().toString()).toString();
  }

  private static String anthropicDelta(String text) {
    return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
        + text
        + "\"}}\n\n";
  }

  private static List<String> anthropicStream() {
    return List.of(
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\"}}\n\n",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
        anthropicDelta("write to jo"),
        anthropicDelta("hn@exam"),
        anthropicDelta("ple.com today"),
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
  }

  /** Returns the text of every event's {@code pointer} field, in order. */
  private static String texts(String stream, String pointer) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String line : stream.split("\n")) {
      if (line.startsWith("data: {")) {
        JsonNode value = JSON.readTree(line.substring(6)).at(pointer);
        text.append(value.isTextual() ? value.asText() : "");
      }
    }
    return text.toString();
  }

  @Test
  void anthropicSplitValueIsRedacted() throws Exception {
    String out = redact(anthropicStream());

    assertThat(texts(out, "/delta/text")).isEqualTo("write to [EMAIL] today");
  }

  @Test
  void anthropicStreamHasNoValueLeft() {
    assertThat(redact(anthropicStream())).doesNotContain("example.com");
  }

  @Test
  void anthropicHeldTextPrecedesBlockStop() {
    String out = redact(anthropicStream());

    assertThat(out.lastIndexOf("content_block_delta"))
        .isLessThan(out.indexOf("event: content_block_stop"));
  }

  @Test
  void anthropicMessageStopReleasesOpenBlock() throws Exception {
    List<String> withoutBlockStop = new java.util.ArrayList<>(anthropicStream());
    withoutBlockStop.remove(5);

    String out = redact(withoutBlockStop);

    assertThat(texts(out, "/delta/text")).isEqualTo("write to [EMAIL] today");
  }

  @Test
  void anthropicCutStreamDropsHeldText() throws Exception {
    String out = redact(anthropicStream().subList(0, 4));

    assertThat(texts(out, "/delta/text")).doesNotContain("jo");
  }

  @Test
  void completionSplitValueIsRedacted() throws Exception {
    List<String> chunks =
        List.of(
            "data: {\"choices\":[{\"index\":0,\"text\":\"mail jo\"}]}\n\n",
            "data: {\"choices\":[{\"index\":0,\"text\":\"hn@examp\"}]}\n\n",
            "data: {\"choices\":[{\"index\":0,\"text\":\"le.com now\"}]}\n\n",
            "data: {\"choices\":[{\"index\":0,\"text\":\"\",\"finish_reason\":\"stop\"}]}\n\n",
            "data: [DONE]\n\n");

    String out = redact(chunks);

    assertThat(texts(out, "/choices/0/text")).isEqualTo("mail [EMAIL] now");
  }
}
