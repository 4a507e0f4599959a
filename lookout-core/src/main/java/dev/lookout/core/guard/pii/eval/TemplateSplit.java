package dev.lookout.core.guard.pii.eval;

import dev.lookout.core.guard.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits labelled texts into training and validation sides by template, so that validation measures
 * how the detectors do on sentence templates they never saw. Each entity is replaced by its type in
 * angle brackets, and texts that are then identical form one template group, which always falls on
 * one side.
 *
 * <p>The split is stratified by entity type because some types occur in only a handful of
 * templates. Groups are visited in the order of the SHA-256 of their masked text, and a group goes
 * to validation while the type in it with the fewest groups overall still has fewer than {@link
 * #VALIDATION_PERCENT} percent of its groups (at least one) on that side. Groups without entities
 * go to validation when their hash falls in the first {@link #VALIDATION_PERCENT} percent. The same
 * input always gives the same split.
 */
public final class TemplateSplit {
  /** Target share of template groups, in percent, on the validation side. */
  public static final int VALIDATION_PERCENT = 20;

  private final List<LabelledText> training;
  private final List<LabelledText> validation;

  private TemplateSplit(List<LabelledText> training, List<LabelledText> validation) {
    this.training = List.copyOf(training);
    this.validation = List.copyOf(validation);
  }

  /** Splits {@code texts}, keeping their order within each side. */
  public static TemplateSplit of(List<LabelledText> texts) {
    Map<String, List<LabelledText>> groups = new LinkedHashMap<>();
    for (LabelledText text : texts) {
      groups.computeIfAbsent(mask(text), k -> new ArrayList<>()).add(text);
    }
    Map<String, Integer> groupsPerType = new HashMap<>();
    TreeMap<String, String> byHash = new TreeMap<>();
    for (String masked : groups.keySet()) {
      byHash.put(sha256(masked), masked);
      for (String type : types(groups.get(masked))) {
        groupsPerType.merge(type, 1, Integer::sum);
      }
    }
    Map<String, Integer> validationGroups = new HashMap<>();
    Set<String> validationTemplates = new TreeSet<>();
    for (Map.Entry<String, String> entry : byHash.entrySet()) {
      Set<String> types = types(groups.get(entry.getValue()));
      if (toValidation(entry.getKey(), types, groupsPerType, validationGroups)) {
        validationTemplates.add(entry.getValue());
        types.forEach(type -> validationGroups.merge(type, 1, Integer::sum));
      }
    }
    List<LabelledText> training = new ArrayList<>();
    List<LabelledText> validation = new ArrayList<>();
    for (LabelledText text : texts) {
      (validationTemplates.contains(mask(text)) ? validation : training).add(text);
    }
    return new TemplateSplit(training, validation);
  }

  private static boolean toValidation(
      String hash,
      Set<String> types,
      Map<String, Integer> groupsPerType,
      Map<String, Integer> validationGroups) {
    if (types.isEmpty()) {
      return Integer.parseInt(hash.substring(0, 4), 16) % 100 < VALIDATION_PERCENT;
    }
    String rarest = types.stream().min(Comparator.comparingInt(groupsPerType::get)).orElseThrow();
    int quota = Math.max(1, Math.round(groupsPerType.get(rarest) * VALIDATION_PERCENT / 100f));
    return validationGroups.getOrDefault(rarest, 0) < quota;
  }

  public List<LabelledText> training() {
    return training;
  }

  public List<LabelledText> validation() {
    return validation;
  }

  private static Set<String> types(List<LabelledText> group) {
    Set<String> types = new TreeSet<>();
    for (Finding entity : group.get(0).entities()) {
      types.add(entity.type());
    }
    return types;
  }

  /** Returns the text with every entity replaced by {@code <TYPE>}. */
  static String mask(LabelledText text) {
    List<Finding> entities = new ArrayList<>(text.entities());
    entities.sort(Comparator.comparingInt(Finding::start));
    StringBuilder masked = new StringBuilder();
    int position = 0;
    for (Finding entity : entities) {
      if (entity.start() < position) {
        continue;
      }
      masked.append(text.text(), position, entity.start()).append('<').append(entity.type());
      masked.append('>');
      position = entity.end();
    }
    masked.append(text.text().substring(position));
    return masked.toString();
  }

  private static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
