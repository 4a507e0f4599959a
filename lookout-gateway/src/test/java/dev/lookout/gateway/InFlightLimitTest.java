package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightLimitTest {
  @Test
  void ampleLimitKeepsConfigured() {
    assertThat(InFlightLimit.fit(6000, 1_048_576)).isEqualTo(6000);
  }

  @Test
  void tightLimitLeavesTwoHandlesPerCall() {
    assertThat(InFlightLimit.fit(6000, 10_000)).isEqualTo(4488);
  }

  @Test
  void smallLimitReservesAQuarter() {
    assertThat(InFlightLimit.fit(6000, 1024)).isEqualTo(384);
  }

  @Test
  void neededUsesSameReserveAsFit() {
    assertThat(InFlightLimit.needed(384, 1024)).isEqualTo(1024);
  }

  @Test
  void unknownLimitKeepsConfigured() {
    assertThat(InFlightLimit.fit(6000, -1)).isEqualTo(6000);
  }

  @Test
  void processLimitIsReported() {
    assertThat(InFlightLimit.processMaxHandles()).isNotZero();
  }
}
