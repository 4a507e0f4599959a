package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The results of Anthropic's web fetch and code execution server tools through a redacting gateway,
 * streamed and not: the address and document of a {@code web_fetch_tool_result}, the {@code stdout}
 * and {@code stderr} of code and bash execution, and the viewed {@code content} and edited {@code
 * lines} of the text editor, and what an MCP server returned. A stream carries each of these blocks
 * whole in its {@code content_block_start}; the network may still split the event, so each streamed
 * case is cut inside every copy of the value at several offsets.
 */
class ServerToolResultRedactionTest extends FullCaptureGatewayTest {
  private static final String VALUE = "carol@example.com";
  private static final String TEXT = "Mail carol@example.com first";
  private static final String TEXT_REDACTED = "Mail [EMAIL] first";
  private static final String URL = "https://news.example.org/to/carol@example.com";
  private static final String URL_REDACTED = "https://news.example.org/to/[EMAIL]";
  private static final String PDF = "JVBERi0xLjcKJcfsj6IKNSAwIG9iago8PC9MZW5ndGg";
  private static final String ENCRYPTED_STDOUT = "EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5";

  private static String quoted(String text) throws Exception {
    return RedactingGateway.JSON.writeValueAsString(text);
  }

  private static String fetchResult() throws Exception {
    return "{\"type\":\"web_fetch_tool_result\",\"tool_use_id\":\"srvtoolu_1\",\"content\":{"
        + "\"type\":\"web_fetch_result\",\"url\":"
        + quoted(URL)
        + ",\"retrieved_at\":\"2025-08-25T10:30:02Z\",\"content\":{\"type\":\"document\","
        + "\"title\":"
        + quoted(TEXT)
        + ",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":"
        + quoted(TEXT)
        + "}}}}";
  }

  private static String pdfFetchResult() {
    return "{\"type\":\"web_fetch_tool_result\",\"tool_use_id\":\"srvtoolu_5\",\"content\":{"
        + "\"type\":\"web_fetch_result\",\"url\":\"https://example.org/a.pdf\",\"content\":{"
        + "\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":"
        + "\"application/pdf\",\"data\":\""
        + PDF
        + "\"}}}}";
  }

  private static String codeResult() throws Exception {
    return "{\"type\":\"code_execution_tool_result\",\"tool_use_id\":\"srvtoolu_2\",\"content\":{"
        + "\"type\":\"code_execution_result\",\"stdout\":"
        + quoted(TEXT)
        + ",\"stderr\":"
        + quoted(TEXT)
        + ",\"return_code\":0,\"content\":[]}}";
  }

  private static String bashResult() throws Exception {
    return "{\"type\":\"bash_code_execution_tool_result\",\"tool_use_id\":\"srvtoolu_3\","
        + "\"content\":{\"type\":\"bash_code_execution_result\",\"stdout\":"
        + quoted(TEXT)
        + ",\"stderr\":"
        + quoted(TEXT)
        + ",\"return_code\":0,\"content\":[]}}";
  }

  private static String viewResult() throws Exception {
    return "{\"type\":\"text_editor_code_execution_tool_result\",\"tool_use_id\":\"srvtoolu_4\","
        + "\"content\":{\"type\":\"text_editor_code_execution_view_result\",\"file_type\":"
        + "\"text\",\"content\":"
        + quoted(TEXT)
        + ",\"num_lines\":1,\"start_line\":1,\"total_lines\":1}}";
  }

  private static String editResult() throws Exception {
    return "{\"type\":\"text_editor_code_execution_tool_result\",\"tool_use_id\":\"srvtoolu_6\","
        + "\"content\":{\"type\":\"text_editor_code_execution_str_replace_result\",\"lines\":["
        + quoted("unchanged line")
        + ","
        + quoted(TEXT)
        + "],\"new_lines\":2,\"new_start\":1,\"old_lines\":2,\"old_start\":1}}";
  }

  private static String encryptedResult() {
    return "{\"type\":\"code_execution_tool_result\",\"tool_use_id\":\"srvtoolu_7\",\"content\":{"
        + "\"type\":\"encrypted_code_execution_result\",\"encrypted_stdout\":\""
        + ENCRYPTED_STDOUT
        + "\",\"stderr\":\"\",\"return_code\":0,\"content\":[]}}";
  }

  private static String mcpBlocksResult() throws Exception {
    return "{\"type\":\"mcp_tool_result\",\"tool_use_id\":\"mcptoolu_1\",\"is_error\":false,"
        + "\"content\":[{\"type\":\"text\",\"text\":"
        + quoted(TEXT)
        + "}]}";
  }

  private static String mcpStringResult() throws Exception {
    return "{\"type\":\"mcp_tool_result\",\"tool_use_id\":\"mcptoolu_2\",\"is_error\":true,"
        + "\"content\":"
        + quoted(TEXT)
        + "}";
  }

  private static final String[] BLOCKS = {
    "fetch", "code", "bash", "view", "edit", "pdf", "encrypted", "mcp", "mcpString"
  };

  private static String block(int index) throws Exception {
    return switch (BLOCKS[index]) {
      case "fetch" -> fetchResult();
      case "code" -> codeResult();
      case "bash" -> bashResult();
      case "view" -> viewResult();
      case "edit" -> editResult();
      case "pdf" -> pdfFetchResult();
      case "mcp" -> mcpBlocksResult();
      case "mcpString" -> mcpStringResult();
      default -> encryptedResult();
    };
  }

  /** Streams every kind of result, each as one block, cut {@code offset} into every value. */
  private String stream(int offset) throws Exception {
    StringBuilder blocks = new StringBuilder();
    for (int i = 0; i < BLOCKS.length; i++) {
      blocks.append(AnthropicEvents.blockStart(i, block(i))).append(AnthropicEvents.blockStop(i));
    }
    String stream = AnthropicEvents.message(blocks.toString());
    gateway.upstream.pieces(
        RedactingGateway.splitInside(stream, VALUE, offset), 2, response -> response.end());
    return gateway.postMessages(RedactingGateway.messages(true)).body();
  }

  /** Returns the result of the streamed block {@code index}, as the client got it. */
  private static JsonNode streamed(String body, int index) throws Exception {
    for (String data : RedactingGateway.events(body)) {
      JsonNode event = RedactingGateway.JSON.readTree(data);
      if (event.path("type").asText().equals("content_block_start")
          && event.path("index").asInt() == index) {
        return event.at("/content_block/content");
      }
    }
    throw new AssertionError("no content_block_start of block " + index);
  }

  @ParameterizedTest(name = "cut at {0}")
  @ValueSource(ints = {1, 5, 6, 12, 16})
  void streamLeavesNoValue(int offset) throws Exception {
    assertThat(stream(offset)).doesNotContain("carol");
  }

  @ParameterizedTest(name = "cut at {0}")
  @ValueSource(ints = {1, 6, 16})
  void streamIsWellFormed(int offset) throws Exception {
    RedactingGateway.assertWellFormed(stream(offset));
  }

  @Test
  void streamedFetchUrlIsRedacted() throws Exception {
    assertThat(streamed(stream(6), 0).path("url").asText()).isEqualTo(URL_REDACTED);
  }

  @Test
  void streamedFetchTitleIsRedacted() throws Exception {
    assertThat(streamed(stream(6), 0).at("/content/title").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void streamedFetchTextIsRedacted() throws Exception {
    assertThat(streamed(stream(6), 0).at("/content/source/data").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void streamedCodeStdoutIsRedacted() throws Exception {
    assertThat(streamed(stream(6), 1).path("stdout").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void streamedCodeStderrIsRedacted() throws Exception {
    assertThat(streamed(stream(6), 1).path("stderr").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void streamedBashStdoutIsRedacted() throws Exception {
    assertThat(streamed(stream(6), 2).path("stdout").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void streamedBashStderrIsRedacted() throws Exception {
    assertThat(streamed(stream(6), 2).path("stderr").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void streamedViewedFileIsRedacted() throws Exception {
    assertThat(streamed(stream(6), 3).path("content").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void streamedEditedLineIsRedacted() throws Exception {
    assertThat(streamed(stream(6), 4).at("/lines/1").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void streamedPdfIsKept() throws Exception {
    assertThat(streamed(stream(6), 5).at("/content/source/data").asText()).isEqualTo(PDF);
  }

  @Test
  void streamedEncryptedStdoutIsKept() throws Exception {
    assertThat(streamed(stream(6), 6).path("encrypted_stdout").asText())
        .isEqualTo(ENCRYPTED_STDOUT);
  }

  @Test
  void streamedMcpTextIsRedacted() throws Exception {
    assertThat(streamed(stream(6), 7).at("/0/text").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void streamedMcpStringIsRedacted() throws Exception {
    assertThat(streamed(stream(6), 8).asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void recordListsResultRedaction() throws Exception {
    stream(6);

    assertThat(gateway.awaitRecord().guardActions()).contains("pii:EMAIL");
  }

  @Test
  void storedStreamHasNoValue() throws Exception {
    stream(6);

    assertThat(gateway.storedResponse().toString()).doesNotContain("carol");
  }

  /** Returns the blocks of a complete response with every kind of result, as the client got it. */
  private JsonNode completeBlocks() throws Exception {
    StringBuilder blocks = new StringBuilder();
    for (int i = 0; i < BLOCKS.length; i++) {
      blocks.append(i == 0 ? "" : ",").append(block(i));
    }
    gateway.upstream.respond(
        200,
        "application/json",
        "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":["
            + blocks
            + "],\"stop_reason\":\"end_turn\","
            + "\"usage\":{\"input_tokens\":10,\"output_tokens\":20}}");
    String body = gateway.postMessages(RedactingGateway.messages(false)).body();
    return RedactingGateway.JSON.readTree(body).path("content");
  }

  @Test
  void bodyLeavesNoValue() throws Exception {
    assertThat(completeBlocks().toString()).doesNotContain("carol");
  }

  @Test
  void bodyFetchUrlIsRedacted() throws Exception {
    assertThat(completeBlocks().at("/0/content/url").asText()).isEqualTo(URL_REDACTED);
  }

  @Test
  void bodyFetchTitleIsRedacted() throws Exception {
    assertThat(completeBlocks().at("/0/content/content/title").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void bodyFetchTextIsRedacted() throws Exception {
    assertThat(completeBlocks().at("/0/content/content/source/data").asText())
        .isEqualTo(TEXT_REDACTED);
  }

  @Test
  void bodyCodeStdoutIsRedacted() throws Exception {
    assertThat(completeBlocks().at("/1/content/stdout").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void bodyBashStderrIsRedacted() throws Exception {
    assertThat(completeBlocks().at("/2/content/stderr").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void bodyViewedFileIsRedacted() throws Exception {
    assertThat(completeBlocks().at("/3/content/content").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void bodyEditedLineIsRedacted() throws Exception {
    assertThat(completeBlocks().at("/4/content/lines/1").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void bodyUnchangedLineIsKept() throws Exception {
    assertThat(completeBlocks().at("/4/content/lines/0").asText()).isEqualTo("unchanged line");
  }

  @Test
  void bodyReturnCodeStaysNumber() throws Exception {
    assertThat(completeBlocks().at("/1/content/return_code").isInt()).isTrue();
  }

  @Test
  void bodyPdfIsKept() throws Exception {
    assertThat(completeBlocks().at("/5/content/content/source/data").asText()).isEqualTo(PDF);
  }

  @Test
  void bodyEncryptedStdoutIsKept() throws Exception {
    assertThat(completeBlocks().at("/6/content/encrypted_stdout").asText())
        .isEqualTo(ENCRYPTED_STDOUT);
  }

  @Test
  void bodyMcpTextIsRedacted() throws Exception {
    assertThat(completeBlocks().at("/7/content/0/text").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void bodyMcpStringIsRedacted() throws Exception {
    assertThat(completeBlocks().at("/8/content").asText()).isEqualTo(TEXT_REDACTED);
  }

  @Test
  void bodyEditorErrorIsRedacted() throws Exception {
    gateway.upstream.respond(
        200,
        "application/json",
        "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":"
            + "\"text_editor_code_execution_tool_result\",\"tool_use_id\":\"srvtoolu_8\","
            + "\"content\":{\"type\":\"text_editor_code_execution_tool_result_error\","
            + "\"error_code\":\"unavailable\",\"error_message\":"
            + quoted(TEXT)
            + "}}],\"stop_reason\":\"end_turn\","
            + "\"usage\":{\"input_tokens\":10,\"output_tokens\":20}}");
    String body = gateway.postMessages(RedactingGateway.messages(false)).body();

    assertThat(RedactingGateway.JSON.readTree(body).at("/content/0/content/error_message").asText())
        .isEqualTo(TEXT_REDACTED);
  }

  @Test
  void storedBodyHasNoValue() throws Exception {
    completeBlocks();

    assertThat(gateway.storedResponse().toString()).doesNotContain("carol");
  }
}
