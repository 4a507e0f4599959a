package dev.lookout.core.guard.pii;

import dev.lookout.core.guard.Finding;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Rewrites a text with its findings replaced according to a {@link RedactionMode}. Instances are
 * immutable and thread-safe.
 *
 * <p>In {@link RedactionMode#HASH} mode the token is the first 32 bits of HMAC-SHA256 over the type
 * and the normalized value, in hex. Normalizing lower-cases e-mail addresses and IBANs, and keeps
 * only digits (and a leading {@code +}) of cards, phone numbers and SSNs, so that "4111 1111 1111
 * 1111" and "4111111111111111" give the same token. 32 bits keep tokens short and joinable; two
 * values share a token with a chance of about one in four billion per pair.
 */
public final class PiiRedactor {
  /** Minimum HMAC key length in bytes, the output size of SHA-256 halved. */
  public static final int MIN_KEY_BYTES = 16;

  private static final Set<PiiType> RULE_TYPES =
      EnumSet.of(
          PiiType.SECRET,
          PiiType.EMAIL,
          PiiType.CREDIT_CARD,
          PiiType.IBAN,
          PiiType.US_SSN,
          PiiType.IP_ADDRESS,
          PiiType.PHONE);

  private static final PiiDetector RULE_DETECTOR =
      new PiiDetector(PiiDetector.ruleDetectors(), RULE_TYPES);
  private static final PiiRedactor PLACEHOLDERS = new PiiRedactor(RedactionMode.PLACEHOLDER, null);

  private final RedactionMode mode;
  private final Mac prototype;

  /**
   * Creates a redactor. {@code hashKey} is required for {@link RedactionMode#HASH} and ignored
   * otherwise.
   *
   * @throws IllegalArgumentException if HASH mode gets no key or one shorter than {@link
   *     #MIN_KEY_BYTES}
   */
  public PiiRedactor(RedactionMode mode, byte[] hashKey) {
    this.mode = Objects.requireNonNull(mode, "mode");
    if (mode == RedactionMode.HASH) {
      if (hashKey == null || hashKey.length < MIN_KEY_BYTES) {
        throw new IllegalArgumentException(
            "PII hash redaction needs a key of at least "
                + MIN_KEY_BYTES
                + " bytes; set a longer random key in the configuration");
      }
      this.prototype = newMac(hashKey);
    } else {
      this.prototype = null;
    }
  }

  public RedactionMode mode() {
    return mode;
  }

  /**
   * Replaces the structured values and secrets in {@code text} with placeholders such as {@code
   * [EMAIL]}. It runs only the rule-based detectors (no name or address tagger), which suits error
   * messages and metadata: they are checked by checksums and formats, so ordinary text stays
   * readable.
   */
  public static String redactAll(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return PLACEHOLDERS.redact(text, RULE_DETECTOR.detect(text));
  }

  /**
   * Returns {@code text} with each finding replaced. Findings may come in any order; one that
   * overlaps an earlier replaced finding is skipped.
   */
  public String redact(String text, List<Finding> findings) {
    if (findings.isEmpty()) {
      return text;
    }
    List<Finding> ordered = new ArrayList<>(findings);
    ordered.sort(Comparator.comparingInt(Finding::start));
    StringBuilder out = new StringBuilder(text.length() + 16 * ordered.size());
    int position = 0;
    for (Finding finding : ordered) {
      if (finding.start() < position || finding.end() > text.length()) {
        continue;
      }
      out.append(text, position, finding.start());
      out.append(replacement(finding.type(), text.substring(finding.start(), finding.end())));
      position = finding.end();
    }
    out.append(text, position, text.length());
    return out.toString();
  }

  /** Returns what replaces {@code value}, a detected value of {@code type}, in this mode. */
  public String replacement(String type, String value) {
    switch (mode) {
      case PLACEHOLDER:
        return "[" + type + "]";
      case MASK:
        return mask(type, value);
      case HASH:
        return "[" + type + ":" + hash(type, value) + "]";
    }
    throw new AssertionError(mode);
  }

  private static String mask(String type, String value) {
    int keep = PiiType.CREDIT_CARD.name().equals(type) ? 4 : 0;
    char[] chars = value.toCharArray();
    int kept = 0;
    for (int i = chars.length - 1; i >= 0; i--) {
      if (Character.isLetterOrDigit(chars[i])) {
        if (kept < keep && Character.isDigit(chars[i])) {
          kept++;
        } else {
          chars[i] = '*';
        }
      }
    }
    return new String(chars);
  }

  private String hash(String type, String value) {
    Mac mac;
    try {
      mac = (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 of this Java runtime cannot be cloned", e);
    }
    mac.update(type.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    byte[] digest = mac.doFinal(normalize(type, value).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 4);
  }

  static String normalize(String type, String value) {
    PiiType known = PiiType.parseOrNull(type);
    if (known == null) {
      return value;
    }
    switch (known) {
      case EMAIL:
      case IBAN:
        return value.replace(" ", "").toLowerCase(Locale.ROOT);
      case CREDIT_CARD:
      case PHONE:
      case US_SSN:
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
          char c = value.charAt(i);
          if (Character.isDigit(c) || (c == '+' && digits.length() == 0)) {
            digits.append(c);
          }
        }
        return digits.toString();
      default:
        return value;
    }
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this Java runtime", e);
    }
  }
}
