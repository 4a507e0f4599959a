package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The {@code cited_text} of Anthropic citations through a redacting gateway: streamed in {@code
 * citations_delta} events, each of which carries one citation whole, and in the text blocks of a
 * complete response.
 */
class CitationRedactionTest extends FullCaptureGatewayTest {
  private static final String REDACTED = "Mail [EMAIL] first.";

  private static String citation(String citedText) throws Exception {
    return "{\"type\":\"char_location\",\"cited_text\":"
        + RedactingGateway.JSON.writeValueAsString(citedText)
        + ",\"document_index\":0,\"document_title\":\"Notes\","
        + "\"start_char_index\":0,\"end_char_index\":29}";
  }

  private static String citationDelta(String citedText) throws Exception {
    return AnthropicEvents.event(
        "content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\","
            + "\"citation\":"
            + citation(citedText)
            + "}}");
  }

  /** Streams a text block with two citations, the second with an address. */
  private String streamCitations() throws Exception {
    gateway.upstream.stream(
        AnthropicEvents.message(
            AnthropicEvents.blockStart(0, "{\"type\":\"text\",\"text\":\"\",\"citations\":[]}")
                + citationDelta("Call first.")
                + AnthropicEvents.blockDelta(0, "text_delta", "text", "The notes say so.")
                + citationDelta("Mail carol@example.com first.")
                + AnthropicEvents.blockStop(0)),
        7,
        2);
    return gateway.postMessages(RedactingGateway.messages(true)).body();
  }

  /** Returns the cited texts of the streamed citations of {@code body}, one line each. */
  private static String citedTexts(String body) throws Exception {
    StringBuilder texts = new StringBuilder();
    for (String data : RedactingGateway.events(body)) {
      JsonNode cited = RedactingGateway.JSON.readTree(data).at("/delta/citation/cited_text");
      if (cited.isTextual()) {
        texts.append(cited.asText()).append('\n');
      }
    }
    return texts.toString();
  }

  @Test
  void streamedCitedTextIsRedacted() throws Exception {
    String body = streamCitations();

    assertThat(citedTexts(body)).isEqualTo("Call first.\n" + REDACTED + "\n");
  }

  @Test
  void citationStreamLeavesNoValue() throws Exception {
    assertThat(streamCitations()).doesNotContain("@");
  }

  @Test
  void citationStreamKeepsText() throws Exception {
    String body = streamCitations();

    assertThat(RedactingGateway.joined(body, "/delta/text")).isEqualTo("The notes say so.");
  }

  @Test
  void storedCitationStreamHasNoValue() throws Exception {
    streamCitations();

    assertThat(gateway.storedResponse().toString()).doesNotContain("carol");
  }

  @Test
  void blockStartCitationIsRedacted() throws Exception {
    gateway.upstream.stream(
        AnthropicEvents.message(
            AnthropicEvents.blockStart(
                    0,
                    "{\"type\":\"text\",\"text\":\"\",\"citations\":["
                        + citation("Mail carol@example.com first.")
                        + "]}")
                + AnthropicEvents.blockStop(0)),
        4,
        1);

    String body = gateway.postMessages(RedactingGateway.messages(true)).body();

    assertThat(RedactingGateway.joined(body, "/content_block/citations/0/cited_text"))
        .isEqualTo(REDACTED);
  }

  /** Returns the content blocks of a complete response with a cited text block. */
  private JsonNode completeBlocks() throws Exception {
    gateway.upstream.respond(
        200,
        "application/json",
        "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"text\","
            + "\"text\":\"The notes say so.\",\"citations\":["
            + citation("Mail carol@example.com first.")
            + "]}],\"stop_reason\":\"end_turn\","
            + "\"usage\":{\"input_tokens\":10,\"output_tokens\":20}}");
    String body = gateway.postMessages(RedactingGateway.messages(false)).body();
    return RedactingGateway.JSON.readTree(body).path("content");
  }

  @Test
  void bodyCitedTextIsRedacted() throws Exception {
    assertThat(completeBlocks().at("/0/citations/0/cited_text").asText()).isEqualTo(REDACTED);
  }

  @Test
  void bodyCitationKeepsTitle() throws Exception {
    assertThat(completeBlocks().at("/0/citations/0/document_title").asText()).isEqualTo("Notes");
  }

  @Test
  void storedBodyCitedTextIsRedacted() throws Exception {
    completeBlocks();

    assertThat(gateway.storedResponse().at("/content/0/citations/0/cited_text").asText())
        .isEqualTo(REDACTED);
  }
}
