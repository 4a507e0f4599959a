package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * OpenRouter's {@code reasoning_details} through a redacting gateway, streamed and not: the {@code
 * text} of {@code reasoning.text} entries and the {@code summary} of {@code reasoning.summary}
 * entries are redacted, and the {@code data} of {@code reasoning.encrypted} entries is kept.
 */
class ReasoningDetailsRedactionTest extends FullCaptureGatewayTest {
  private static final String REDACTED = "Mail [EMAIL] first, then answer.";
  private static final String ENCRYPTED = "gAAAAABo1carol@example.com==";

  private static String detail(String type, String field, String text) throws Exception {
    return "{\"type\":\""
        + type
        + "\",\""
        + field
        + "\":"
        + RedactingGateway.JSON.writeValueAsString(text)
        + ",\"index\":0}";
  }

  private static String details(String type, String field, String text) throws Exception {
    return RedactingGateway.chunk("{\"reasoning_details\":[" + detail(type, field, text) + "]}");
  }

  /** Streams entries of {@code type} with an address in {@code field} split over three chunks. */
  private String streamDetails(String type, String field) throws Exception {
    gateway.upstream.stream(
        details(type, field, "Mail ca")
            + details(type, field, "rol@exa")
            + details(type, field, "mple.com first, then answer.")
            + RedactingGateway.content("Done.")
            + RedactingGateway.finish("stop")
            + "data: [DONE]\n\n",
        6,
        2);
    return gateway.post(RedactingGateway.chat(true)).body();
  }

  /** Returns the joined {@code field} of every streamed entry of {@code body}. */
  private static String joinedDetails(String body, String field) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String data : RedactingGateway.events(body)) {
      if (data.startsWith("{")) {
        for (JsonNode entry :
            RedactingGateway.JSON.readTree(data).at("/choices/0/delta/reasoning_details")) {
          text.append(entry.path(field).asText());
        }
      }
    }
    return text.toString();
  }

  @Test
  void streamedTextIsRedacted() throws Exception {
    String body = streamDetails("reasoning.text", "text");

    assertThat(joinedDetails(body, "text")).isEqualTo(REDACTED);
  }

  @Test
  void streamedSummaryIsRedacted() throws Exception {
    String body = streamDetails("reasoning.summary", "summary");

    assertThat(joinedDetails(body, "summary")).isEqualTo(REDACTED);
  }

  @Test
  void detailStreamLeavesNoValue() throws Exception {
    assertThat(streamDetails("reasoning.text", "text")).doesNotContain("@");
  }

  @Test
  void detailStreamKeepsContent() throws Exception {
    String body = streamDetails("reasoning.text", "text");

    assertThat(RedactingGateway.joined(body, "/choices/0/delta/content")).isEqualTo("Done.");
  }

  @Test
  void storedDetailStreamHasNoValue() throws Exception {
    streamDetails("reasoning.summary", "summary");

    assertThat(gateway.storedResponse().toString()).doesNotContain("carol");
  }

  @Test
  void streamedEntriesAreHeldByIndex() throws Exception {
    String first = "{\"type\":\"reasoning.text\",\"text\":\"Mail ca\",\"index\":0}";
    String second = "{\"type\":\"reasoning.text\",\"text\":\"Call bob@exa\",\"index\":1}";
    gateway.upstream.stream(
        RedactingGateway.chunk("{\"reasoning_details\":[" + first + "," + second + "]}")
            + details("reasoning.text", "text", "rol@example.com now.")
            + RedactingGateway.finish("stop")
            + "data: [DONE]\n\n",
        4,
        2);

    String body = gateway.post(RedactingGateway.chat(true)).body();

    assertThat(joinedDetails(body, "text")).isEqualTo("Mail [EMAIL] now.Call bob@exa");
  }

  @Test
  void streamedEncryptedDataIsKept() throws Exception {
    gateway.upstream.stream(
        details("reasoning.encrypted", "data", ENCRYPTED)
            + RedactingGateway.finish("stop")
            + "data: [DONE]\n\n",
        2,
        1);

    String body = gateway.post(RedactingGateway.chat(true)).body();

    assertThat(joinedDetails(body, "data")).isEqualTo(ENCRYPTED);
  }

  /** Returns the message of a complete response whose reasoning details carry an address. */
  private JsonNode completeMessage() throws Exception {
    gateway.upstream.respond(
        200,
        "application/json",
        "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"openai/o3\",\"choices\":"
            + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Done.\","
            + "\"reasoning_details\":["
            + detail("reasoning.summary", "summary", "Mail carol@example.com first, then answer.")
            + ","
            + detail("reasoning.text", "text", "Mail carol@example.com first, then answer.")
            + ","
            + detail("reasoning.encrypted", "data", ENCRYPTED)
            + "]},\"finish_reason\":\"stop\"}]}");
    String body = gateway.post(RedactingGateway.chat(false)).body();
    return RedactingGateway.JSON.readTree(body).at("/choices/0/message/reasoning_details");
  }

  @Test
  void bodySummaryIsRedacted() throws Exception {
    assertThat(completeMessage().at("/0/summary").asText()).isEqualTo(REDACTED);
  }

  @Test
  void bodyTextIsRedacted() throws Exception {
    assertThat(completeMessage().at("/1/text").asText()).isEqualTo(REDACTED);
  }

  @Test
  void bodyEncryptedDataIsKept() throws Exception {
    assertThat(completeMessage().at("/2/data").asText()).isEqualTo(ENCRYPTED);
  }

  @Test
  void storedBodyDetailsAreRedacted() throws Exception {
    completeMessage();

    assertThat(gateway.storedResponse().at("/choices/0/message/reasoning_details/1/text").asText())
        .isEqualTo(REDACTED);
  }
}
