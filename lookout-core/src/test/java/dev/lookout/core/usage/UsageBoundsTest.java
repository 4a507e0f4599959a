package dev.lookout.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A usage with a count no provider could mean is not used, so the call is estimated rather than
 * priced from a made-up number. Counts sent as text or whole floats read as numbers.
 */
class UsageBoundsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Optional<TokenUsage> read(String usage) throws Exception {
    return UsageReader.fromUsage(JSON.readTree(usage));
  }

  @Test
  void longMaxIsIgnored() throws Exception {
    assertThat(read("{\"prompt_tokens\":9223372036854775807,\"completion_tokens\":1}")).isEmpty();
  }

  @Test
  void hugeIntegerIsIgnored() throws Exception {
    assertThat(read("{\"prompt_tokens\":1,\"completion_tokens\":99999999999999999999999}"))
        .isEmpty();
  }

  @Test
  void countAboveMaximumIsIgnored() throws Exception {
    assertThat(read("{\"prompt_tokens\":100000001,\"completion_tokens\":1}")).isEmpty();
  }

  @Test
  void countAtMaximumIsKept() throws Exception {
    assertThat(read("{\"prompt_tokens\":100000000,\"completion_tokens\":1}").orElseThrow())
        .isEqualTo(TokenUsage.of(UsageReader.MAX_TOKENS, 1, UsageSource.PROVIDER));
  }

  @Test
  void hugeTotalIsNotOutput() throws Exception {
    assertThat(
            read("{\"prompt_tokens\":10,\"completion_tokens\":10,\"total_tokens\":1e15}")
                .orElseThrow()
                .outputTokens())
        .isEqualTo(10);
  }

  @Test
  void totalGapOfOtherModelIsNotReasoning() throws Exception {
    JsonNode body =
        JSON.readTree(
            "{\"model\":\"gpt-4o\",\"usage\":{\"prompt_tokens\":1200,"
                + "\"completion_tokens\":12,\"total_tokens\":5000}}");

    assertThat(UsageReader.fromResponse(body).orElseThrow().outputTokens()).isEqualTo(12);
  }

  @Test
  void totalGapOfGeminiIsReasoning() throws Exception {
    JsonNode body =
        JSON.readTree(
            "{\"model\":\"gemini-2.5-pro\",\"usage\":{\"prompt_tokens\":35,"
                + "\"completion_tokens\":12,\"total_tokens\":109}}");

    assertThat(UsageReader.fromResponse(body).orElseThrow().reasoningTokens()).isEqualTo(62);
  }

  @Test
  void missingPromptIsIgnored() throws Exception {
    assertThat(read("{\"completion_tokens\":12,\"total_tokens\":1212}")).isEmpty();
  }

  @Test
  void anthropicMissingInputIsIgnored() throws Exception {
    assertThat(read("{\"output_tokens\":12}")).isEmpty();
  }

  @Test
  void negativeCountIsIgnored() throws Exception {
    assertThat(read("{\"prompt_tokens\":-5,\"completion_tokens\":3}")).isEmpty();
  }

  @Test
  void fractionalCountIsIgnored() throws Exception {
    assertThat(read("{\"prompt_tokens\":5.5,\"completion_tokens\":3}")).isEmpty();
  }

  @Test
  void wordCountIsIgnored() throws Exception {
    assertThat(read("{\"prompt_tokens\":\"five\",\"completion_tokens\":3}")).isEmpty();
  }

  @Test
  void hugeReasoningIsIgnored() throws Exception {
    assertThat(
            read(
                "{\"prompt_tokens\":5,\"completion_tokens\":3,"
                    + "\"completion_tokens_details\":{\"reasoning_tokens\":1e15}}"))
        .isEmpty();
  }

  @Test
  void textCountReadsAsNumber() throws Exception {
    assertThat(read("{\"prompt_tokens\":\"12\",\"completion_tokens\":\"5\"}").orElseThrow())
        .isEqualTo(TokenUsage.of(12, 5, UsageSource.PROVIDER));
  }

  @Test
  void wholeFloatReadsAsNumber() throws Exception {
    assertThat(read("{\"prompt_tokens\":12.0,\"completion_tokens\":5}").orElseThrow())
        .isEqualTo(TokenUsage.of(12, 5, UsageSource.PROVIDER));
  }

  @Test
  void nullCountReadsAsZero() throws Exception {
    assertThat(read("{\"prompt_tokens\":12,\"completion_tokens\":null}").orElseThrow())
        .isEqualTo(TokenUsage.of(12, 0, UsageSource.PROVIDER));
  }

  @Test
  void anthropicNegativeCacheIsIgnored() throws Exception {
    assertThat(read("{\"input_tokens\":10,\"output_tokens\":3,\"cache_read_input_tokens\":-2}"))
        .isEmpty();
  }
}
