package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chat content given as an array of parts through a redacting gateway, streamed and not: text parts
 * ({@code {"type":"text","text":...}}) and Mistral's thinking parts, whose {@code thinking} is an
 * array of text parts. A stream may switch between content as a string and as text parts, so a
 * value split between the two forms is cut at several offsets.
 */
class ContentPartsRedactionTest extends FullCaptureGatewayTest {
  private static final String REDACTED = "Mail [EMAIL] first, then answer.";
  private static final String VALUE = "Mail carol@example.com first, then answer.";
  private static final String ADDRESS = "carol@example.com";
  private static final String TAIL = " first, then answer the rest of the questions in order.";

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

  /**
   * Streams an address cut {@code offset} characters in, its start in one form of content and its
   * end in the other: a string then text parts, or text parts then a string.
   */
  private String streamSplitForms(int offset, boolean stringFirst) throws Exception {
    String head = "Mail " + ADDRESS.substring(0, offset);
    String rest = ADDRESS.substring(offset) + TAIL;
    String first = stringFirst ? RedactingGateway.content(head) : parts(textPart(head));
    String second = stringFirst ? parts(textPart(rest)) : RedactingGateway.content(rest);
    gateway.upstream.pieces(
        List.of(
            RedactingGateway.chunk("{\"role\":\"assistant\",\"content\":\"\"}"),
            first,
            second,
            RedactingGateway.content(" Thanks."),
            RedactingGateway.finish("stop"),
            "data: [DONE]\n\n"),
        2,
        response -> response.end());
    return gateway.post(RedactingGateway.chat(true)).body();
  }

  /** Returns the streamed content of {@code body}, strings and text parts joined in order. */
  private static String joinedContent(String body) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String data : RedactingGateway.events(body)) {
      if (!data.startsWith("{")) {
        continue;
      }
      JsonNode content = RedactingGateway.JSON.readTree(data).at("/choices/0/delta/content");
      if (content.isTextual()) {
        text.append(content.asText());
      }
      for (JsonNode part : content) {
        if (part.path("type").asText().equals("text")) {
          text.append(part.path("text").asText());
        }
      }
    }
    return text.toString();
  }

  @ParameterizedTest(name = "cut at {0}")
  @ValueSource(ints = {1, 5, 6, 11, 16})
  void stringThenPartIsRedacted(int offset) throws Exception {
    String body = streamSplitForms(offset, true);

    assertThat(joinedContent(body)).isEqualTo("Mail [EMAIL]" + TAIL + " Thanks.");
  }

  @ParameterizedTest(name = "cut at {0}")
  @ValueSource(ints = {1, 5, 6, 11, 16})
  void partThenStringIsRedacted(int offset) throws Exception {
    String body = streamSplitForms(offset, false);

    assertThat(joinedContent(body)).isEqualTo("Mail [EMAIL]" + TAIL + " Thanks.");
  }

  @ParameterizedTest(name = "cut at {0}")
  @ValueSource(ints = {1, 5, 6, 11, 16})
  void splitFormsLeaveNoValue(int offset) throws Exception {
    String stringFirst = streamSplitForms(offset, true);

    assertThat(stringFirst).doesNotContain("@");
    assertThat(joinedContent(stringFirst)).doesNotContain(ADDRESS.substring(0, offset));
  }

  @ParameterizedTest(name = "cut at {0}")
  @ValueSource(ints = {1, 5, 6, 11, 16})
  void splitFormsStreamIsWellFormed(int offset) throws Exception {
    RedactingGateway.assertWellFormed(streamSplitForms(offset, false));
  }

  @Test
  void splitFormsKeepLastForm() throws Exception {
    String body = streamSplitForms(6, true);
    List<String> events = RedactingGateway.events(body);

    assertThat(
            RedactingGateway.JSON.readTree(events.get(2)).at("/choices/0/delta/content").isArray())
        .isTrue();
    assertThat(
            RedactingGateway.JSON
                .readTree(events.get(3))
                .at("/choices/0/delta/content")
                .isTextual())
        .isTrue();
  }

  @ParameterizedTest(name = "cut at {0}")
  @ValueSource(ints = {1, 6, 16})
  void storedSplitFormsHaveNoValue(int offset) throws Exception {
    streamSplitForms(offset, false);

    assertThat(gateway.storedResponse().toString()).doesNotContain("carol");
    assertThat(gateway.storedResponse().toString()).doesNotContain("@");
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
