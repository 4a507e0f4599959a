package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.usage.UsageSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK as the client, through the gateway, to a local upstream. */
class ProxySdkTest {
  private GatewayHarness harness;
  private OpenAIClient client;

  @BeforeEach
  void start() throws Exception {
    harness = new GatewayHarness();
    client =
        OpenAIOkHttpClient.builder()
            .apiKey("sk-test-key-0123456789")
            .baseUrl(harness.url() + "/v1")
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    harness.close();
  }

  private static ChatCompletionCreateParams params() {
    return ChatCompletionCreateParams.builder()
        .model("gpt-4o")
        .addUserMessage("Say hello")
        .user("alice")
        .build();
  }

  @Test
  void plainCallReturnsProviderAnswer() throws Exception {
    harness.upstream.respond(
        200,
        "application/json",
        Files.readString(SharedData.path("fixtures/openai/chat_basic.json")));

    ChatCompletion completion = client.chat().completions().create(params());

    assertThat(completion.choices()).isNotEmpty();
    assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(16);
  }

  @Test
  void plainCallIsRecorded() throws Exception {
    harness.upstream.respond(
        200,
        "application/json",
        Files.readString(SharedData.path("fixtures/openai/chat_basic.json")));

    client.chat().completions().create(params());
    CallRecord record = harness.awaitRecord(1);

    assertThat(record.status()).isEqualTo(CallStatus.SUCCESS);
    assertThat(record.model()).isEqualTo("gpt-4o");
    assertThat(record.userId()).isEqualTo("alice");
    assertThat(record.usageSource()).isEqualTo(UsageSource.PROVIDER);
    assertThat(record.inputTokens()).isEqualTo(16L);
    assertThat(record.priced()).isTrue();
    assertThat(record.costUsd()).isGreaterThan(BigDecimal.ZERO);
    assertThat(record.stream()).isFalse();
    assertThat(record.promptHash()).hasSize(16);
  }

  @Test
  void authorizationReachesUpstream() throws Exception {
    harness.upstream.respond(
        200,
        "application/json",
        Files.readString(SharedData.path("fixtures/openai/chat_basic.json")));

    client.chat().completions().create(params());

    assertThat(harness.upstream.lastHeaders().get("authorization"))
        .isEqualTo("Bearer sk-test-key-0123456789");
  }

  @Test
  void streamedCallArrivesChunkByChunk() throws Exception {
    String sse =
        Files.readString(SharedData.path("fixtures/openai/chat_stream_text_include_usage.sse"));
    CountDownLatch firstChunkSeen = new CountDownLatch(1);
    AtomicInteger chunksBeforeRelease = new AtomicInteger();
    // The upstream holds the rest of the stream until the client has read the first chunk, so
    // the call can only finish if the gateway forwards chunks without buffering the whole body.
    harness.upstream.handler(
        (request, body) -> {
          var response =
              request.response().setChunked(true).putHeader("content-type", "text/event-stream");
          int split = sse.indexOf("\n\n") + 2;
          response.write(sse.substring(0, split));
          harness
              .upstream
              .vertx()
              .executeBlocking(() -> firstChunkSeen.await(10, TimeUnit.SECONDS))
              .onSuccess(released -> response.end(sse.substring(split)));
        });

    StringBuilder text = new StringBuilder();
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params())) {
      stream.stream()
          .forEach(
              chunk -> {
                if (firstChunkSeen.getCount() == 1) {
                  chunksBeforeRelease.incrementAndGet();
                }
                firstChunkSeen.countDown();
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
              });
    }

    assertThat(chunksBeforeRelease.get()).isEqualTo(1);
    assertThat(text.toString()).isNotEmpty();
  }

  @Test
  void streamedCallIsRecordedWithUsage() throws Exception {
    harness.upstream.stream(
        Files.readString(SharedData.path("fixtures/openai/chat_stream_text_include_usage.sse")),
        8,
        5);

    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params())) {
      stream.stream().forEach(chunk -> {});
    }
    CallRecord record = harness.awaitRecord(1);

    assertThat(record.stream()).isTrue();
    assertThat(record.status()).isEqualTo(CallStatus.SUCCESS);
    assertThat(record.usageSource()).isEqualTo(UsageSource.PROVIDER);
    assertThat(record.ttftMs()).isNotNull();
    assertThat(record.ttftMs()).isLessThanOrEqualTo(record.latencyMs());
  }
}
