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
}
