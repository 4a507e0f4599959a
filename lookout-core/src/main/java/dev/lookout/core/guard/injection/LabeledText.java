package dev.lookout.core.guard.injection;

/**
 * One labelled example.
 *
 * @param text the prompt text
 * @param injection whether the text is an injection or jailbreak (label 1 in the data files)
 * @param source where the example comes from, for example {@code owner/repo/path}
 */
public record LabeledText(String text, boolean injection, String source) {}
