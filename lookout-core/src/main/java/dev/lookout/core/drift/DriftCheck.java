package dev.lookout.core.drift;

import java.time.Instant;
import java.util.List;

/**
 * One test of a window against its baseline, as reported and stored.
 *
 * @param key the template and model
 * @param checkedAt when the test ran
 * @param state the state the test decided
 * @param result the test's numbers
 * @param responsible the texts of the window entries farthest from the baseline, farthest first
 */
public record DriftCheck(
    DriftKey key,
    Instant checkedAt,
    DriftState state,
    MmdResult result,
    List<ResponsibleText> responsible) {

  public DriftCheck {
    responsible = List.copyOf(responsible);
  }

  /**
   * One window text with its distance from the baseline.
   *
   * @param text the response text, as stored
   * @param distance 1 minus its mean kernel similarity to the baseline, in [0, 1]
   */
  public record ResponsibleText(String text, double distance) {}
}
