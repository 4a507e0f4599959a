package dev.lookout.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  private static final String[] URLS = {
    "--direct", "http://127.0.0.1:9001/", "--gateway", "http://127.0.0.1:9002"
  };

  @Test
  void defaultsApplyWhenOnlyUrlsGiven() {
    BenchOptions options = BenchOptions.parse(URLS);

    assertThat(options.direct()).isEqualTo(URI.create("http://127.0.0.1:9001"));
    assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:9002"));
    assertThat(options.path()).isEqualTo("/v1/chat/completions");
    assertThat(options.ratePerSecond()).isEqualTo(200.0);
    assertThat(options.phase()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.rounds()).isEqualTo(2);
    assertThat(options.maxInFlight()).isEqualTo(64);
    assertThat(options.stream()).isFalse();
    assertThat(options.markdownOut()).isEmpty();
  }

  @Test
  void explicitValuesOverrideDefaults() {
    BenchOptions options =
        BenchOptions.parse(
            "--direct",
            "http://127.0.0.1:1",
            "--gateway",
            "http://127.0.0.1:2",
            "--rate",
            "50.5",
            "--duration",
            "1.5",
            "--warmup",
            "0",
            "--rounds",
            "4",
            "--stream",
            "true",
            "--markdown-out",
            "out.md");

    assertThat(options.ratePerSecond()).isEqualTo(50.5);
    assertThat(options.phase()).isEqualTo(Duration.ofMillis(1500));
    assertThat(options.warmup()).isEqualTo(Duration.ZERO);
    assertThat(options.rounds()).isEqualTo(4);
    assertThat(options.stream()).isTrue();
    assertThat(options.markdownOut()).hasValueSatisfying(p -> assertThat(p).hasToString("out.md"));
  }

  @Test
  void requestsInRoundsRateTimesLength() {
    BenchOptions options = BenchOptions.parse(URLS);

    assertThat(options.requestsIn(Duration.ofSeconds(20))).isEqualTo(4000);
    assertThat(options.requestsIn(Duration.ofMillis(1))).isEqualTo(1);
  }

  @Test
  void missingGatewayIsRejected() {
    assertThatThrownBy(() -> BenchOptions.parse("--direct", "http://127.0.0.1:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--gateway");
  }

  @Test
  void unknownOptionIsRejected() {
    assertThatThrownBy(() -> BenchOptions.parse("--rps", "10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rps");
  }

  @Test
  void optionWithoutValueIsRejected() {
    assertThatThrownBy(() -> BenchOptions.parse(URLS[0], URLS[1], URLS[2], URLS[3], "--rate"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a value");
  }

  @Test
  void invalidValuesAreRejected() {
    String[][] cases = {
      {"--rate", "0"},
      {"--rate", "fast"},
      {"--duration", "0"},
      {"--warmup", "-1"},
      {"--rounds", "0"},
      {"--max-in-flight", "1.5"},
      {"--stream", "yes"},
    };
    for (String[] bad : cases) {
      assertThatThrownBy(
              () -> BenchOptions.parse(URLS[0], URLS[1], URLS[2], URLS[3], bad[0], bad[1]))
          .as("%s %s", bad[0], bad[1])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad[0]);
    }
  }

  @Test
  void nonHttpUrlIsRejected() {
    assertThatThrownBy(
            () -> BenchOptions.parse("--direct", "ftp://127.0.0.1", "--gateway", "http://x:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--direct");
  }
}
