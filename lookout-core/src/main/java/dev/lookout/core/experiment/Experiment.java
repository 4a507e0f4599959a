package dev.lookout.core.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A prompt experiment: variants with weights, a control, the metrics that decide it, the minimum
 * detectable effect and the time window. Validated when built.
 *
 * @param id letters, digits, {@code _}, {@code .} and {@code -}; salts the assignment hash
 * @param control name of the variant the others are compared with
 * @param variants at least two, unique names, weights that sum to more than 0
 * @param metrics names of the metrics that decide: built-in call fields ({@code cost_usd}, {@code
 *     latency_ms}, ...) or feedback names
 * @param mde minimum detectable effect relative to the control's mean, for example 0.05 for 5%;
 *     null when not set, and then no sample size is computed
 * @param start first instant of the experiment, or null for no lower bound
 * @param stop instant the experiment ends (exclusive), or null while it runs
 */
public record Experiment(
    String id,
    String control,
    List<Variant> variants,
    List<String> metrics,
    Double mde,
    Instant start,
    Instant stop) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  public Experiment {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "Invalid experiment id '"
              + id
              + "': use 1 to 128 letters, digits, '_', '.' or '-', for example checkout-prompt-v2");
    }
    variants = List.copyOf(variants == null ? List.of() : variants);
    metrics = List.copyOf(metrics == null ? List.of() : metrics);
    if (variants.size() < 2) {
      throw new IllegalArgumentException(
          "Experiment '" + id + "' needs at least two variants, got " + variants.size());
    }
    Set<String> names = new HashSet<>();
    double total = 0;
    for (Variant variant : variants) {
      if (!names.add(variant.name())) {
        throw new IllegalArgumentException(
            "Experiment '" + id + "' has two variants named '" + variant.name() + "'");
      }
      total += variant.weight();
    }
    if (Double.isInfinite(total)) {
      throw new IllegalArgumentException(
          "Experiment '"
              + id
              + "' has weights whose sum overflows a double; use smaller weights such as 0.5 and"
              + " 0.5");
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException(
          "Experiment '" + id + "' has weights that sum to 0; give at least one variant a weight");
    }
    if (control == null) {
      control = variants.get(0).name();
    }
    if (!names.contains(control)) {
      throw new IllegalArgumentException(
          "Control '"
              + control
              + "' of experiment '"
              + id
              + "' is not one of its variants "
              + names);
    }
    if (mde != null && !(mde > 0 && Double.isFinite(mde))) {
      throw new IllegalArgumentException(
          "mde of experiment '" + id + "' must be above 0, for example 0.05 for 5%, got " + mde);
    }
    if (start != null && stop != null && !stop.isAfter(start)) {
      throw new IllegalArgumentException(
          "Experiment '" + id + "' stops at " + stop + ", which is not after its start " + start);
    }
  }

  /** Returns an experiment with no metrics, no minimum detectable effect and no time window. */
  public static Experiment of(String id, String control, List<Variant> variants) {
    return new Experiment(id, control, variants, List.of(), null, null, null);
  }

  /** Returns the variant this user is assigned to; the same user always gets the same one. */
  public Variant assign(String userId) {
    if (userId == null) {
      throw new IllegalArgumentException(
          "Experiment '" + id + "' needs a user id to assign a variant");
    }
    return variants.get(Assignment.choose(variants, Assignment.bucket(id, userId)));
  }

  /** Returns the weights divided by their sum, in variant order. */
  public List<Double> normalisedWeights() {
    double total = variants.stream().mapToDouble(Variant::weight).sum();
    List<Double> shares = new ArrayList<>(variants.size());
    for (Variant variant : variants) {
      shares.add(variant.weight() / total);
    }
    return shares;
  }

  /** Returns the variant with this name. */
  public Optional<Variant> variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** Returns whether {@code now} lies in [start, stop). */
  public boolean runningAt(Instant now) {
    return (start == null || !now.isBefore(start)) && (stop == null || now.isBefore(stop));
  }
}
