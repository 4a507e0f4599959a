package dev.lookout.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Counts no real call reports are clamped, so they cannot overflow sums or costs. */
class UsageBoundsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TokenUsage read(String usage) throws Exception {
    return UsageReader.fromUsage(JSON.readTree(usage)).orElseThrow();
  }

  @Test
  void longMaxIsClamped() throws Exception {
    TokenUsage usage =
        read("{\"prompt_tokens\":9223372036854775807,\"completion_tokens\":9223372036854775807}");

    assertThat(usage.inputTokens()).isEqualTo(UsageReader.MAX_TOKENS);
    assertThat(usage.outputTokens()).isEqualTo(UsageReader.MAX_TOKENS);
  }

  @Test
  void hugeIntegerIsClamped() throws Exception {
    TokenUsage usage = read("{\"prompt_tokens\":1,\"completion_tokens\":99999999999999999999999}");

    assertThat(usage.outputTokens()).isEqualTo(UsageReader.MAX_TOKENS);
  }

  @Test
  void negativeCountIsZero() throws Exception {
    TokenUsage usage = read("{\"prompt_tokens\":-5,\"completion_tokens\":3}");

    assertThat(usage.inputTokens()).isZero();
  }
}
