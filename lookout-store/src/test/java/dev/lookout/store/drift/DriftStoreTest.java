package dev.lookout.store.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.drift.DriftCheck;
import dev.lookout.core.drift.DriftKey;
import dev.lookout.core.drift.DriftSample;
import dev.lookout.core.drift.DriftState;
import dev.lookout.core.drift.MmdResult;
import dev.lookout.core.drift.SampleText;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftStoreTest {
  private static final DriftKey KEY = new DriftKey("summary", "gpt-4o");

  @TempDir Path data;

  @Test
  void baselineSurvivesReopen() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore.open(store)
          .appendBaseline(KEY, 0, List.of(sample("a", 0.6f, 0.8f), sample("b", 1, 0)));
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      List<DriftSample> baseline = DriftStore.open(store).baselines().get(KEY);
      assertThat(baseline).extracting(DriftSample::text).containsExactly("a", "b");
      assertThat(baseline.get(0).embedding()).containsExactly(0.6f, 0.8f);
    }
  }

  @Test
  void cutTextWithEmojiSurvivesReopen() {
    // A cut through a surrogate pair would be read back with '?' in place of its half.
    String text = SampleText.cut("a".repeat(SampleText.MAX_CHARS - 1) + "\uD83D\uDE00 tail");
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore.open(store).appendBaseline(KEY, 0, List.of(sample(text, 1, 0)));
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      assertThat(DriftStore.open(store).baselines().get(KEY).get(0).text()).isEqualTo(text);
    }
  }

  @Test
  void windowKeepsLatestAcrossReopen() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore drift = DriftStore.open(store);
      drift.appendWindow(KEY, 0, List.of(sample("w0", 1, 0), sample("w1", 1, 0)), 3);
      drift.appendWindow(KEY, 2, List.of(sample("w2", 1, 0), sample("w3", 1, 0)), 3);
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore.StoredWindow window = DriftStore.open(store).windows().get(KEY);
      assertThat(window.samples()).extracting(DriftSample::text).containsExactly("w1", "w2", "w3");
      assertThat(window.nextPosition()).isEqualTo(4);
    }
  }

  @Test
  void resetDeletesWindow() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore drift = DriftStore.open(store);
      drift.appendBaseline(KEY, 0, List.of(sample("a", 1, 0)));
      drift.appendWindow(KEY, 0, List.of(sample("w0", 1, 0)), 3);
      drift.resetBaseline("summary", null);
      assertThat(drift.windows()).isEmpty();
    }
  }

  @Test
  void resetDeletesEveryModelOfTemplate() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore drift = DriftStore.open(store);
      drift.appendBaseline(KEY, 0, List.of(sample("a", 1, 0)));
      drift.appendBaseline(new DriftKey("summary", "claude"), 0, List.of(sample("b", 1, 0)));
      drift.appendBaseline(new DriftKey("other", "claude"), 0, List.of(sample("c", 1, 0)));
      assertThat(drift.resetBaseline("summary", null)).isEqualTo(2);
      assertThat(drift.baselineCounts()).containsOnlyKeys(new DriftKey("other", "claude"));
    }
  }

  @Test
  void replaceBaselineRenumbers() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore drift = DriftStore.open(store);
      drift.appendBaseline(KEY, 0, List.of(sample("old", 1, 0)));
      drift.replaceBaseline(KEY, List.of(sample("new1", 1, 0), sample("new2", 0, 1)));
      assertThat(drift.baselines().get(KEY))
          .extracting(DriftSample::text)
          .containsExactly("new1", "new2");
    }
  }

  @Test
  void latestCheckPerKey() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore drift = DriftStore.open(store);
      drift.appendCheck(check(Instant.parse("2026-12-04T10:00:00Z"), DriftState.STABLE));
      drift.appendCheck(check(Instant.parse("2026-12-04T11:00:00Z"), DriftState.DRIFTED));
      List<DriftCheck> latest = drift.latestChecks();
      assertThat(latest).hasSize(1);
      assertThat(latest.get(0).state()).isEqualTo(DriftState.DRIFTED);
      assertThat(latest.get(0).responsible().get(0).text()).isEqualTo("odd answer");
    }
  }

  @Test
  void replacedBaselineHasNoLatestCheck() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore drift = DriftStore.open(store);
      drift.appendBaseline(KEY, 0, List.of(sample("old", 1, 0)));
      drift.appendCheck(check(Instant.parse("2026-12-04T10:00:00Z"), DriftState.DRIFTED));
      drift.replaceBaseline(KEY, List.of(sample("new", 1, 0)));
      assertThat(drift.latestChecks()).isEmpty();
      assertThat(drift.history(null, Instant.EPOCH)).hasSize(1);
    }
  }

  @Test
  void resetBaselineHasNoLatestCheck() {
    DriftKey other = new DriftKey("summary", "claude");
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore drift = DriftStore.open(store);
      drift.appendCheck(check(Instant.parse("2026-12-04T10:00:00Z"), DriftState.DRIFTED));
      drift.appendCheck(check(other, Instant.parse("2026-12-04T10:00:00Z"), DriftState.STABLE));
      drift.resetBaseline("summary", "gpt-4o");
      assertThat(drift.latestChecks()).extracting(DriftCheck::key).containsExactly(other);
    }
  }

  @Test
  void checkAfterReplaceIsLatest() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore drift = DriftStore.open(store);
      drift.appendCheck(check(Instant.parse("2026-12-04T10:00:00Z"), DriftState.DRIFTED));
      drift.replaceBaseline(KEY, List.of(sample("new", 1, 0)));
      drift.appendCheck(check(Instant.parse("2026-12-04T11:00:00Z"), DriftState.STABLE));
      assertThat(drift.latestChecks())
          .extracting(DriftCheck::state)
          .containsExactly(DriftState.STABLE);
    }
  }

  @Test
  void testPartsSurviveReopen() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore.open(store)
          .appendCheck(check(Instant.parse("2026-12-04T10:00:00Z"), DriftState.DRIFTED));
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      MmdResult result = DriftStore.open(store).latestChecks().get(0).result();
      assertThat(result.profilePValue()).isEqualTo(0.2);
    }
  }

  @Test
  void phrasePValueSurvivesReopen() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore.open(store)
          .appendCheck(check(Instant.parse("2026-12-04T10:00:00Z"), DriftState.DRIFTED));
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      MmdResult result = DriftStore.open(store).latestChecks().get(0).result();
      assertThat(result.phrasePValue()).isEqualTo(0.3);
    }
  }

  @Test
  void checkWithoutProfileReadsNaN() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore drift = DriftStore.open(store);
      drift.appendCheck(
          new DriftCheck(
              KEY,
              Instant.parse("2026-12-04T10:00:00Z"),
              DriftState.STABLE,
              MmdResult.ofMmd(0.01, 0.5, 0.02, 500, 200, List.of()),
              List.of()));
      assertThat(drift.latestChecks().get(0).result().profilePValue()).isNaN();
    }
  }

  @Test
  void historyFiltersByTemplateAndTime() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore drift = DriftStore.open(store);
      drift.appendCheck(check(Instant.parse("2026-12-04T10:00:00Z"), DriftState.STABLE));
      drift.appendCheck(check(Instant.parse("2026-12-04T11:00:00Z"), DriftState.DRIFTED));
      assertThat(drift.history("summary", Instant.parse("2026-12-04T10:30:00Z"))).hasSize(1);
      assertThat(drift.history("other", Instant.EPOCH)).isEmpty();
      assertThat(drift.history(null, Instant.EPOCH)).hasSize(2);
    }
  }

  private static DriftCheck check(Instant at, DriftState state) {
    return check(KEY, at, state);
  }

  private static DriftCheck check(DriftKey key, Instant at, DriftState state) {
    return new DriftCheck(
        key,
        at,
        state,
        new MmdResult(0.02, 0.001, 0.01, 500, 200, List.of(), 0.0005, 3.5, 0.2, 41.5, 0.3),
        List.of(new DriftCheck.ResponsibleText("odd answer", 0.4)));
  }

  private static DriftSample sample(String text, float x, float y) {
    return new DriftSample(text, new float[] {x, y}, new float[] {0.5f});
  }
}
