package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Chat content given as an array of parts through a redacting gateway, streamed and not: text parts
 * ({@code {"type":"text","text":...}}) and Mistral's thinking parts, whose {@code thinking} is an
 * array of text parts.
 */
class ContentPartsRedactionTest extends FullCaptureGatewayTest {
  private static final String REDACTED = "Mail [EMAIL] first, then answer.";
  private static final String VALUE = "Mail carol@example.com first, then answer.";

  private static String textPart(String text) throws Exception {
    return "{\"type\":\"text\",\"text\":" + RedactingGateway.JSON.writeValueAsString(text) + "}";
  }

  private static String thinkingPart(String text) throws Exception {
    return "{\"type\":\"thinking\",\"thinking\":[" + textPart(text) + "]}";
  }

  private static String parts(String part) {
    return RedactingGateway.chunk("{\"content\":[" + part + "]}");
  }

  /** Streams an address split over three thinking parts, then one over three text parts. */
  private String streamParts() throws Exception {
    gateway.upstream.stream(
        parts(thinkingPart("Mail ca"))
            + parts(thinkingPart("rol@exa"))
            + parts(thinkingPart("mple.com first, then answer."))
            + parts(textPart("Mail ca"))
            + parts(textPart("rol@exa"))
            + parts(textPart("mple.com first, then answer."))
            + RedactingGateway.finish("stop")
            + "data: [DONE]\n\n",
        8,
        2);
    return gateway.post(RedactingGateway.chat(true)).body();
  }

  /** Returns the joined texts of the streamed content parts of {@code type}. */
  private static String joinedParts(String body, String type) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String data : RedactingGateway.events(body)) {
      if (!data.startsWith("{")) {
        continue;
      }
      for (JsonNode part : RedactingGateway.JSON.readTree(data).at("/choices/0/delta/content")) {
        if (!part.path("type").asText().equals(type)) {
          continue;
        }
        text.append(part.path("text").asText());
        for (JsonNode inner : part.path("thinking")) {
          text.append(inner.path("text").asText());
        }
      }
    }
    return text.toString();
  }

  @Test
  void streamedTextPartsAreRedacted() throws Exception {
    String body = streamParts();

    assertThat(joinedParts(body, "text")).isEqualTo(REDACTED);
  }

  @Test
  void streamedThinkingPartsAreRedacted() throws Exception {
    String body = streamParts();

    assertThat(joinedParts(body, "thinking")).isEqualTo(REDACTED);
  }

  @Test
  void partsStreamLeavesNoValue() throws Exception {
    assertThat(streamParts()).doesNotContain("@");
  }

  @Test
  void storedPartsStreamHasNoValue() throws Exception {
    streamParts();

    assertThat(gateway.storedResponse().toString()).doesNotContain("carol");
  }

  /** Streams thinking parts, then string content, both still held at the finish chunk. */
  private String streamMixed() throws Exception {
    gateway.upstream.stream(
        parts(thinkingPart("Mail carol@example.com first."))
            + RedactingGateway.content("Done.")
            + RedactingGateway.finish("stop")
            + "data: [DONE]\n\n",
        4,
        2);
    return gateway.post(RedactingGateway.chat(true)).body();
  }

  @Test
  void mixedStreamKeepsThinking() throws Exception {
    String body = streamMixed();

    assertThat(joinedParts(body, "thinking")).isEqualTo("Mail [EMAIL] first.");
  }

  @Test
  void mixedStreamKeepsContent() throws Exception {
    String body = streamMixed();

    assertThat(joinedParts(body, "text")).isEqualTo("Done.");
  }

  /** Returns the content parts of a complete response with a thinking part and a text part. */
  private JsonNode completeParts() throws Exception {
    gateway.upstream.respond(
        200,
        "application/json",
        "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"magistral-medium-latest\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":["
            + thinkingPart(VALUE)
            + ","
            + textPart(VALUE)
            + "]},\"finish_reason\":\"stop\"}]}");
    String body = gateway.post(RedactingGateway.chat(false)).body();
    return RedactingGateway.JSON.readTree(body).at("/choices/0/message/content");
  }

  @Test
  void bodyThinkingPartIsRedacted() throws Exception {
    assertThat(completeParts().at("/0/thinking/0/text").asText()).isEqualTo(REDACTED);
  }

  @Test
  void bodyTextPartIsRedacted() throws Exception {
    assertThat(completeParts().at("/1/text").asText()).isEqualTo(REDACTED);
  }

  @Test
  void bodyPartKeepsType() throws Exception {
    assertThat(completeParts().at("/1/type").asText()).isEqualTo("text");
  }

  @Test
  void storedBodyPartsAreRedacted() throws Exception {
    completeParts();

    assertThat(gateway.storedResponse().at("/choices/0/message/content/1/text").asText())
        .isEqualTo(REDACTED);
  }
}
