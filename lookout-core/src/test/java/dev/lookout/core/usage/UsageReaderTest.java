package dev.lookout.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.fixtures.RecordedFixtures;
import org.junit.jupiter.api.Test;

class UsageReaderTest {

  @Test
  void embeddingsHaveNoOutput() {
    var body =
        RecordedFixtures.parse(
            "{\"object\":\"list\",\"data\":[],\"model\":\"text-embedding-3-small\","
                + "\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}");

    assertThat(UsageReader.fromResponse(body)).contains(TokenUsage.of(8, 0, UsageSource.PROVIDER));
  }

  @Test
  void nullDetailsReadAsZero() {
    var body =
        RecordedFixtures.parse(
            "{\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":2,"
                + "\"prompt_tokens_details\":null,\"completion_tokens_details\":null}}");

    assertThat(UsageReader.fromResponse(body)).contains(TokenUsage.of(40, 2, UsageSource.PROVIDER));
  }

  @Test
  void reasoningOutsideCompletionIsAdded() {
    var body =
        RecordedFixtures.parse(
            "{\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":50,\"total_tokens\":184,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":124}}}");

    assertThat(UsageReader.fromResponse(body).orElseThrow().outputTokens()).isEqualTo(174);
  }

  @Test
  void reasoningInsideCompletionIsNotAdded() {
    var body =
        RecordedFixtures.parse(
            "{\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":87,\"total_tokens\":94,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":64}}}");

    assertThat(UsageReader.fromResponse(body).orElseThrow().outputTokens()).isEqualTo(87);
  }

  @Test
  void responsesCachedCountIsCappedAtInput() {
    var body =
        RecordedFixtures.parse(
            "{\"object\":\"response\",\"usage\":{\"input_tokens\":10,\"output_tokens\":5,"
                + "\"input_tokens_details\":{\"cached_tokens\":5000}}}");

    assertThat(UsageReader.fromResponse(body).orElseThrow().cachedInputTokens()).isEqualTo(10);
  }

  @Test
  void chatCacheWriteIsCappedAtUncachedPrompt() {
    var body =
        RecordedFixtures.parse(
            "{\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":5,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":40,\"cache_write_tokens\":900}}}");

    assertThat(UsageReader.fromResponse(body).orElseThrow().cacheWriteTokens()).isEqualTo(60);
  }

  @Test
  void textCompletionCountMakesNoReasoning() {
    var body =
        RecordedFixtures.parse(
            "{\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":\"5\",\"total_tokens\":15}}");

    assertThat(UsageReader.fromResponse(body).orElseThrow().reasoningTokens()).isZero();
  }

  @Test
  void bodyWithoutUsageIsEmpty() {
    var body = RecordedFixtures.parse("{\"id\":\"chatcmpl-1\",\"choices\":[]}");

    assertThat(UsageReader.fromResponse(body)).isEmpty();
  }

  @Test
  void nullUsageIsEmpty() {
    var body = RecordedFixtures.parse("{\"usage\":null}");

    assertThat(UsageReader.fromResponse(body)).isEmpty();
  }

  @Test
  void usageWithoutCountsIsEmpty() {
    var body = RecordedFixtures.parse("{\"usage\":{\"queue_time\":0.01}}");

    assertThat(UsageReader.fromResponse(body)).isEmpty();
  }

  @Test
  void errorBodyIsEmpty() {
    var body =
        RecordedFixtures.readJson(
            RecordedFixtures.fixture("openai/error_401_invalid_api_key.json"));

    assertThat(UsageReader.fromResponse(body)).isEmpty();
  }

  @Test
  void negativeCountIsNotUsed() {
    var body = RecordedFixtures.parse("{\"usage\":{\"prompt_tokens\":-1,\"completion_tokens\":5}}");

    assertThat(UsageReader.fromResponse(body)).isEmpty();
  }

  @Test
  void bareResponsesUsageKeepsCachedTokens() {
    var usage =
        RecordedFixtures.parse(
            "{\"input_tokens\":2087,\"input_tokens_details\":{\"cached_tokens\":2048},"
                + "\"output_tokens\":124}");

    assertThat(UsageReader.fromUsage(usage))
        .contains(new TokenUsage(2087, 124, 2048, 0, 0, UsageSource.PROVIDER));
  }
}
