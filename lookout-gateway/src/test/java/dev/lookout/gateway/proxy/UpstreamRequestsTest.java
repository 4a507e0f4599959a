package dev.lookout.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpstreamRequestsTest {
  @Test
  void bareHostKeepsPath() {
    assertThat(UpstreamRequests.upstreamUri("", "/v1/chat/completions"))
        .isEqualTo("/v1/chat/completions");
  }

  @Test
  void versionedBaseIsNotDoubled() {
    assertThat(UpstreamRequests.upstreamUri("/v1", "/v1/chat/completions"))
        .isEqualTo("/v1/chat/completions");
  }

  @Test
  void prefixedBaseIsKept() {
    assertThat(UpstreamRequests.upstreamUri("/openai", "/v1/models?limit=2"))
        .isEqualTo("/openai/v1/models?limit=2");
  }

  @Test
  void secretsAreScrubbed() {
    assertThat(Secrets.scrub("key sk-proj-AbC123xyz789 and Bearer abc.def-123456"))
        .isEqualTo("key [REDACTED_KEY] and [REDACTED_KEY]");
  }
}
