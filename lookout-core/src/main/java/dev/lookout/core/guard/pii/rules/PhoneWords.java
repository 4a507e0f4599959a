package dev.lookout.core.guard.pii.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lookup of the words such as "phone", "fax" or "call" that support a number at a span of one text,
 * for {@link PhoneDetector}. Several checks of one run of digits call {@link #near} in turn (its
 * shape as an ID, a span of years, a label, a run too long for one number, then each number found
 * in it), and each lookup reads the words near, the label before a colon and the table column. So
 * the result for the last span is kept.
 *
 * <p>An instance serves one detect call on one thread, like the {@link TableColumn} it reads.
 */
final class PhoneWords {
  private static final ContextWords SUPPORT =
      new ContextWords(
          List.of(
              "*phone*",
              "tel",
              "tél",
              "ring",
              // Japanese writes no spaces between words, so these may run on at both ends.
              "*電話*",
              "*携帯*",
              "telno",
              "telnr",
              "tel-nr",
              "telefon*",
              "mobile*",
              "cell*",
              "fax*",
              "call*",
              "office*",
              "contact*",
              "*desk",
              "extension*",
              "hotline*",
              "móvil",
              "movil",
              "celular",
              "telemóvel",
              "telemovel",
              "cellulare",
              "mobil",
              "mobilnummer",
              "rufnummer*",
              "handynummer",
              "festnetz*",
              "mobiel",
              "tlf",
              "tfn",
              "teléfono",
              "telefono",
              "telefone",
              "cel",
              "điện thoại",
              "telepon",
              "τηλέφωνο",
              "τηλ",
              "телефон*",
              "тел",
              "טלפון",
              "هاتف",
              "फ़ोन",
              "फोन",
              "*전화*",
              "sms",
              "whatsapp",
              "messages to",
              "registered",
              "reach me",
              "dial*",
              "ext",
              "ligar",
              "ligue",
              "reached on",
              "reached at",
              "appelez",
              "appeler",
              "chiamare",
              "chiama",
              "aray*",
              "ph #",
              "ph#",
              "मोबाइल नंबर",
              "direct line",
              "direct_line",
              "landline*"),
          30,
          12);

  /**
   * A speaker's own number right before a span, as chat writes it: "mi número es 727953973", "my
   * number is", "mój numer to". The phrase must end just before the span, so "mon numéro de sécu"
   * names another number.
   */
  private static final Pattern OWN_NUMBER =
      Pattern.compile(
          "(?:\\bmy number|\\bmi n[úu]mero|\\bmeu n[úu]mero|\\bmon num[ée]ro|\\bil mio numero"
              + "|\\bmijn nummer|\\bmeine nummer|\\bm[óo]j numer|\\bmera number)"
              + "(?:\\s+(?:is|es|é|e|est|c'est|è|ist|to))?\\s*:?\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** An HL7 XTN use code and equipment type, read after a number. */
  private static final Pattern HL7_PHONE_USE =
      Pattern.compile("\\^(?:PRN|ORN|WPN|VHN|ASN|EMR|BPN)\\^(?:PH|CP|FX|BP|MD)\\b");

  /** Maximum length in chars of the e-mail address read by {@link #afterAddress}. */
  private static final int MAX_ADDRESS_CHARS = 80;

  /** The words that {@link #OWN_NUMBER} may end with, checked before the pattern runs. */
  private static final Set<String> OWN_NUMBER_LAST_WORDS =
      Set.of(
          "number", "número", "numero", "numéro", "nummer", "numer", "is", "es", "é", "e", "est",
          "è", "ist", "to");

  /** Maximum chars before a span read for {@link #OWN_NUMBER}. */
  private static final int OWN_NUMBER_CHARS = 24;

  /** Maximum length in chars of the label read before a colon, in {@link #near}. */
  private static final int LABEL_CHARS = 80;

  private final String text;
  private final TableColumn columns;

  /** Bounds of the last span looked up, and its result. A start of -1 means none yet. */
  private int lastStart = -1;

  private int lastEnd;
  private boolean lastNear;

  /** Creates the lookup for the spans of {@code text}. */
  PhoneWords(String text) {
    this.text = text;
    this.columns = new TableColumn(text);
  }

  /**
   * Returns whether a phone word is near {@code [start, end)}, or names the label that the number
   * follows. In a table row the column's header takes the place of the words near, and only words
   * of the row itself count besides, since the header line above names every column. A label may be
   * longer than the window, as in "Teléfono para su tarjeta/card: +49 30 66327173", so the whole
   * clause before a colon right before the number is read, back to a line break or a sentence end
   * and at most {@value #LABEL_CHARS} chars.
   */
  boolean near(int start, int end) {
    if (start != lastStart || end != lastEnd) {
      lastNear = read(start, end);
      lastStart = start;
      lastEnd = end;
    }
    return lastNear;
  }

  /** Returns the header of the table column that contains {@code start}, or "" outside a table. */
  String header(int start) {
    return columns.header(start);
  }

  private boolean read(int start, int end) {
    String header = columns.header(start);
    if (!header.isEmpty()) {
      return SUPPORT.occursIn(header)
          || SUPPORT.near(text, start, end, lineStart(start))
          || labelNames(start);
    }
    return SUPPORT.near(text, start, end) || namedBeside(start, end);
  }

  /**
   * Returns whether the number at {@code [start, end)} is named right beside it: by a speaker's own
   * number phrase, an HL7 use code or the label before a colon.
   */
  private boolean namedBeside(int start, int end) {
    return ownNumberBefore(start) || hl7PhoneUse(end) || labelNames(start);
  }

  private int lineStart(int position) {
    return text.lastIndexOf('\n', position - 1) + 1;
  }

  /**
   * Returns whether a phone word names the label that ends in a colon right before {@code start}.
   */
  private boolean labelNames(int start) {
    int colon = skipBlanks(afterAddress(skipBlanks(start)));
    if (colon == 0 || text.charAt(colon - 1) != ':') {
      return false;
    }
    colon--;
    int from = colon;
    while (from > 0 && colon - from < LABEL_CHARS && !clauseEnds(text, from - 1)) {
      from--;
    }
    return SUPPORT.occursBetween(text, from, colon);
  }

  /**
   * Returns whether a phone word is near {@code [start, end)} on the same line, or names the label
   * or the table column of the number.
   */
  boolean nearOnLine(int start, int end) {
    if (!near(start, end)) {
      return false;
    }
    return !columns.header(start).isEmpty()
        || SUPPORT.near(text, start, end, lineStart(start))
        || namedBeside(start, end);
  }

  /**
   * Returns whether an HL7 telecommunication use code and equipment type follow {@code end}, as
   * "^PRN^PH" (primary residence, phone) or "^WPN^CP" (work, cell phone) do in a PID segment.
   */
  private boolean hl7PhoneUse(int end) {
    return end < text.length()
        && text.charAt(end) == '^'
        && HL7_PHONE_USE.matcher(text).region(end, text.length()).lookingAt();
  }

  /** Returns where the spaces and tabs that end at {@code at} start. */
  private int skipBlanks(int at) {
    while (at > 0 && (text.charAt(at - 1) == ' ' || text.charAt(at - 1) == '\t')) {
      at--;
    }
    return at;
  }

  /**
   * Returns where an e-mail address and a comma or slash that end at {@code at} start, or {@code
   * at} when none does. A contact line names the address first: in "Contact: ann@x.io, 0243292897"
   * the label before the colon names the number too.
   */
  private int afterAddress(int at) {
    if (at == 0 || (text.charAt(at - 1) != ',' && text.charAt(at - 1) != '/')) {
      return at;
    }
    int tokenEnd = skipBlanks(at - 1);
    int from = tokenEnd;
    boolean hasAt = false;
    while (from > 0
        && tokenEnd - from < MAX_ADDRESS_CHARS
        && !Character.isWhitespace(text.charAt(from - 1))) {
      from--;
      hasAt |= text.charAt(from) == '@';
    }
    return hasAt && from < tokenEnd ? from : at;
  }

  /**
   * Returns the word, in lower case, that ends before {@code start} and the spaces and colon after
   * it, or "" when none does.
   */
  private String lastWord(int start) {
    int end = start;
    while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == ':')) {
      end--;
    }
    int from = end;
    while (from > 0 && end - from < OWN_NUMBER_CHARS && Character.isLetter(text.charAt(from - 1))) {
      from--;
    }
    return text.substring(from, end).toLowerCase(Locale.ROOT);
  }

  /** Returns whether {@link #OWN_NUMBER} ends right before {@code start}. */
  private boolean ownNumberBefore(int start) {
    if (!OWN_NUMBER_LAST_WORDS.contains(lastWord(start))) {
      return false;
    }
    return OWN_NUMBER
        .matcher(text)
        .useTransparentBounds(true)
        .region(Math.max(0, start - OWN_NUMBER_CHARS), start)
        .find();
  }

  /** Returns whether the char at {@code at} ends a clause: a line break, or a stop and a space. */
  private static boolean clauseEnds(String text, int at) {
    char c = text.charAt(at);
    if (c == '\n' || c == '\r' || c == ';') {
      return true;
    }
    return (c == '.' || c == '!' || c == '?')
        && at + 1 < text.length()
        && Character.isWhitespace(text.charAt(at + 1));
  }
}
