package dev.lookout.core.guard.pii.rules;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.PiiType;
import dev.lookout.core.guard.pii.SpanDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses in the common {@code local@domain.tld} form and checks the limits of RFC
 * 5321 and RFC 1035: a local part of at most 64 characters without leading, trailing or doubled
 * dots, and domain labels of 1 to 63 characters that neither start nor end with a hyphen, under a
 * top-level domain of the Public Suffix List or a name private networks use ({@code local}, {@code
 * internal}, {@code corp}), so {@code x@np.linalg} in Python code is no address. A top-level domain
 * outside ASCII is not checked. Letters of any script are accepted in both parts (RFC 6531), and an
 * apostrophe inside the local part, as in {@code o'brien}. A "domain" that ends in an image file
 * extension, as in {@code icon@2x.png}, is a file name. A quoted local part, as in {@code "john
 * smith"@example.com}, counts when its quotes are on one line with at most 64 characters between
 * them. IP-literal domains are not detected.
 */
public final class EmailDetector implements SpanDetector {
  /** Letters of any script with their combining marks, and digits. */
  private static final String ALNUM = "\\p{L}\\p{M}\\p{N}";

  /** Labels and a top-level domain, not followed by a character that would continue them. */
  private static final String DOMAIN_SYNTAX =
      "(?:[" + ALNUM + "-]{1,63}\\.)+[\\p{L}\\p{M}]{2,24}(?![" + ALNUM + "_-])";

  // An apostrophe may not start the local part: in "'a@b.com'" it is a quotation mark.
  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<!["
              + ALNUM
              + "._%+-])(["
              + ALNUM
              + "._%+-]["
              + ALNUM
              + "._%+'-]{0,63})"
              + "@("
              + DOMAIN_SYNTAX
              + ")");

  /** A domain right after the '@' of a quoted local part. */
  private static final Pattern DOMAIN = Pattern.compile(DOMAIN_SYNTAX);

  /**
   * Returns where the local part starts once leading characters of a script written without spaces
   * are cut off, when the rest of it is Latin: in "メールはmaria@example.jp" the address starts at
   * "maria". A local part written wholly in such a script is kept.
   */
  static int trimStart(String text, int start, int at) {
    int latin = start;
    while (latin < at && isUnspacedScript(text.charAt(latin))) {
      latin++;
    }
    return latin < at && isAsciiLetterOrDigit(text.charAt(latin)) ? latin : start;
  }

  /**
   * Returns where the domain ends once trailing characters of a script written without spaces are
   * cut off, when they follow a Latin letter: "maria@example.jpまで" ends after "jp".
   */
  static int trimEnd(String text, int at, int end) {
    int latin = end;
    while (latin > at + 1 && isUnspacedScript(text.charAt(latin - 1))) {
      latin--;
    }
    return latin < end && isAsciiLetterOrDigit(text.charAt(latin - 1)) ? latin : end;
  }

  private static boolean isUnspacedScript(char c) {
    // The kana length mark "ー" belongs to no script, so the CJK and kana blocks count as a whole.
    if (c >= '\u3000' && c <= '\u9fff') {
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || script == Character.UnicodeScript.THAI;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static final String TOP_LEVEL_DOMAINS_RESOURCE =
      "/dev/lookout/core/guard/pii/rules/tlds.txt";

  /** Top-level domains, in Unicode and in ASCII (punycode) form, lower case. */
  private static final Set<String> TOP_LEVEL_DOMAINS = topLevelDomains();

  /**
   * Names used as top-level domains outside the public list: RFC 2606 reserves test, example,
   * invalid and localhost, RFC 6762 gives local to multicast DNS, and the rest are common on
   * company networks.
   */
  private static final List<String> PRIVATE_TOP_LEVEL_DOMAINS =
      List.of(
          "local",
          "localhost",
          "localdomain",
          "internal",
          "intranet",
          "lan",
          "corp",
          "home",
          "private",
          "test",
          "example",
          "invalid");

  /**
   * File extensions that are also top-level domains but rarely end a mail domain, as in
   * "backup@2024.zip" or "Main@v2.java".
   */
  private static final Set<String> FILE_EXTENSIONS = Set.of("zip", "mov", "java", "py", "md", "sh");

  /** Image file extensions, which follow an '@' in names such as "logo@3x.png". */
  private static final Set<String> IMAGE_EXTENSIONS =
      Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp");

  /** Most '@' signs examined in one text. */
  static final int MAX_AT_SIGNS = 5_000;

  @Override
  public Set<PiiType> types() {
    return Set.of(PiiType.EMAIL);
  }

  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    if (text.indexOf('@') < 0) {
      return findings;
    }
    // An event's UID has the form of an address, and only a calendar's text has events.
    boolean calendar = text.contains("BEGIN:V");
    // The pattern runs only on a window around each '@', not over the whole text.
    Matcher matcher = CANDIDATE.matcher(text);
    int searched = 0;
    int examined = 0;
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      // NOTE: a text with more '@' signs than this is scanned only up to the limit, so that
      // '@'-stuffed input cannot cost seconds; later addresses in it are not found.
      if (++examined > MAX_AT_SIGNS) {
        break;
      }
      int quoted = quotedStart(text, at);
      if (quoted >= searched) {
        int end = quotedDomainEnd(text, at);
        if (end > at) {
          findings.add(new Finding(PiiType.EMAIL.name(), quoted, end, Scores.VALIDATED));
          searched = end;
          continue;
        }
      }
      int from = Math.max(searched, at - 64);
      int to = Math.min(text.length(), at + 256);
      matcher.region(from, to);
      matcher.useTransparentBounds(true);
      if (matcher.find() && matcher.start() <= at) {
        int start = trimStart(text, matcher.start(), at);
        int end = trimEnd(text, at, matcher.end());
        if (validLocalPart(text.substring(start, at))
            && acceptedDomain(text, at, end)
            && !messageId(text, start)
            && !(calendar && calendarUid(text, start))
            && !sshLogin(text, start)) {
          findings.add(new Finding(PiiType.EMAIL.name(), start, end, Scores.VALIDATED));
        }
        searched = matcher.end();
      }
    }
    return findings;
  }

  /**
   * Returns where a quoted local part ending just before the '@' at {@code at} opens, or -1 when
   * the '@' follows no closing quote or the opening one is missing from the 64 characters before it
   * on the same line. A quote after a backslash is part of the local part.
   */
  static int quotedStart(String text, int at) {
    if (at < 3 || text.charAt(at - 1) != '"') {
      return -1;
    }
    for (int i = at - 2; i >= Math.max(0, at - 66); i--) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return -1;
      }
      if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        return i < at - 2 ? i : -1;
      }
    }
    return -1;
  }

  /** Returns where a valid domain after the '@' at {@code at} ends, or -1 when there is none. */
  private static int quotedDomainEnd(String text, int at) {
    Matcher domain = DOMAIN.matcher(text);
    domain.region(at + 1, Math.min(text.length(), at + 256));
    domain.useTransparentBounds(true);
    if (!domain.lookingAt()) {
      return -1;
    }
    int end = trimEnd(text, at, domain.end());
    return acceptedDomain(text, at, end) ? end : -1;
  }

  /** Returns whether {@code text[at + 1, end)} is a valid domain that no code follows. */
  private static boolean acceptedDomain(String text, int at, int end) {
    return validDomain(text.substring(at + 1, end)) && !codeAfter(text, end);
  }

  /**
   * Returns whether {@code last}, lower case, is a top-level domain. A name outside ASCII passes
   * unchecked, because the shipped list may lag behind new internationalised domains, while code,
   * where "@" joins two names, is written in ASCII.
   */
  private static boolean knownTopLevelDomain(String last) {
    for (int i = 0; i < last.length(); i++) {
      if (last.charAt(i) > 0x7f) {
        return true;
      }
    }
    return TOP_LEVEL_DOMAINS.contains(last) || PRIVATE_TOP_LEVEL_DOMAINS.contains(last);
  }

  /** Header names whose values are message IDs, which have the form of an address. */
  private static final List<String> MESSAGE_ID_HEADERS =
      List.of("message-id", "message_id", "messageid", "in-reply-to", "references");

  /**
   * Returns whether the candidate at {@code start} is in angle brackets on a line that names a
   * message ID header, as in "Message-ID: &lt;12a80bf8.86075@mail.gmail.com&gt;". Such an ID names
   * a message, not a mailbox.
   */
  static boolean messageId(String text, int start) {
    if (start == 0 || text.charAt(start - 1) != '<') {
      return false;
    }
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    String line = text.substring(Math.max(lineStart, start - 200), start).toLowerCase(Locale.ROOT);
    for (String header : MESSAGE_ID_HEADERS) {
      if (line.contains(header)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether the candidate at {@code start} is the value of an iCalendar {@code UID}
   * property, as in "UID:6d418ae536@google.com": the calendar's ID of an event, written in the form
   * of an address but naming no mailbox. The property name, with any parameters, fills its line up
   * to the candidate. The caller checks that the text is a calendar ("BEGIN:VEVENT").
   */
  static boolean calendarUid(String text, int start) {
    if (start == 0 || text.charAt(start - 1) != ':') {
      return false;
    }
    // The name and its parameters take at most MAX_UID_PREFIX chars, so the line starts within
    // them. Reading no further keeps a long line of addresses linear.
    int from = Math.max(0, start - MAX_UID_PREFIX);
    int lineStart = start - 1;
    while (lineStart > from && text.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    if (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
      return false;
    }
    return CALENDAR_UID.matcher(text).region(lineStart, start).matches();
  }

  /**
   * An iCalendar UID property name, with optional parameters, up to its colon. iCalendar writes
   * property names in capitals, so a lower-case "uid:" is more often an LDAP or login record.
   */
  private static final Pattern CALENDAR_UID = Pattern.compile("[ \\t]*UID(?:;[^:\\n]{0,200})?:");

  /**
   * Maximum length, in chars, of {@link #CALENDAR_UID}: spaces, the name, parameters and the colon.
   */
  private static final int MAX_UID_PREFIX = 220;

  /**
   * Returns whether the candidate at {@code start} is the user and host of an SSH URL, as in
   * "git+ssh://git@github.com/org/repo.git": a login on a server, not a mailbox.
   */
  static boolean sshLogin(String text, int start) {
    return start >= 6 && text.regionMatches(true, start - 6, "ssh://", 0, 6);
  }

  /**
   * Returns whether the text right after a candidate shows it to be code: a call or subscript, as
   * in {@code x@W.to(device)}, or a path after a colon, as in {@code git@github.com:org/repo.git}.
   */
  static boolean codeAfter(String text, int end) {
    if (end >= text.length()) {
      return false;
    }
    char next = text.charAt(end);
    return next == '('
        || next == '['
        || (next == ':'
            && end + 1 < text.length()
            && !Character.isWhitespace(text.charAt(end + 1)));
  }

  static boolean validLocalPart(String local) {
    return !local.startsWith(".") && !local.endsWith(".") && !local.contains("..");
  }

  /** Returns whether a label has an upper-case letter after a lower-case one, as "mT" in code. */
  private static boolean camelCase(String label) {
    for (int i = 1; i < label.length(); i++) {
      if (Character.isUpperCase(label.charAt(i)) && Character.isLowerCase(label.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  static boolean validDomain(String domain) {
    if (domain.length() > 253) {
      return false;
    }
    String last = domain.substring(domain.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (IMAGE_EXTENSIONS.contains(last)
        || FILE_EXTENSIONS.contains(last)
        || !knownTopLevelDomain(last)) {
      return false;
    }
    for (String label : domain.split("\\.", -1)) {
      if (label.isEmpty() || label.startsWith("-") || label.endsWith("-") || camelCase(label)) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> topLevelDomains() {
    Set<String> domains = new HashSet<>();
    try (InputStream in = EmailDetector.class.getResourceAsStream(TOP_LEVEL_DOMAINS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "Top-level domain list not found on the classpath: " + TOP_LEVEL_DOMAINS_RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String domain = line.strip();
        if (domain.isEmpty() || domain.startsWith("#")) {
          continue;
        }
        domains.add(domain);
        domains.add(IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading " + TOP_LEVEL_DOMAINS_RESOURCE + " failed", e);
    }
    return Set.copyOf(domains);
  }
}
