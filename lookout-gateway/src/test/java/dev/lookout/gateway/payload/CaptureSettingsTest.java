package dev.lookout.gateway.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.core.record.RequestIds;
import dev.lookout.store.payload.CaptureMode;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CaptureSettingsTest {
  private static CaptureSettings settings(double rate) {
    return new CaptureSettings(
        CaptureMode.FULL,
        rate,
        Map.of("t", new TemplateCapture(CaptureMode.REDACTED, 1.0)),
        UnaryOperator.identity());
  }

  @Test
  void halfRateCapturesAboutHalf() {
    CaptureSettings settings = settings(0.5);
    int captured = 0;
    for (int i = 0; i < 10_000; i++) {
      if (settings.decide(null, RequestIds.next()) != CaptureMode.OFF) {
        captured++;
      }
    }
    assertThat(captured).isBetween(4_700, 5_300);
  }

  @Test
  void sameIdSameDecision() {
    CaptureSettings settings = settings(0.5);
    for (int i = 0; i < 100; i++) {
      String id = RequestIds.next();
      assertThat(settings.decide(null, id)).isEqualTo(settings.decide(null, id));
    }
  }

  @Test
  void templateOverridesModeAndRate() {
    CaptureSettings settings = settings(0.0);

    assertThat(settings.decide("t", RequestIds.next())).isEqualTo(CaptureMode.REDACTED);
    assertThat(settings.decide("other", RequestIds.next())).isEqualTo(CaptureMode.OFF);
  }

  @Test
  void negativeRateIsRejected() {
    assertThatThrownBy(() -> settings(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capture.sample_rate");
  }
}
