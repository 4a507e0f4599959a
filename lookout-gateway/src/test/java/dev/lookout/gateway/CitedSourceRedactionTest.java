package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The titles and addresses of Anthropic's cited sources through a redacting gateway, streamed and
 * not: a citation's {@code document_title}, the {@code title} and {@code url} of a {@code
 * web_search_result_location} citation and of each result of a {@code web_search_tool_result}
 * block. The encrypted fields pass unchanged. In a stream the network may split a value, so each
 * streamed case is cut inside every copy of the value at several offsets.
 */
class CitedSourceRedactionTest extends FullCaptureGatewayTest {
  private static final String VALUE = "carol@example.com";
  private static final String TITLE = "Mail carol@example.com first";
  private static final String TITLE_REDACTED = "Mail [EMAIL] first";
  private static final String URL = "https://news.example.org/to/carol@example.com";
  private static final String URL_REDACTED = "https://news.example.org/to/[EMAIL]";
  private static final String ENCRYPTED_CONTENT = "EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5";
  private static final String ENCRYPTED_INDEX = "Eo8BCioIAhgBIiQyYjQ0OWJmZi1lNm";

  private static String quoted(String text) throws Exception {
    return RedactingGateway.JSON.writeValueAsString(text);
  }

  private static String documentCitation() throws Exception {
    return "{\"type\":\"char_location\",\"cited_text\":\"Call first.\",\"document_index\":0,"
        + "\"document_title\":"
        + quoted(TITLE)
        + ",\"start_char_index\":0,\"end_char_index\":11}";
  }

  private static String searchCitation() throws Exception {
    return "{\"type\":\"web_search_result_location\",\"url\":"
        + quoted(URL)
        + ",\"title\":"
        + quoted(TITLE)
        + ",\"encrypted_index\":\""
        + ENCRYPTED_INDEX
        + "\",\"cited_text\":\"Call first.\"}";
  }

  private static String searchResults() throws Exception {
    return "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_1\",\"content\":["
        + "{\"type\":\"web_search_result\",\"url\":"
        + quoted(URL)
        + ",\"title\":"
        + quoted(TITLE)
        + ",\"encrypted_content\":\""
        + ENCRYPTED_CONTENT
        + "\",\"page_age\":\"April 30, 2025\"}]}";
  }

  private static String citationDelta(int index, String citation) {
    return AnthropicEvents.event(
        "content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":"
            + index
            + ",\"delta\":{\"type\":\"citations_delta\",\"citation\":"
            + citation
            + "}}");
  }

  /**
   * Streams a web search's results, then a text block with a document citation and a web search
   * citation, cut {@code offset} characters into every copy of the value.
   */
  private String streamSources(int offset) throws Exception {
    String stream =
        AnthropicEvents.message(
            AnthropicEvents.blockStart(0, searchResults())
                + AnthropicEvents.blockStop(0)
                + AnthropicEvents.blockStart(
                    1, "{\"type\":\"text\",\"text\":\"\",\"citations\":[]}")
                + citationDelta(1, documentCitation())
                + AnthropicEvents.blockDelta(1, "text_delta", "text", "The notes say so.")
                + citationDelta(1, searchCitation())
                + AnthropicEvents.blockStop(1));
    gateway.upstream.pieces(
        RedactingGateway.splitInside(stream, VALUE, offset), 2, response -> response.end());
    return gateway.postMessages(RedactingGateway.messages(true)).body();
  }

  /** Returns the citation of each {@code citations_delta} event of {@code body}. */
  private static List<JsonNode> citations(String body) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (String data : RedactingGateway.events(body)) {
      JsonNode citation = RedactingGateway.JSON.readTree(data).at("/delta/citation");
      if (citation.isObject()) {
        found.add(citation);
      }
    }
    return found;
  }

  @ParameterizedTest(name = "cut at {0}")
  @ValueSource(ints = {1, 5, 6, 12, 16})
  void sourceStreamLeavesNoValue(int offset) throws Exception {
    String body = streamSources(offset);

    assertThat(body).doesNotContain(VALUE);
    assertThat(body).doesNotContain("carol");
  }

  @ParameterizedTest(name = "cut at {0}")
  @ValueSource(ints = {1, 5, 6, 12, 16})
  void sourceStreamIsWellFormed(int offset) throws Exception {
    RedactingGateway.assertWellFormed(streamSources(offset));
  }

  @ParameterizedTest(name = "cut at {0}")
  @ValueSource(ints = {1, 5, 6, 12, 16})
  void streamedDocumentTitleIsRedacted(int offset) throws Exception {
    JsonNode citation = citations(streamSources(offset)).get(0);

    assertThat(citation.path("document_title").asText()).isEqualTo(TITLE_REDACTED);
  }

  @ParameterizedTest(name = "cut at {0}")
  @ValueSource(ints = {1, 5, 6, 12, 16})
  void streamedSearchCitationIsRedacted(int offset) throws Exception {
    JsonNode citation = citations(streamSources(offset)).get(1);

    assertThat(citation.path("type").asText()).isEqualTo("web_search_result_location");
    assertThat(citation.path("title").asText()).isEqualTo(TITLE_REDACTED);
    assertThat(citation.path("url").asText()).isEqualTo(URL_REDACTED);
  }

  @ParameterizedTest(name = "cut at {0}")
  @ValueSource(ints = {1, 5, 6, 12, 16})
  void streamedSearchResultIsRedacted(int offset) throws Exception {
    String body = streamSources(offset);
    JsonNode start = RedactingGateway.JSON.readTree(RedactingGateway.events(body).get(1));
    JsonNode result = start.at("/content_block/content/0");

    assertThat(start.at("/content_block/type").asText()).isEqualTo("web_search_tool_result");

    assertThat(result.path("title").asText()).isEqualTo(TITLE_REDACTED);
    assertThat(result.path("url").asText()).isEqualTo(URL_REDACTED);
  }

  @Test
  void streamedEncryptedFieldsAreKept() throws Exception {
    String body = streamSources(6);

    assertThat(RedactingGateway.joined(body, "/content_block/content/0/encrypted_content"))
        .isEqualTo(ENCRYPTED_CONTENT);
    assertThat(RedactingGateway.joined(body, "/delta/citation/encrypted_index"))
        .isEqualTo(ENCRYPTED_INDEX);
  }

  @Test
  void sourceStreamKeepsText() throws Exception {
    String body = streamSources(6);

    assertThat(RedactingGateway.joined(body, "/delta/text")).isEqualTo("The notes say so.");
  }

  @Test
  void recordListsSourceRedaction() throws Exception {
    streamSources(6);

    assertThat(gateway.awaitRecord().guardActions()).contains("pii:EMAIL");
  }

  @Test
  void storedSourceStreamHasNoValue() throws Exception {
    streamSources(6);

    assertThat(gateway.storedResponse().toString()).doesNotContain("carol");
  }

  /** Returns a complete response with web search results and citations, as the client got it. */
  private String completeBody() throws Exception {
    gateway.upstream.respond(
        200,
        "application/json",
        "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":["
            + searchResults()
            + ",{\"type\":\"text\",\"text\":\"The notes say so.\",\"citations\":["
            + documentCitation()
            + ","
            + searchCitation()
            + "]}],\"stop_reason\":\"end_turn\","
            + "\"usage\":{\"input_tokens\":10,\"output_tokens\":20}}");
    return gateway.postMessages(RedactingGateway.messages(false)).body();
  }

  private JsonNode completeBlocks() throws Exception {
    return RedactingGateway.JSON.readTree(completeBody()).path("content");
  }

  @Test
  void bodyLeavesNoValue() throws Exception {
    assertThat(completeBody()).doesNotContain("carol");
  }

  @Test
  void bodyDocumentTitleIsRedacted() throws Exception {
    assertThat(completeBlocks().at("/1/citations/0/document_title").asText())
        .isEqualTo(TITLE_REDACTED);
  }

  @Test
  void bodySearchCitationIsRedacted() throws Exception {
    JsonNode citation = completeBlocks().at("/1/citations/1");

    assertThat(citation.path("title").asText()).isEqualTo(TITLE_REDACTED);
    assertThat(citation.path("url").asText()).isEqualTo(URL_REDACTED);
  }

  @Test
  void bodySearchResultIsRedacted() throws Exception {
    JsonNode result = completeBlocks().at("/0/content/0");

    assertThat(result.path("title").asText()).isEqualTo(TITLE_REDACTED);
    assertThat(result.path("url").asText()).isEqualTo(URL_REDACTED);
  }

  @Test
  void bodyEncryptedFieldsAreKept() throws Exception {
    JsonNode blocks = completeBlocks();

    assertThat(blocks.at("/0/content/0/encrypted_content").asText()).isEqualTo(ENCRYPTED_CONTENT);
    assertThat(blocks.at("/1/citations/1/encrypted_index").asText()).isEqualTo(ENCRYPTED_INDEX);
  }

  @Test
  void bodySearchErrorIsKept() throws Exception {
    gateway.upstream.respond(
        200,
        "application/json",
        "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"web_search_tool_result\","
            + "\"tool_use_id\":\"srvtoolu_1\",\"content\":{\"type\":"
            + "\"web_search_tool_result_error\",\"error_code\":\"max_uses_exceeded\"}}],"
            + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":10,\"output_tokens\":20}}");
    String body = gateway.postMessages(RedactingGateway.messages(false)).body();

    assertThat(RedactingGateway.JSON.readTree(body).at("/content/0/content/error_code").asText())
        .isEqualTo("max_uses_exceeded");
  }

  @Test
  void storedBodyHasNoValue() throws Exception {
    completeBlocks();

    assertThat(gateway.storedResponse().toString()).doesNotContain("carol");
  }
}
