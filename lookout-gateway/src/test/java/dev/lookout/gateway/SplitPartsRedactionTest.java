package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.core.guard.pii.PiiGuard;
import dev.lookout.gateway.guard.GuardTextRedactor;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal data split over adjacent text parts of one message, through a gateway that runs the
 * built-in PII guard on inputs, sends the redacted prompt upstream and stores payloads redacted
 * with the same guard. OpenAI chat content parts and Anthropic text blocks are both read.
 */
class SplitPartsRedactionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAT = "/v1/chat/completions";
  private static final String MESSAGES = InputGuardGateway.MESSAGES;
  private static final String IMAGE =
      "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://images.example.org/a.png\"}}";

  @TempDir Path data;
  private InputGuardGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway =
        new InputGuardGateway(
            data,
            new GuardPipeline(List.of(PiiGuard.defaults()), List.of()),
            new GuardTextRedactor(PiiGuard.defaults()));
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  private static String part(String text) throws Exception {
    return "{\"type\":\"text\",\"text\":" + JSON.writeValueAsString(text) + "}";
  }

  /** Returns a chat request whose one user message has {@code parts} as its content. */
  private static String chat(String... parts) {
    return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":["
        + String.join(",", parts)
        + "]}]}";
  }

  /** Returns an Anthropic request whose one user message has {@code blocks} as its content. */
  private static String messages(String... blocks) {
    return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"messages\":["
        + "{\"role\":\"user\",\"content\":["
        + String.join(",", blocks)
        + "]}]}";
  }

  /** Sends {@code body} and returns the content parts the upstream received. */
  private JsonNode forwarded(String path, String body) throws Exception {
    gateway.respondOk(path);
    HttpResponse<String> response = gateway.post(path, body);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(gateway.upstream.lastBody()).at("/messages/0/content");
  }

  private static List<String> texts(JsonNode parts) {
    List<String> texts = new ArrayList<>();
    parts.forEach(part -> texts.add(part.path("text").asText(null)));
    return texts;
  }

  @Test
  void chatSplitEmailIsRedacted() throws Exception {
    JsonNode parts = forwarded(CHAT, chat(part("mail bob@exa"), part("mple.com now")));

    assertThat(texts(parts)).containsExactly("mail [EMAIL]", " now");
  }

  @Test
  void chatSplitEmailLeavesNoPiece() throws Exception {
    forwarded(CHAT, chat(part("mail bob@exa"), part("mple.com now")));

    assertThat(gateway.upstream.lastBody()).doesNotContain("bob@");
    assertThat(gateway.upstream.lastBody()).doesNotContain("mple.com");
  }

  @Test
  void messagesSplitEmailIsRedacted() throws Exception {
    JsonNode blocks = forwarded(MESSAGES, messages(part("mail bob@exa"), part("mple.com now")));

    assertThat(texts(blocks)).containsExactly("mail [EMAIL]", " now");
  }

  @Test
  void splitOverThreePartsIsRedacted() throws Exception {
    JsonNode parts = forwarded(CHAT, chat(part("to bob@"), part("exam"), part("ple.com ok")));

    assertThat(texts(parts)).containsExactly("to [EMAIL]", "", " ok");
  }

  @Test
  void phoneSplitAtSpaceIsRedacted() throws Exception {
    JsonNode parts = forwarded(CHAT, chat(part("call +1 415 555"), part(" 2671 now")));

    assertThat(texts(parts)).containsExactly("call [PHONE]", " now");
  }

  @Test
  void valueEndingPartIsCompletedFromNext() throws Exception {
    // "bob@example.co" is an address on its own, and the next part completes it as ".com".
    JsonNode parts = forwarded(CHAT, chat(part("mail bob@example.co"), part("m now")));

    assertThat(texts(parts)).containsExactly("mail [EMAIL]", " now");
  }

  @Test
  void twoWholeNumbersStayTwoValues() throws Exception {
    // Glued, the two numbers read as "020 7946 0958020" and "7946 0959".
    JsonNode parts = forwarded(CHAT, chat(part("call 020 7946 0958"), part("020 7946 0959")));

    assertThat(texts(parts)).containsExactly("call [PHONE]", "[PHONE]");
  }

  @Test
  void wholeValuesInPartsAreRedacted() throws Exception {
    JsonNode parts = forwarded(CHAT, chat(part("mail ann@example.com"), part("today")));

    assertThat(texts(parts)).containsExactly("mail [EMAIL]", "today");
  }

  @Test
  void imageBetweenPartsIsKept() throws Exception {
    JsonNode parts =
        forwarded(CHAT, chat(part("mail bob@exa"), IMAGE, part("mple.com"), part("ok")));

    assertThat(parts.get(1)).isEqualTo(JSON.readTree(IMAGE));
  }

  @Test
  void imageBetweenPartsEndsJoin() throws Exception {
    // The image is between the two pieces, so they are not read as one text.
    JsonNode parts = forwarded(CHAT, chat(part("mail bob@exa"), IMAGE, part("mple.com")));

    assertThat(texts(parts)).containsExactly("mail bob@exa", null, "mple.com");
  }

  @Test
  void partFieldsAreKept() throws Exception {
    String cached =
        "{\"type\":\"text\",\"text\":\"mple.com now\",\"cache_control\":{\"type\":\"ephemeral\"}}";
    JsonNode blocks = forwarded(MESSAGES, messages(part("mail bob@exa"), cached));

    assertThat(blocks.at("/1/cache_control/type").asText()).isEqualTo("ephemeral");
  }

  @Test
  void recordListsSplitEmail() throws Exception {
    forwarded(CHAT, chat(part("mail bob@exa"), part("mple.com now")));

    assertThat(gateway.awaitRecord().guardActions()).contains("pii:EMAIL");
  }

  @Test
  void storedRequestHasNoPiece() throws Exception {
    forwarded(MESSAGES, messages(part("mail bob@exa"), part("mple.com now")));

    String stored = gateway.storedRequest().toString();

    assertThat(stored).doesNotContain("bob@");
    assertThat(stored).doesNotContain("mple.com");
  }

  @Test
  void storedRequestKeepsParts() throws Exception {
    forwarded(CHAT, chat(part("mail bob@exa"), part("mple.com now")));

    assertThat(texts(gateway.storedRequest().at("/messages/0/content")))
        .containsExactly("mail [EMAIL]", " now");
  }
}
