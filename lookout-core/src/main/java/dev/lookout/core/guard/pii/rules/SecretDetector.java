package dev.lookout.core.guard.pii.rules;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.PiiType;
import dev.lookout.core.guard.pii.SpanDetector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials by their published token formats: AWS access key ids ({@code AKIA}, {@code
 * ASIA} and related prefixes) and the 40-character secret keys written near one, GitHub tokens
 * ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_}, {@code github_pat_}),
 * Slack tokens ({@code xoxb-} and the other {@code xox} kinds), OpenAI and Anthropic style keys
 * ({@code sk-…}), JSON Web Tokens whose header decodes to JSON, and PEM private key blocks.
 */
public final class SecretDetector implements SpanDetector {
  private static final List<String> AWS_PREFIXES =
      List.of("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA");
  private static final Pattern AWS_KEY_ID =
      Pattern.compile(
          "(?<![A-Z0-9])(?:" + String.join("|", AWS_PREFIXES) + ")[A-Z0-9]{16}(?![A-Z0-9])");

  /**
   * Forty base64 chars, not part of a longer run. An "=" may come before, as in an environment file
   * ("AWS_SECRET_ACCESS_KEY=..."), but not after, where it pads a longer base64 value.
   */
  private static final Pattern AWS_SECRET =
      Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");

  private static final ContextWords AWS_SECRET_CONTEXT =
      new ContextWords(
          // Stars keep substring matching: the names sit inside identifiers such as AWS_SECRET_KEY.
          List.of("*aws_secret*", "*secret_access_key*", "*secretaccesskey*", "*akia*"), 80, 0);
  private static final Pattern GITHUB =
      Pattern.compile(
          "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])");
  private static final Pattern SLACK =
      Pattern.compile("(?<![A-Za-z0-9])xox[abposre]-[A-Za-z0-9-]{10,}(?![A-Za-z0-9-])");
  private static final Pattern SK_KEY =
      Pattern.compile("(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])");
  private static final Pattern JWT =
      Pattern.compile(
          "(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{4,})\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{8,}(?![A-Za-z0-9_-])");
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY)-----[\\s\\S]*?-----END \\1-----");

  /**
   * Minimum Shannon entropy in bits per character for a 40-character AWS secret key candidate.
   * Random base64 of that length measures about 5 bits, and prose and placeholders far lower.
   */
  private static final double MIN_SECRET_ENTROPY = 4.0;

  @Override
  public Set<PiiType> types() {
    return Set.of(PiiType.SECRET);
  }

  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    // Each pattern runs only when its fixed prefix occurs, which keeps clean text cheap.
    boolean awsKeyId = hasAwsPrefix(text);
    if (awsKeyId) {
      addAll(findings, AWS_KEY_ID, text);
    }
    if (text.contains("gh") || text.contains("github_pat_")) {
      addAll(findings, GITHUB, text);
    }
    if (text.contains("xox")) {
      addAll(findings, SLACK, text);
    }
    if (text.contains("sk-")) {
      addAll(findings, SK_KEY, text);
    }
    if (text.contains("-----BEGIN ")) {
      addAll(findings, PEM, text);
    }
    if (text.contains("eyJ")) {
      Matcher jwt = JWT.matcher(text);
      while (jwt.find()) {
        if (jsonHeader(jwt.group(1))) {
          findings.add(finding(jwt.start(), jwt.end()));
        }
      }
    }
    if (awsKeyId || containsSecretWord(text)) {
      Matcher secret = AWS_SECRET.matcher(text);
      while (secret.find()) {
        if (AWS_SECRET_CONTEXT.near(text, secret.start(), secret.end())
            && entropy(secret.group()) >= MIN_SECRET_ENTROPY) {
          findings.add(finding(secret.start(), secret.end()));
        }
      }
    }
    return findings;
  }

  private static boolean hasAwsPrefix(String text) {
    for (String prefix : AWS_PREFIXES) {
      if (text.contains(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether {@code text} contains "secret" in any case, as {@code regionMatches} compares.
   */
  private static boolean containsSecretWord(String text) {
    String word = "secret";
    for (int i = 0; i + word.length() <= text.length(); i++) {
      char c = text.charAt(i);
      // Only these three chars equal 's' when case is ignored, so the slower comparison runs only
      // after one of them.
      if ((c == 's' || c == 'S' || c == '\u017f')
          && text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  private static void addAll(List<Finding> findings, Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      findings.add(finding(matcher.start(), matcher.end()));
    }
  }

  private static Finding finding(int start, int end) {
    return new Finding(PiiType.SECRET.name(), start, end, Scores.VALIDATED);
  }

  private static boolean jsonHeader(String encoded) {
    try {
      String header = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      return header.startsWith("{") && header.contains("\"alg\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Returns the Shannon entropy of {@code value} in bits per character. */
  static double entropy(String value) {
    int[] counts = new int[128];
    for (int i = 0; i < value.length(); i++) {
      counts[value.charAt(i) & 0x7f]++;
    }
    double entropy = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / value.length();
        entropy -= p * (Math.log(p) / Math.log(2));
      }
    }
    return entropy;
  }
}
