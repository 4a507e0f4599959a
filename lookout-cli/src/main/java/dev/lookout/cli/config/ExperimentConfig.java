package dev.lookout.cli.config;

import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.Feedback;
import dev.lookout.core.experiment.Variant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the experiments of the {@code experiments:} list. A variant's weight defaults to 1, and
 * its prompt is either {@code template} text or {@code template_ref}, a file path relative to the
 * configuration file's folder. {@code start} and {@code stop} are ISO-8601 instants ({@code
 * 2026-12-01T09:00:00Z}) or dates, which mean midnight UTC.
 */
final class ExperimentConfig {
  private ExperimentConfig() {}

  static List<Experiment> from(List<ConfigFile.ExperimentEntry> entries, Path configFile) {
    if (entries == null) {
      return List.of();
    }
    Path folder =
        configFile == null || configFile.toAbsolutePath().getParent() == null
            ? Path.of(".")
            : configFile.toAbsolutePath().getParent();
    List<Experiment> experiments = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      ConfigFile.ExperimentEntry entry = entries.get(i);
      String key = "experiments[" + i + "]";
      try {
        Experiment experiment = experiment(entry, key, folder);
        if (!ids.add(experiment.id())) {
          throw new IllegalArgumentException("id '" + experiment.id() + "' is used twice");
        }
        experiments.add(experiment);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
      }
    }
    return experiments;
  }

  private static Experiment experiment(ConfigFile.ExperimentEntry entry, String key, Path folder) {
    if (entry.variants() == null) {
      throw new IllegalArgumentException("variants is missing; list at least two variants");
    }
    List<Variant> variants = new ArrayList<>();
    for (int v = 0; v < entry.variants().size(); v++) {
      ConfigFile.VariantEntry variant = entry.variants().get(v);
      String variantKey = "variants[" + v + "]";
      if (variant.template() != null && variant.templateRef() != null) {
        throw new IllegalArgumentException(
            variantKey + " sets both template and template_ref; keep one");
      }
      String template =
          variant.templateRef() == null
              ? variant.template()
              : readTemplate(folder.resolve(variant.templateRef()), variantKey);
      double weight = variant.weight() == null ? 1.0 : variant.weight();
      variants.add(new Variant(variant.name(), weight, template));
    }
    List<String> metrics = entry.metrics() == null ? List.of() : entry.metrics();
    for (int m = 0; m < metrics.size(); m++) {
      if (!Feedback.validName(metrics.get(m))) {
        throw new IllegalArgumentException(
            "metrics["
                + m
                + "] '"
                + metrics.get(m)
                + "' can never receive feedback: use 1 to "
                + Feedback.MAX_NAME_CHARS
                + " letters, digits, '_', '.' or '-', for example thumbs_up or latency_ms");
      }
    }
    return new Experiment(
        entry.id(),
        entry.control(),
        variants,
        entry.metrics(),
        entry.mde(),
        instant(entry.start(), "start"),
        instant(entry.stop(), "stop"));
  }

  private static String readTemplate(Path file, String key) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          key + ".template_ref: cannot read " + file.toAbsolutePath() + " (" + e + ")", e);
    }
  }

  private static Instant instant(String text, String key) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return text.contains("T")
          ? Instant.parse(text.trim())
          : LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          key
              + " must be an ISO-8601 time such as 2026-12-01T09:00:00Z or a date such as"
              + " 2026-12-01, got '"
              + text
              + "'",
          e);
    }
  }
}
