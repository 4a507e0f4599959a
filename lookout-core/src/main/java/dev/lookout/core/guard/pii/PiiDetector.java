package dev.lookout.core.guard.pii;

import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.rules.CreditCardDetector;
import dev.lookout.core.guard.pii.rules.EmailDetector;
import dev.lookout.core.guard.pii.rules.IbanDetector;
import dev.lookout.core.guard.pii.rules.IpAddressDetector;
import dev.lookout.core.guard.pii.rules.PhoneDetector;
import dev.lookout.core.guard.pii.rules.SecretDetector;
import dev.lookout.core.guard.pii.rules.SsnDetector;
import dev.lookout.core.guard.pii.tagger.EntityTagger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a set of {@link SpanDetector}s and merges their findings into one list of non-overlapping
 * spans, sorted by start. Only the enabled types are reported. The detectors read the text with
 * look-alike and invisible characters folded ({@link FoldedText}), and the spans are of the text as
 * given.
 *
 * <p>Overlaps are resolved greedily in a fixed order of trust: checksummed and strictly formatted
 * types first ({@code SECRET}, {@code EMAIL}, {@code IBAN}, {@code CREDIT_CARD}, {@code US_SSN},
 * {@code IP_ADDRESS}, {@code PHONE}), then the statistical ones ({@code PERSON}, {@code ADDRESS},
 * {@code LOCATION}). An IBAN comes before a card: a run of its digits can pass the Luhn check, as
 * one number in ten does, while the whole IBAN passed its country's length and a check that one
 * string in 97 passes. Within one type a higher score, then a longer span, wins. A finding that
 * overlaps one already kept is dropped, not trimmed. Instances are immutable and thread-safe.
 */
public final class PiiDetector {
  private static final List<PiiType> TRUST_ORDER =
      List.of(
          PiiType.SECRET,
          PiiType.EMAIL,
          PiiType.IBAN,
          PiiType.CREDIT_CARD,
          PiiType.US_SSN,
          PiiType.IP_ADDRESS,
          PiiType.PHONE,
          PiiType.PERSON,
          PiiType.ADDRESS,
          PiiType.LOCATION);

  /** Position of each type in {@link #TRUST_ORDER}, by ordinal. */
  private static final int[] TRUST_RANK = new int[PiiType.values().length];

  static {
    for (int i = 0; i < TRUST_ORDER.size(); i++) {
      TRUST_RANK[TRUST_ORDER.get(i).ordinal()] = i;
    }
  }

  private static final Comparator<Finding> PRIORITY =
      Comparator.<Finding>comparingInt(f -> TRUST_RANK[PiiType.valueOf(f.type()).ordinal()])
          .thenComparing(Comparator.comparingDouble(Finding::score).reversed())
          .thenComparing(Comparator.comparingInt((Finding f) -> f.end() - f.start()).reversed())
          .thenComparingInt(Finding::start);

  private final List<SpanDetector> detectors;
  private final Set<PiiType> enabled;

  /**
   * Creates a detector that runs those of {@code detectors} that can report an enabled type, and
   * keeps only findings of {@code enabled} types.
   */
  public PiiDetector(List<SpanDetector> detectors, Set<PiiType> enabled) {
    this.enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
    List<SpanDetector> used = new ArrayList<>();
    for (SpanDetector detector : detectors) {
      if (detector.types().stream().anyMatch(this.enabled::contains)) {
        used.add(detector);
      }
    }
    this.detectors = List.copyOf(used);
  }

  /**
   * Types enabled by {@link #defaults()}: the ones confirmed by a checksum, a parser or a fixed
   * format. The tagger's names and addresses are left out because it also tags everyday words such
   * as "test" or "Thanks" as names.
   */
  public static final Set<PiiType> DEFAULT_TYPES =
      Set.copyOf(
          EnumSet.of(
              PiiType.EMAIL,
              PiiType.PHONE,
              PiiType.CREDIT_CARD,
              PiiType.US_SSN,
              PiiType.IBAN,
              PiiType.IP_ADDRESS,
              PiiType.SECRET));

  /**
   * Types enabled by {@link #broad()}: every type except {@link PiiType#LOCATION}. Place names are
   * often not personal data, and the tagger finds them with low precision on sentence templates it
   * was not trained on.
   */
  public static final Set<PiiType> BROAD_TYPES =
      Set.copyOf(EnumSet.complementOf(EnumSet.of(PiiType.LOCATION)));

  /** Returns a detector of {@link #DEFAULT_TYPES}, with default phone regions. */
  public static PiiDetector defaults() {
    return withTypes(DEFAULT_TYPES);
  }

  /**
   * Returns a detector of {@link #BROAD_TYPES}, names and addresses included: for text that is
   * stored, where a word wrongly hidden costs less than a name kept.
   */
  public static PiiDetector broad() {
    return withTypes(BROAD_TYPES);
  }

  /** Returns a detector of {@code enabled} types, with the default detectors behind them. */
  public static PiiDetector withTypes(Set<PiiType> enabled) {
    return withTypes(enabled, PhoneDetector.DEFAULT_REGIONS);
  }

  /**
   * Returns a detector of {@code enabled} types whose phone detector tries the numbering plans of
   * {@code phoneRegions} (ISO 3166-1 alpha-2 codes, in order) for numbers without a country code.
   *
   * @throws IllegalArgumentException if a region is not one libphonenumber supports
   */
  public static PiiDetector withTypes(Set<PiiType> enabled, List<String> phoneRegions) {
    List<SpanDetector> detectors = new ArrayList<>(ruleDetectors(phoneRegions));
    Set<PiiType> tagged = EnumSet.of(PiiType.PERSON, PiiType.ADDRESS, PiiType.LOCATION);
    if (enabled.stream().anyMatch(tagged::contains)) {
      detectors.add(EntityTagger.bundled());
    }
    return new PiiDetector(detectors, enabled);
  }

  /** Returns the rule-based detectors with their default settings. */
  public static List<SpanDetector> ruleDetectors() {
    return ruleDetectors(PhoneDetector.DEFAULT_REGIONS);
  }

  private static List<SpanDetector> ruleDetectors(List<String> phoneRegions) {
    return List.of(
        new SecretDetector(),
        new EmailDetector(),
        new CreditCardDetector(),
        new IbanDetector(),
        new SsnDetector(),
        new IpAddressDetector(),
        new PhoneDetector(phoneRegions, Leniency.POSSIBLE));
  }

  /** Returns the types this detector reports. */
  public Set<PiiType> enabledTypes() {
    return enabled;
  }

  /** Returns the non-overlapping findings of enabled types in {@code text}, sorted by start. */
  public List<Finding> detect(String text) {
    FoldedText folded = FoldedText.of(text);
    String read = folded == null ? text : folded.text();
    List<Finding> candidates = new ArrayList<>();
    for (SpanDetector detector : detectors) {
      for (Finding finding : detector.detect(read)) {
        if (enabled.contains(PiiType.valueOf(finding.type()))) {
          candidates.add(folded == null ? finding : folded.original(finding));
        }
      }
    }
    return resolveOverlaps(candidates);
  }

  /** Keeps the most trusted of each group of overlapping findings; see the class comment. */
  static List<Finding> resolveOverlaps(List<Finding> candidates) {
    List<Finding> ordered = new ArrayList<>(candidates);
    ordered.sort(PRIORITY);
    // Accepted findings never overlap, so only the one that starts last before a candidate's end
    // can overlap it. A lookup per finding replaces a scan of all accepted ones.
    TreeMap<Integer, Finding> acceptedByStart = new TreeMap<>();
    for (Finding candidate : ordered) {
      Map.Entry<Integer, Finding> before = acceptedByStart.lowerEntry(candidate.end());
      if (before == null || before.getValue().end() <= candidate.start()) {
        acceptedByStart.put(candidate.start(), candidate);
      }
    }
    return new ArrayList<>(acceptedByStart.values());
  }
}
