package dev.lookout.core.guard.pii.rules;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.PiiType;
import dev.lookout.core.guard.pii.SpanDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds IPv4 addresses in dotted-decimal form and IPv6 addresses in the text forms of RFC 4291
 * section 2.2 (full, {@code ::}-compressed and with an embedded IPv4 tail). Each candidate is
 * parsed: IPv4 octets must be 0-255 without leading zeros, and IPv6 must have exactly eight groups
 * of one to four hex digits once {@code ::} is expanded. Version strings such as {@code 1.2.3.4.5},
 * {@code version 1.2.3.4}, {@code foo==1.2.3.4} or {@code 1.2.3.4-beta}, section numbers such as
 * {@code section 3.2.1.4} and clock times such as {@code 10:20:30} are not addresses.
 */
public final class IpAddressDetector implements SpanDetector {
  /**
   * A dotted quad with no word char or dot glued before it. A colon before it is checked in code
   * ({@link #colonAllows}), because a lookbehind for it in this pattern made the scan ten times
   * slower.
   */
  private static final Pattern V4 =
      Pattern.compile("\\d(?<![\\w.]\\d)\\d{0,2}(?:\\.\\d{1,3}){3}(?![\\w]|\\.\\d)");

  /** Maximum length, in chars, of the word before a colon that {@link #colonAllows} reads. */
  private static final int MAX_WORD_BEFORE_COLON = 40;

  /**
   * Words that, right before a dotted quad, make it a version or section number rather than an
   * address. Comparison signs are left out: "foo==1.2.3.4" pins a version, but "ip.src==10.0.0.1"
   * filters on an address, and so does "ssh -v 10.0.0.1" after a bare "v".
   */
  private static final List<String> VERSION_WORDS =
      List.of(
          "version",
          "versions",
          "ver",
          "revision",
          "rev",
          "release",
          "build",
          "firmware",
          "sdk",
          "bump to",
          "bumped to",
          "upgrade to",
          "upgraded to",
          "downgrade to",
          "downgraded to",
          "driver",
          "section",
          "sect",
          "clause",
          "chapter",
          "paragraph",
          "appendix",
          "article",
          "§");

  /** Words in a table column's header that make its dotted quads versions or identifiers. */
  private static final ContextWords COLUMN_WORDS =
      new ContextWords(
          List.of("version", "ver", "firmware", "build", "release", "revision", "sdk", "oid"),
          0,
          0);

  /**
   * A version requirement before a dotted quad, as in "foo==1.2.3.4" or "requests>=2.31.0.1", where
   * the name before the sign is a package's. A filter on an address ("ip.src==10.0.0.1", "where ip
   * >= 10.0.0.1") names the address field instead, so those names keep the address.
   */
  private static final Pattern REQUIREMENT_BEFORE =
      Pattern.compile("([\\w.\\[\\]-]+)\\s*(?:===|==|>=|<=|~=|!=|<|>)\\s*$");

  /** The second bound of a version range, as in "jax>=0.12.0.1,<0.13.0.0". */
  private static final Pattern SECOND_BOUND_BEFORE =
      Pattern.compile(
          "([\\w.\\[\\]-]+)\\s*(?:==|>=|<=|~=|!=|<|>)\\s*\\d+(?:\\.\\d+)+\\s*,\\s*(?:<=|>=|<|>|!=)\\s*$");

  /** Words that end in "ip" but name no address, so "chip" is no "realip". */
  private static final Set<String> WORDS_ENDING_IN_IP =
      Set.of(
          "chip", "ship", "tip", "zip", "skip", "clip", "flip", "strip", "equip", "pip", "whip",
          "drip", "grip", "trip", "slip", "dip", "hip", "lip", "rip", "snip", "scrip", "gossip");

  /** Parts of a name that make it an address field, as in "ip.src" or "node". */
  private static final Set<String> ADDRESS_PARTS =
      Set.of(
          "ip",
          "ipv4",
          "ipv6",
          "src",
          "dst",
          "srcip",
          "dstip",
          "sip",
          "dip",
          "saddr",
          "daddr",
          "from",
          "to",
          "peer",
          "nexthop",
          "hop",
          "dns",
          "nat",
          "vpn",
          "inet",
          "bind",
          "listen",
          "node",
          "target",
          "machine",
          "attacker",
          "victim",
          "vip",
          "gw",
          "lb",
          "resolver",
          "neighbor",
          "loopback",
          "mgmt",
          "ipmi",
          "bmc",
          "broker",
          "instance",
          "backend",
          "bastion",
          "orig",
          "resp",
          "agent",
          "xff",
          "forwarded");

  // NOTE: matched inside a part, so a package whose name contains one of these ("jupyter_server",
  // "source-map") keeps its four-part version reported as an address: a missed address leaks it,
  // a version redacted by mistake only hides it.
  /** Words inside a part that make a name an address field, as in "hostname" or "ipaddress". */
  private static final List<String> ADDRESS_PART_WORDS =
      List.of(
          "addr",
          "host",
          "server",
          "client",
          "remote",
          "gateway",
          "proxy",
          "router",
          "endpoint",
          "upstream",
          "source",
          "dest");

  /** A country calling code right before a dotted quad, as in "+32 2.123.45.67": a phone. */
  private static final Pattern COUNTRY_CODE_BEFORE = Pattern.compile("\\+\\d{1,3}[ .-]?$");

  /**
   * A pre-release tag right after a dotted quad, as in "1.2.3.4-beta", or the extension of an
   * archive or installer that the quad versions, as in "agent-11.16.39.197.tar.gz".
   */
  private static final Pattern VERSION_TAG_AFTER =
      Pattern.compile(
          "(?:[-+](?:alpha|beta|rc\\d*|snapshot|dev|pre|final|release)"
              + "|\\.(?:tar|tgz|zip|jar|war|whl|deb|rpm|apk|exe|msi|dmg|pkg|iso|img|nupkg))"
              + "(?![\\p{L}\\d])",
          Pattern.CASE_INSENSITIVE);

  /**
   * Spaces and punctuation between a version word and its number, as in "build: 10.1.2.3",
   * "APP_VERSION=12.18.26.2303" or {@code version: "3.15.22.2240"}.
   */
  private static final Pattern SEPARATORS_AT_END = Pattern.compile("[\\s:#.=\"'-]+$");

  private static final Pattern V6 =
      Pattern.compile("(?<![\\w:.])[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(?![\\w:])");

  @Override
  public Set<PiiType> types() {
    return Set.of(PiiType.IP_ADDRESS);
  }

  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    Matcher v4 = V4.matcher(text);
    TableColumn table = null;
    while (v4.find()) {
      if (colonAllows(text, v4.start())
          && validV4(v4.group())
          && !noHost(v4.group())
          && !versionBefore(text, v4.start())
          && !requirementBefore(text, v4.start())
          && !countryCodeBefore(text, v4.start())
          && !versionAfter(text, v4.end())
          && !rangeNetwork(v4.group(), text, v4.end())) {
        table = table == null ? new TableColumn(text) : table;
        if (!versionColumn(table.header(v4.start()))) {
          findings.add(
              new Finding(PiiType.IP_ADDRESS.name(), v4.start(), v4.end(), Scores.VALIDATED));
        }
      }
    }
    if (text.indexOf(':') < 0) {
      return findings;
    }
    Matcher v6 = V6.matcher(text);
    while (v6.find()) {
      String candidate = v6.group();
      int end = v6.end();
      if (candidate.endsWith(".")) {
        candidate = candidate.substring(0, candidate.length() - 1);
        end--;
      }
      // A prefix that ends in "::" before its length, as in "2001:db8:145::/48", names a network.
      boolean network = candidate.endsWith("::") && prefixLength(text, end) >= 0;
      if (validV6(candidate) && !network) {
        findings.add(new Finding(PiiType.IP_ADDRESS.name(), v6.start(), end, Scores.VALIDATED));
      }
    }
    return findings;
  }

  /**
   * Returns whether no colon comes right before {@code start}, or one comes after a whole ASCII
   * word with a letter past "f", as in the firewall log "src outside:64.89.245.5/2679". After hex
   * digits the colon ends an IPv6 group ("::ffff:192.0.2.1") or a clock time. After a name that
   * follows a slash it starts an image tag ("registry.local/api:5.7.9.84").
   */
  static boolean colonAllows(String text, int start) {
    if (start == 0 || text.charAt(start - 1) != ':') {
      return true;
    }
    int wordStart = start - 1;
    boolean pastF = false;
    while (wordStart > 0 && start - wordStart <= MAX_WORD_BEFORE_COLON) {
      char c = text.charAt(wordStart - 1);
      boolean asciiWord =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!asciiWord && c != '_' && c != '-') {
        break;
      }
      char lower = Character.toLowerCase(c);
      pastF |= lower > 'f' && lower <= 'z';
      wordStart--;
    }
    if (!pastF || wordStart == start - 1) {
      return false;
    }
    if (wordStart == 0) {
      return true;
    }
    char before = text.charAt(wordStart - 1);
    return Character.isWhitespace(before) || "([,;=".indexOf(before) >= 0;
  }

  /**
   * Returns whether a valid IPv4 quad followed by a prefix length is the network of a range, as in
   * "192.168.3.0/24" in a firewall rule: its host bits are all zero. A range names a network, not a
   * device. An interface's own address with its prefix, as in "inet 10.0.0.5/24", is kept.
   */
  static boolean rangeNetwork(String quad, String text, int end) {
    int prefix = prefixLength(text, end);
    if (prefix < 0 || prefix >= 32) {
      return false;
    }
    return (bits(quad) & ((1L << (32 - prefix)) - 1)) == 0;
  }

  /** Returns the prefix length written as "/n" at {@code end}, or -1 when there is none. */
  static int prefixLength(String text, int end) {
    if (end >= text.length() || text.charAt(end) != '/') {
      return -1;
    }
    int i = end + 1;
    while (i < text.length() && i <= end + 3 && Character.isDigit(text.charAt(i))) {
      i++;
    }
    boolean digits = i > end + 1;
    boolean bounded = i == text.length() || !Character.isLetterOrDigit(text.charAt(i));
    return digits && bounded ? Integer.parseInt(text.substring(end + 1, i)) : -1;
  }

  /**
   * Returns whether a valid IPv4 quad names no host: "0.0.0.0" (any address, or the default route)
   * and netmasks such as "255.255.255.0", whose bits are ones and then zeros. Configurations write
   * them beside every address, and they identify no one.
   */
  static boolean noHost(String quad) {
    long bits = bits(quad);
    if (bits == 0) {
      return true;
    }
    long inverted = ~bits & 0xFFFFFFFFL;
    return bits >= 0xFF000000L && (inverted & (inverted + 1)) == 0;
  }

  /**
   * Returns whether a version word ends just before {@code start}, as in "version 1.2.3.4" or
   * "section 3.2.1.4": four-part version and section numbers have the shape of an IPv4 address. A
   * quad glued to a letter, as in "v1.2.3.4", never matches {@link #V4} at all.
   */
  static boolean versionBefore(String text, int start) {
    String window = text.substring(Math.max(0, start - 16), start).toLowerCase(Locale.ROOT);
    String before = SEPARATORS_AT_END.matcher(window).replaceFirst("");
    for (String word : VERSION_WORDS) {
      if (before.endsWith(word)
          && (before.length() == word.length()
              || !Character.isLetter(word.charAt(0))
              || !Character.isLetter(before.charAt(before.length() - word.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether a table column's {@code header} names versions or object identifiers, as in a
   * "firmware" column of a device list or the "OID" column of SNMP counters, whose four-part values
   * have the shape of an address.
   */
  static boolean versionColumn(String header) {
    return COLUMN_WORDS.occursIn(header);
  }

  /** Returns the 32 bits of a valid IPv4 quad as an unsigned number. */
  private static long bits(String quad) {
    long bits = 0;
    for (String part : quad.split("\\.")) {
      bits = (bits << 8) | Integer.parseInt(part);
    }
    return bits;
  }

  /** Returns whether a package's version requirement ends just before {@code start}. */
  static boolean requirementBefore(String text, int start) {
    String before = text.substring(Math.max(0, start - 64), start);
    Matcher matcher = REQUIREMENT_BEFORE.matcher(before);
    if (!matcher.find()) {
      matcher = SECOND_BOUND_BEFORE.matcher(before);
      if (!matcher.find()) {
        return false;
      }
    }
    // A name in angle brackets, as in a chat log's "<james> 10.0.0.5", is a tag, not a bound.
    if (matcher.start(1) > 0
        && before.charAt(matcher.start(1) - 1) == '<'
        && before.stripTrailing().endsWith(">")) {
      return false;
    }
    // A name without a letter, as the "]" of "row['ip'] ==", names nothing a package could be.
    String name = matcher.group(1);
    return name.chars().anyMatch(Character::isLetter) && !addressField(name);
  }

  /**
   * Returns whether a name before a comparison names an address field. The name is split into parts
   * at punctuation, digits and camel-case humps, and one part must be an address word or contain a
   * longer one, so "ip.src" and "remoteAddr" count while "protobuf" (which contains "to") does not.
   */
  static boolean addressField(String name) {
    for (String part : nameParts(name)) {
      if (ADDRESS_PARTS.contains(part)
          || (part.length() > 2 && part.endsWith("ip") && !WORDS_ENDING_IN_IP.contains(part))) {
        return true;
      }
      for (String word : ADDRESS_PART_WORDS) {
        if (part.contains(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Splits a name into lower-case parts: "remoteAddr" and "remote_addr" both give remote, addr. */
  private static List<String> nameParts(String name) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetter(c)) {
        addPart(parts, part);
        continue;
      }
      boolean hump =
          Character.isUpperCase(c)
              && part.length() > 0
              && (Character.isLowerCase(name.charAt(i - 1))
                  || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))));
      if (hump) {
        addPart(parts, part);
      }
      part.append(Character.toLowerCase(c));
    }
    addPart(parts, part);
    return parts;
  }

  private static void addPart(List<String> parts, StringBuilder part) {
    if (part.length() > 0) {
      parts.add(part.toString());
      part.setLength(0);
    }
  }

  /** Returns whether a country calling code such as "+32 " ends just before {@code start}. */
  static boolean countryCodeBefore(String text, int start) {
    return COUNTRY_CODE_BEFORE.matcher(text.substring(Math.max(0, start - 6), start)).find();
  }

  /** Returns whether a pre-release tag such as "-beta" follows the quad ending at {@code end}. */
  static boolean versionAfter(String text, int end) {
    return VERSION_TAG_AFTER.matcher(text).region(end, text.length()).lookingAt();
  }

  /** Returns whether {@code candidate} is a dotted-decimal IPv4 address. */
  public static boolean validV4(String candidate) {
    String[] parts = candidate.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        if (!Character.isDigit(part.charAt(i))) {
          return false;
        }
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether {@code candidate} is an IPv6 address in one of the RFC 4291 text forms. */
  public static boolean validV6(String candidate) {
    String body = candidate;
    int lastColon = candidate.lastIndexOf(':');
    String tail = candidate.substring(lastColon + 1);
    if (tail.indexOf('.') >= 0) {
      if (!validV4(tail)) {
        return false;
      }
      // An embedded IPv4 address fills the last two groups.
      body = candidate.substring(0, lastColon + 1) + "0:0";
    }
    int compression = body.indexOf("::");
    if (compression < 0) {
      return countGroups(body) == 8;
    }
    if (body.indexOf("::", compression + 1) >= 0) {
      return false;
    }
    String head = body.substring(0, compression);
    String rest = body.substring(compression + 2);
    int headGroups = head.isEmpty() ? 0 : countGroups(head);
    int restGroups = rest.isEmpty() ? 0 : countGroups(rest);
    if (headGroups < 0 || restGroups < 0) {
      return false;
    }
    int total = headGroups + restGroups;
    // "::" stands for at least one zero group. Of the forms with fewer than two explicit groups,
    // only the loopback address "::1" is taken: "::" alone and others such as "::Abc" are more
    // often code, as in Ruby's "::Abc", than addresses.
    return (total <= 7 && total >= 2) || body.equals("::1");
  }

  /** Returns the number of hex groups in {@code part}, or -1 if one is empty or invalid. */
  private static int countGroups(String part) {
    String[] groups = part.split(":", -1);
    for (String group : groups) {
      if (group.isEmpty() || group.length() > 4) {
        return -1;
      }
      for (int i = 0; i < group.length(); i++) {
        if (Character.digit(group.charAt(i), 16) < 0) {
          return -1;
        }
      }
    }
    return groups.length;
  }
}
