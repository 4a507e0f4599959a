package dev.lookout.gateway.guard;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.GuardAction;
import dev.lookout.core.guard.GuardVerdict;
import dev.lookout.core.guard.pii.PiiGuard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Redacts personal data split over adjacent text parts of one content array, such as {@code "mail
 * bob@exa"} and {@code "mple.com now"}. A model reads such parts as one text, so the parts are
 * joined without a separator and checked whole. A value found across a join is replaced in the part
 * where it starts, and the rest of it is removed from the parts that follow, so the parts stay
 * parts and no part keeps a piece of it.
 *
 * <p>Joining can also merge two values that each part contains whole, as {@code "call 020 7946
 * 0958"} and {@code "020 7946 0959"} glue into one longer number. A value found across a join is
 * therefore dropped when the parts on both sides of that join each hold a value of their own within
 * it: the parts are read as two values, each redacted in its own part. Otherwise the value found
 * glued is redacted together with every value of a single part that it overlaps, so no cut falls
 * inside a value that one part contains.
 */
final class SplitValues {
  private SplitValues() {}

  /**
   * One part's new text and the verdicts that produced it.
   *
   * @param text the part with the values in it redacted and the pieces of a value that began in an
   *     earlier part removed
   * @param verdicts the redactions made, for the call's record
   */
  record Part(String text, List<GuardVerdict> verdicts) {}

  /** A span of the joined text to redact as one value, of {@code type}. */
  private record Span(int start, int end, String type, double score) {}

  /**
   * Returns the new text of each content part that a value split over adjacent parts touches, by
   * slot: {@code slots} are grouped by their run, and each run of two parts or more is resolved.
   */
  static Map<RequestTexts.Slot, Part> byRun(
      List<RequestTexts.Slot> slots, Function<String, GuardVerdict> pii) {
    Map<Integer, List<RequestTexts.Slot>> runs = new LinkedHashMap<>();
    for (RequestTexts.Slot slot : slots) {
      if (slot.run() >= 0) {
        runs.computeIfAbsent(slot.run(), run -> new ArrayList<>()).add(slot);
      }
    }
    Map<RequestTexts.Slot, Part> parts = new IdentityHashMap<>();
    for (List<RequestTexts.Slot> run : runs.values()) {
      if (run.size() < 2) {
        continue;
      }
      List<Part> resolved = resolve(run.stream().map(RequestTexts.Slot::text).toList(), pii);
      for (int i = 0; resolved != null && i < run.size(); i++) {
        if (resolved.get(i) != null) {
          parts.put(run.get(i), resolved.get(i));
        }
      }
    }
    return parts;
  }

  /**
   * Returns the new text of each part, or null for a part that no split value touches, or null in
   * place of the list when no value is split.
   *
   * @param parts the texts of adjacent parts, in order
   * @param pii runs the PII guard on a text and returns its verdict
   */
  static List<Part> resolve(List<String> parts, Function<String, GuardVerdict> pii) {
    int count = parts.size();
    int[] offsets = new int[count + 1];
    StringBuilder joined = new StringBuilder();
    int nonEmpty = 0;
    for (int i = 0; i < count; i++) {
      offsets[i] = joined.length();
      joined.append(parts.get(i));
      nonEmpty += parts.get(i).isEmpty() ? 0 : 1;
    }
    offsets[count] = joined.length();
    if (nonEmpty < 2) {
      return null;
    }

    String text = joined.toString();
    List<Finding> crossing = new ArrayList<>();
    for (Finding finding : pii.apply(text).findings()) {
      if (finding.end() > finding.start()
          && partAt(offsets, finding.start()) != partAt(offsets, finding.end() - 1)) {
        crossing.add(finding);
      }
    }
    if (crossing.isEmpty()) {
      return null;
    }

    List<List<Finding>> own = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<Finding> shifted = new ArrayList<>();
      for (Finding finding : pii.apply(parts.get(i)).findings()) {
        shifted.add(
            new Finding(
                finding.type(),
                finding.start() + offsets[i],
                finding.end() + offsets[i],
                finding.score()));
      }
      own.add(shifted);
    }

    List<Span> spans = new ArrayList<>();
    for (Finding finding : crossing) {
      if (!joinsTwoValues(finding, offsets, own)) {
        spans.add(new Span(finding.start(), finding.end(), finding.type(), finding.score()));
      }
    }
    if (spans.isEmpty()) {
      return null;
    }
    spans = closeOver(spans, own);
    return compose(parts, offsets, text, spans, pii);
  }

  /**
   * Returns whether {@code finding}, found across at least one join, merges two values that the
   * parts on both sides of one of those joins hold on their own.
   */
  private static boolean joinsTwoValues(Finding finding, int[] offsets, List<List<Finding>> own) {
    for (int join = finding.start() + 1; join < finding.end(); join++) {
      int left = partAt(offsets, join - 1);
      int right = partAt(offsets, join);
      if (left == right) {
        continue;
      }
      boolean leftValue =
          overlapsAny(own.get(left), Math.max(finding.start(), offsets[left]), join);
      boolean rightValue =
          overlapsAny(own.get(right), join, Math.min(finding.end(), offsets[right + 1]));
      if (leftValue && rightValue) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the spans grown over every value of a single part they overlap, and over each other,
   * until none overlap: cutting a part inside one of its own values would leave a piece of it.
   */
  private static List<Span> closeOver(List<Span> spans, List<List<Finding>> own) {
    List<Span> all = new ArrayList<>(spans);
    for (List<Finding> findings : own) {
      for (Finding finding : findings) {
        all.add(new Span(finding.start(), finding.end(), null, finding.score()));
      }
    }
    all.sort(Comparator.comparingInt(Span::start));
    List<Span> merged = new ArrayList<>();
    Span current = null;
    for (Span span : all) {
      if (current != null && span.start() < current.end()) {
        String type = current.type() != null ? current.type() : span.type();
        current =
            new Span(
                current.start(),
                Math.max(current.end(), span.end()),
                type,
                Math.max(current.score(), span.score()));
      } else {
        if (current != null && current.type() != null) {
          merged.add(current);
        }
        current = span;
      }
    }
    if (current != null && current.type() != null) {
      merged.add(current);
    }
    return merged;
  }

  /** Builds the parts' new texts around the split values in {@code spans}. */
  private static List<Part> compose(
      List<String> parts,
      int[] offsets,
      String text,
      List<Span> spans,
      Function<String, GuardVerdict> pii) {
    List<Part> result = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      int from = offsets[i];
      int to = offsets[i + 1];
      int keepFrom = from;
      Span tail = null;
      for (Span span : spans) {
        if (span.start() < from && span.end() > from) {
          keepFrom = Math.min(span.end(), to);
        }
        if (span.start() >= from && span.start() < to) {
          tail = span;
        }
      }
      if (keepFrom == from && tail == null) {
        result.add(null);
        continue;
      }
      int keepTo = tail == null ? to : tail.start();
      List<GuardVerdict> verdicts = new ArrayList<>();
      StringBuilder out = new StringBuilder();
      if (keepFrom < keepTo) {
        GuardVerdict kept = pii.apply(text.substring(keepFrom, keepTo));
        if (kept.action() == GuardAction.REDACT) {
          verdicts.add(kept);
        }
        out.append(kept.text());
      }
      if (tail != null) {
        GuardVerdict value = replace(text.substring(tail.start(), tail.end()), tail, pii);
        verdicts.add(value);
        out.append(value.text());
      }
      result.add(new Part(out.toString(), verdicts));
    }
    return result;
  }

  /**
   * Returns the verdict that replaces {@code value}, a split value: the guard's own, so that mask
   * and hash modes apply, when it reads the value alone as one value, and a typed placeholder when
   * it does not, since the value's context is gone.
   */
  private static GuardVerdict replace(String value, Span span, Function<String, GuardVerdict> pii) {
    GuardVerdict alone = pii.apply(value);
    if (alone.action() == GuardAction.REDACT
        && alone.findings().size() == 1
        && alone.findings().get(0).start() == 0
        && alone.findings().get(0).end() == value.length()) {
      return alone;
    }
    return new GuardVerdict(
        PiiGuard.NAME,
        GuardAction.REDACT,
        List.of(PiiGuard.NAME + ":" + span.type()),
        "[" + span.type() + "]",
        List.of(new Finding(span.type(), 0, value.length(), span.score())));
  }

  private static boolean overlapsAny(List<Finding> findings, int start, int end) {
    for (Finding finding : findings) {
      if (finding.start() < end && finding.end() > start) {
        return true;
      }
    }
    return false;
  }

  /** Returns the part that contains character {@code position} of the joined text. */
  private static int partAt(int[] offsets, int position) {
    int part = 0;
    while (part + 1 < offsets.length - 1 && offsets[part + 1] <= position) {
      part++;
    }
    return part;
  }
}
