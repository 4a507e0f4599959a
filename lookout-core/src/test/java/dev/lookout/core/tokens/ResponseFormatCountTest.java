package dev.lookout.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Token estimates of requests with a response_format JSON schema, against OpenAI's counts. */
class ResponseFormatCountTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TokenCounter COUNTER = TokenCounter.create();

  @ParameterizedTest(name = "{0}")
  @MethodSource("recorded")
  void countMatchesPromptTokens(String source, String model, JsonNode request, int reported) {
    assertThat(COUNTER.countChatRequest(model, request)).isEqualTo(reported);
  }

  @Test
  void sectionJoinsExistingSystemMessage() throws Exception {
    JsonNode request =
        JSON.readTree(
            """
            {"messages": [{"role": "system", "content": "Be brief."},
                          {"role": "user", "content": "Hi"}],
             "response_format": {"type": "json_schema",
                                 "json_schema": {"name": "Reply", "schema": {"type": "string"}}}}
            """);
    JsonNode joined =
        JSON.readTree(
            """
            [{"role": "system",
              "content": "Be brief.\\n\\n# Response Formats\\n\\n## Reply\\n\\n{\\"type\\":\\"string\\"}"},
             {"role": "user", "content": "Hi"}]
            """);
    int perReply = 2 + COUNTER.countText("gpt-4o", "Reply");

    assertThat(COUNTER.countChatRequest("gpt-4o", request))
        .isEqualTo(COUNTER.countChatPrompt("gpt-4o", joined) + perReply);
  }

  @Test
  void sectionLeavesOutEnforcedKeywords() throws Exception {
    JsonNode request =
        JSON.readTree(
            """
            {"response_format": {"type": "json_schema", "json_schema": {"name": "N", "schema":
              {"type": "object", "required": ["a"], "additionalProperties": false,
               "properties": {"a": {"type": "array", "maxItems": 3, "default": []}}}}}}
            """);

    assertThat(ResponseFormatSection.of(request).orElseThrow().text())
        .endsWith("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"array\"}}}");
  }

  @Test
  void sectionKeepsPropertiesNamedLikeKeywords() throws Exception {
    JsonNode request =
        JSON.readTree(
            """
            {"response_format": {"type": "json_schema", "json_schema": {"name": "N", "schema":
              {"properties": {"required": {"type": "boolean"}}}}}}
            """);

    assertThat(ResponseFormatSection.of(request).orElseThrow().text())
        .endsWith("{\"properties\":{\"required\":{\"type\":\"boolean\"}}}");
  }

  @Test
  void sectionEscapesNonAscii() throws Exception {
    JsonNode request =
        JSON.readTree(
            """
            {"response_format": {"type": "json_schema", "json_schema": {"name": "N", "schema":
              {"description": "a — b"}}}}
            """);

    assertThat(ResponseFormatSection.of(request).orElseThrow().text())
        .endsWith("{\"description\":\"a \\u2014 b\"}");
  }

  @Test
  void sectionStartsWithDescriptionComment() throws Exception {
    JsonNode request =
        JSON.readTree(
            """
            {"response_format": {"type": "json_schema", "json_schema": {"name": "N",
              "description": "One line.", "schema": {}}}}
            """);

    assertThat(ResponseFormatSection.of(request).orElseThrow().text())
        .isEqualTo("# Response Formats\n\n## N\n\n// One line.\n{}");
  }

  @Test
  void jsonObjectFormatAddsNoSection() throws Exception {
    JsonNode request = JSON.readTree("{\"response_format\": {\"type\": \"json_object\"}}");

    assertThat(ResponseFormatSection.of(request)).isEmpty();
  }

  static Stream<Arguments> recorded() {
    InputStream in =
        ResponseFormatCountTest.class.getResourceAsStream("/tokens/response-format-requests.jsonl");
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .filter(line -> !line.isBlank())
          .map(ResponseFormatCountTest::point)
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Arguments point(String line) {
    try {
      JsonNode point = JSON.readTree(line);
      String source =
          point.path("repo").asText()
              + " "
              + point.path("path").asText()
              + " #"
              + point.path("interaction").asText();
      return Arguments.of(
          source,
          point.path("model").asText(),
          point.path("request"),
          point.path("prompt_tokens").asInt());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
