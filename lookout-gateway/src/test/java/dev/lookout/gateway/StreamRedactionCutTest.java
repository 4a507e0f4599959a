package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.record.CallStatus;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redacted streams that end before their finish chunk. The text the redactor has not released is
 * the start of a value that may no longer be recognised, so it reaches neither the client nor the
 * stored payload.
 */
class StreamRedactionCutTest {
  private static final String TEXT =
      "The forecast says sunny skies over the hills all week. Mail carol@example.c";

  /** The last chunk of a stream whose client asked for usage, as OpenAI sends it. */
  private static final String USAGE =
      "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\","
          + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":6,"
          + "\"total_tokens\":11}}\n\n";

  /** A streamed chat request that requests usage, so the gateway passes the usage chunk on. */
  private static final String STREAM_WITH_USAGE =
      "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Who?\"}]}";

  @TempDir Path data;
  private RedactingGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = new RedactingGateway(data);
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  /** Returns {@link #TEXT} as chat chunks of one character each. */
  private static List<String> oneCharChunks() throws Exception {
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < TEXT.length(); i++) {
      chunks.add(RedactingGateway.content(TEXT.substring(i, i + 1)));
    }
    return chunks;
  }

  private String clientText(String body) throws Exception {
    return RedactingGateway.joined(body, "/choices/0/delta/content");
  }

  @Test
  void endedStreamDropsHeldText() throws Exception {
    gateway.upstream.pieces(oneCharChunks(), 1, response -> response.end());

    String body = gateway.post(RedactingGateway.chat(true)).body();

    assertThat(clientText(body)).doesNotContain("carol@");
  }

  @Test
  void endedStreamIsRecordedAsCut() throws Exception {
    gateway.upstream.pieces(oneCharChunks(), 1, response -> response.end());
    gateway.post(RedactingGateway.chat(true));

    assertThat(gateway.awaitRecord().errorType()).isEqualTo("stream_error");
  }

  @Test
  void endedStreamStoresWhatClientGot() throws Exception {
    gateway.upstream.pieces(oneCharChunks(), 1, response -> response.end());
    String body = gateway.post(RedactingGateway.chat(true)).body();

    assertThat(gateway.storedResponse().path("text").asText()).isEqualTo(clientText(body));
  }

  @Test
  void brokenStreamStoresNoHeldText() throws Exception {
    gateway.upstream.pieces(oneCharChunks(), 1, response -> response.reset());
    gateway.postUntilCut(RedactingGateway.chat(true));

    assertThat(gateway.storedResponse().path("text").asText()).doesNotContain("carol@");
  }

  @Test
  void goneClientStoresNoHeldText() throws Exception {
    List<String> chunks = oneCharChunks();
    CountDownLatch sent = new CountDownLatch(1);
    gateway.upstream.pieces(chunks, 1, response -> sent.countDown());
    try (Socket socket = openStream()) {
      assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
      readEvents(socket.getInputStream(), chunks.size());
    }

    assertThat(gateway.awaitRecord().status()).isEqualTo(CallStatus.CANCELLED);
    assertThat(gateway.storedResponse().path("text").asText()).doesNotContain("carol@");
  }

  @Test
  void doneReleasesHeldTextBeforeIt() throws Exception {
    gateway.upstream.stream(
        RedactingGateway.content("Mail carol@exam")
            + RedactingGateway.content("ple.com now")
            + "data: [DONE]\n\n",
        3,
        2);

    String body = gateway.post(RedactingGateway.chat(true)).body();

    assertThat(clientText(body.substring(0, body.indexOf("data: [DONE]"))))
        .isEqualTo("Mail [EMAIL] now");
  }

  /** Streams a split address and a usage chunk but no finish chunk; returns what the client got. */
  private String streamWithUsageOnly() throws Exception {
    gateway.upstream.stream(
        RedactingGateway.content("Mail carol@exam")
            + RedactingGateway.content("ple.com now")
            + USAGE
            + "data: [DONE]\n\n",
        4,
        2);
    return gateway.post(STREAM_WITH_USAGE).body();
  }

  @Test
  void usageChunkFollowsHeldText() throws Exception {
    String body = streamWithUsageOnly();

    assertThat(clientText(body.substring(0, body.indexOf(USAGE)))).isEqualTo("Mail [EMAIL] now");
  }

  @Test
  void usageChunkPassesUnchanged() throws Exception {
    String body = streamWithUsageOnly();

    assertThat(body).contains(USAGE);
  }

  /** Sends a streamed chat request over a plain socket, so the test can drop the connection. */
  private Socket openStream() throws Exception {
    URI url = URI.create(gateway.gateway.url());
    Socket socket = new Socket("127.0.0.1", url.getPort());
    byte[] body = RedactingGateway.chat(true).getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return socket;
  }

  /** Reads until {@code count} events have arrived, so all the upstream sent has passed. */
  private static void readEvents(InputStream in, int count) throws Exception {
    StringBuilder seen = new StringBuilder();
    int events = 0;
    int next;
    while (events < count && (next = in.read()) >= 0) {
      seen.append((char) next);
      if (seen.length() >= 6 && seen.lastIndexOf("data: ") == seen.length() - 6) {
        events++;
      }
    }
    assertThat(events).isEqualTo(count);
  }
}
