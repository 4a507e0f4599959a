package dev.lookout.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.ExperimentData;
import dev.lookout.core.experiment.Feedback;
import dev.lookout.core.experiment.MetricKind;
import dev.lookout.core.experiment.Variant;
import dev.lookout.core.experiment.stats.SampleSummary;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.store.TestRecords;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentStoreTest {
  @TempDir Path dataDir;

  private static final Experiment EXPERIMENT =
      new Experiment(
          "e1",
          "a",
          List.of(new Variant("a", 1, null), new Variant("b", 1, null)),
          List.of("latency_ms", "error", "thumbs_up", "stars"),
          null,
          null,
          null);

  private static CallRecord call(
      String id, String user, String variant, double latency, boolean ok) {
    return CallRecord.builder()
        .requestId(id)
        .timestamp(TestRecords.T0)
        .status(ok ? CallStatus.SUCCESS : CallStatus.ERROR)
        .httpStatus(ok ? 200 : 500)
        .latencyMs(latency)
        .userId(user)
        .experimentId("e1")
        .variant(variant)
        .build();
  }

  @Test
  void feedbackNeedsStoredCall() {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir);
        DuckDbFeedbackStore feedback = DuckDbFeedbackStore.open(store)) {
      store.append(List.of(call("r1", "u1", "a", 10, true)));
      Instant now = Instant.parse("2026-01-01T00:00:00Z");

      assertThat(feedback.record(Feedback.ofBoolean("r1", "thumbs_up", true, now))).isTrue();
      assertThat(feedback.record(Feedback.ofBoolean("nope", "thumbs_up", true, now))).isFalse();
      assertThat(feedback.find("r1"))
          .containsExactly(Feedback.ofBoolean("r1", "thumbs_up", true, now));
      assertThat(feedback.find("nope")).isEmpty();
    }
  }

  @Test
  void aggregatesPerVariant() {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir);
        DuckDbFeedbackStore feedback = DuckDbFeedbackStore.open(store)) {
      List<CallRecord> records = new ArrayList<>();
      records.add(call("a1", "u1", "a", 10, true));
      records.add(call("a2", "u1", "a", 20, true));
      records.add(call("a3", "u2", "a", 99, false));
      records.add(call("b1", "u3", "b", 30, true));
      records.add(call("b2", "u4", "b", 50, true));
      records.add(call("x1", "u5", null, 1, true));
      store.append(records);
      Instant t = Instant.parse("2026-01-01T00:00:00Z");
      feedback.record(Feedback.ofBoolean("a1", "thumbs_up", false, t));
      // A later score replaces an earlier one of the same name.
      feedback.record(Feedback.ofBoolean("a1", "thumbs_up", true, t.plusSeconds(1)));
      feedback.record(Feedback.ofBoolean("b1", "thumbs_up", false, t));
      feedback.record(Feedback.ofNumber("b2", "stars", 4, t));

      ExperimentData data = new DuckDbExperimentQueries(store).data(EXPERIMENT);

      assertThat(data.unitsPerVariant()).containsEntry("a", 2L).containsEntry("b", 2L);
      assertThat(data.metrics().get("latency_ms").get("a")).isEqualTo(SampleSummary.of(10, 20));
      assertThat(data.metrics().get("error").get("a").sum()).isCloseTo(1.0, within(0.0));
      assertThat(data.metrics().get("error").get("a").n()).isEqualTo(3);
      assertThat(data.metrics().get("thumbs_up").get("a")).isEqualTo(SampleSummary.of(1));
      assertThat(data.metrics().get("thumbs_up").get("b")).isEqualTo(SampleSummary.of(0));
      assertThat(data.kinds().get("thumbs_up")).isEqualTo(MetricKind.RATE);
      assertThat(data.kinds().get("stars")).isEqualTo(MetricKind.MEAN);
      assertThat(data.kinds().get("latency_ms")).isEqualTo(MetricKind.MEAN);
    }
  }

  @Test
  void windowExcludesLaterCalls() {
    Experiment ended =
        new Experiment(
            "e1",
            "a",
            EXPERIMENT.variants(),
            List.of("latency_ms"),
            null,
            TestRecords.T0.minusSeconds(60),
            TestRecords.T0);
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir);
        DuckDbFeedbackStore feedback = DuckDbFeedbackStore.open(store)) {
      store.append(List.of(call("a1", "u1", "a", 10, true)));
      ExperimentData data = new DuckDbExperimentQueries(store).data(ended);
      assertThat(data.unitsPerVariant()).isEmpty();
    }
  }
}
