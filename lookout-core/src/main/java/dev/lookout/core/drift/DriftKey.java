package dev.lookout.core.drift;

/**
 * Key of drift tracking: one prompt template served by one model.
 *
 * @param promptTemplate the call's prompt template, or {@code none} when it had none
 * @param model the model the call asked for
 */
public record DriftKey(String promptTemplate, String model) {
  /** Template name of calls that carried no template. */
  public static final String NO_TEMPLATE = "none";

  public DriftKey {
    promptTemplate =
        promptTemplate == null || promptTemplate.isEmpty() ? NO_TEMPLATE : promptTemplate;
    model = model == null || model.isEmpty() ? "unknown" : model;
  }
}
