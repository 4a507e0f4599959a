package dev.lookout.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  private static final String[] TARGETS = {
    "--target", "direct=http://127.0.0.1:9001/", "--target", "lookout=http://127.0.0.1:9002"
  };

  private static BenchOptions parse(String... extra) {
    String[] args = new String[TARGETS.length + extra.length];
    System.arraycopy(TARGETS, 0, args, 0, TARGETS.length);
    System.arraycopy(extra, 0, args, TARGETS.length, extra.length);
    return BenchOptions.parse(args);
  }

  @Test
  void defaultsApplyWhenOnlyTargetsGiven() {
    BenchOptions options = parse();

    assertThat(options.targets()).extracting(Target::name).containsExactly("direct", "lookout");
    assertThat(options.targets().get(0).baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9001"));
    assertThat(options.path()).isEqualTo("/v1/chat/completions");
    assertThat(options.rates()).containsExactly(500.0, 1000.0, 2000.0, 4000.0);
    assertThat(options.kinds()).containsExactly(false, true);
    assertThat(options.closedLoop()).isTrue();
    assertThat(options.phase()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.rounds()).isEqualTo(2);
    assertThat(options.openStreams()).isZero();
    assertThat(options.markdownOut()).isEmpty();
  }

  @Test
  void headersAndPidsAttachToTheirTarget() {
    BenchOptions options =
        parse(
            "--target",
            "portkey=http://127.0.0.1:9003",
            "--header",
            "portkey=x-portkey-custom-host:http://127.0.0.1:9001/v1",
            "--header",
            "portkey=x-portkey-provider:openai",
            "--pid",
            "lookout=42");

    Target portkey = options.targets().get(2);
    assertThat(portkey.headers())
        .isEqualTo(
            Map.of(
                "x-portkey-custom-host", "http://127.0.0.1:9001/v1",
                "x-portkey-provider", "openai"));
    assertThat(options.targets().get(1).pid()).isEqualTo(42);
    assertThat(portkey.pid()).isZero();
  }

  @Test
  void casesRunClosedLoopThenRisingRatesPerKind() {
    List<String> labels =
        parse("--rates", "100,200", "--kinds", "stream").cases().stream()
            .map(LoadCase::label)
            .toList();

    assertThat(labels).containsExactly("stream concurrency 1", "stream 100/s", "stream 200/s");
  }

  @Test
  void closedLoopCanBeLeftOut() {
    List<LoadCase> cases = parse("--rates", "100", "--closed-loop", "false").cases();

    assertThat(cases).extracting(LoadCase::label).containsExactly("plain 100/s", "stream 100/s");
  }

  @Test
  void requestsInRoundsRateTimesLength() {
    assertThat(BenchOptions.requestsIn(Duration.ofSeconds(20), 200)).isEqualTo(4000);
    assertThat(BenchOptions.requestsIn(Duration.ofMillis(1), 200)).isEqualTo(1);
  }

  @Test
  void singleTargetIsRejected() {
    assertThatThrownBy(() -> BenchOptions.parse("--target", "direct=http://127.0.0.1:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two --target");
  }

  @Test
  void headerForUnknownTargetIsRejected() {
    assertThatThrownBy(() -> parse("--header", "nobody=x-a:b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nobody'");
  }

  @Test
  void unknownOptionIsRejected() {
    assertThatThrownBy(() -> BenchOptions.parse("--rps", "10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rps");
  }

  @Test
  void optionWithoutValueIsRejected() {
    assertThatThrownBy(() -> parse("--rates"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a value");
  }

  @Test
  void invalidValuesAreRejected() {
    String[][] cases = {
      {"--rates", "0"},
      {"--rates", "100,fast"},
      {"--kinds", "plain,chunked"},
      {"--duration", "0"},
      {"--warmup", "-1"},
      {"--rounds", "0"},
      {"--max-in-flight", "1.5"},
      {"--closed-loop", "yes"},
      {"--open-streams", "-1"},
      {"--pid", "lookout=abc"},
      {"--header", "lookout=no-colon"},
    };
    for (String[] bad : cases) {
      assertThatThrownBy(() -> parse(bad[0], bad[1]))
          .as("%s %s", bad[0], bad[1])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad[0]);
    }
  }

  @Test
  void nonHttpUrlIsRejected() {
    assertThatThrownBy(
            () ->
                BenchOptions.parse(
                    "--target", "direct=ftp://127.0.0.1", "--target", "lookout=http://x:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--target direct");
  }
}
