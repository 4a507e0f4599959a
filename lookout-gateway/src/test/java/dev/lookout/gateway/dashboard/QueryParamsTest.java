package dev.lookout.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryParamsTest {
  private static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");

  @Test
  void sinceAcceptsDuration() {
    assertThat(QueryParams.since("2h", NOW)).isEqualTo(Instant.parse("2026-12-04T16:00:00Z"));
  }

  @Test
  void sinceAcceptsIsoTime() {
    assertThat(QueryParams.since("2026-12-01T00:00:00Z", NOW))
        .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void sinceRejectsGarbage() {
    assertThatThrownBy(() -> QueryParams.since("yesterday", NOW)).hasMessageContaining("since");
  }

  @Test
  void autoBucketKeepsPointCountSmall() {
    Instant since = NOW.minus(Duration.ofHours(24));
    Duration bucket = QueryParams.bucket("auto", since, NOW);
    assertThat(Duration.ofHours(24).dividedBy(bucket)).isLessThanOrEqualTo(120);
  }

  @Test
  void autoBucketOfFifteenMinutes() {
    assertThat(QueryParams.bucket(null, NOW.minus(Duration.ofMinutes(15)), NOW))
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void bucketBelowOneSecondRejected() {
    assertThatThrownBy(() -> QueryParams.bucket("500ms", NOW, NOW))
        .hasMessageContaining("at least 1s");
  }

  @Test
  void limitOutOfRangeRejected() {
    assertThatThrownBy(() -> QueryParams.limit("0", 100, 500)).hasMessageContaining("1 to 500");
  }

  @Test
  void sinceHugeDurationRejected() {
    assertThatThrownBy(() -> QueryParams.since("99999999999d", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("since")
        .hasMessageContaining("3650d");
  }

  @Test
  void sinceHugeMillisRejected() {
    assertThatThrownBy(() -> QueryParams.since("9223372036854775807ms", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3650d");
  }

  @Test
  void sinceElevenYearsRejected() {
    assertThatThrownBy(() -> QueryParams.since("4015d", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 3650d");
  }

  @Test
  void untilErrorNamesUntil() {
    assertThatThrownBy(() -> QueryParams.time("until", "yesterday", NOW))
        .hasMessageStartingWith("Invalid until 'yesterday'");
  }

  @Test
  void hugeBucketRejected() {
    assertThatThrownBy(() -> QueryParams.bucket("99999999999d", NOW.minus(Duration.ofDays(1)), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bucket")
        .hasMessageContaining("366d");
  }

  @Test
  void yearBucketRejected() {
    assertThatThrownBy(() -> QueryParams.bucket("400d", NOW.minus(Duration.ofDays(1)), NOW))
        .hasMessageContaining("at most 366d");
  }

  @Test
  void beforeAcceptsRequestId() {
    String id = "0193a6b2-0000-7000-8000-000000000000";
    assertThat(QueryParams.before(id)).isEqualTo(id);
  }

  @Test
  void beforeRejectsNonsense() {
    assertThatThrownBy(() -> QueryParams.before("nonsense"))
        .hasMessageStartingWith("Invalid before 'nonsense'");
  }
}
