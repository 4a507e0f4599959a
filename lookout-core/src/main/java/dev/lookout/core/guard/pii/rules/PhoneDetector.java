package dev.lookout.core.guard.pii.rules;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
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
 * Finds telephone numbers of any country with Google's libphonenumber. A cheap scan first picks
 * runs of digits and phone punctuation that hold enough digits, and {@link
 * PhoneNumberUtil#findNumbers} then runs on each run once per default region. Numbers written with
 * a {@code +} country code are found whatever the regions. National numbers are found when they fit
 * the numbering plan of one of the default regions at the chosen {@link Leniency}.
 *
 * <p>Short numbers (fewer than {@link #MIN_DIGITS_WITHOUT_CONTEXT} digits) are reported only when a
 * word such as "phone", "fax" or "call" is near, because postcodes and other short numbers are too
 * often possible local numbers somewhere. A phone word counts as near too when it names the label
 * that ends in a colon right before the number, however long that label is.
 *
 * <p>A word such as "order", "account" or "card" near, with no phone word, rules a number out,
 * unless it is written as only phone numbers are: with a {@code +} country code, or as a North
 * American number with its area code in brackets or a dashed trunk "1".
 *
 * <p>A number is not reported when a label such as "ISBN", "epoch", "Meeting ID", "waybill", "IMEI"
 * or "customer ID" comes right before it, even with a phone word near, nor when its check digit
 * makes it a book or goods code (ISBN, EAN, UPC) and such a word is near. A US ZIP+4 code such as
 * "94105-1234" is not reported after a state code ("CA 94105-1234") or a word such as "ZIP code".
 */
public final class PhoneDetector implements SpanDetector {
  /** Default regions: the numbering plans of the larger markets, in order of trial. */
  public static final List<String> DEFAULT_REGIONS =
      List.of("US", "GB", "DE", "FR", "AU", "BR", "IN", "SE", "CH", "NL", "IT", "ES", "DK", "NO");

  static final int MIN_DIGITS_WITHOUT_CONTEXT = 8;

  /** Minimum length, in chars, of a hexadecimal hash glued to a number's last group. */
  private static final int MIN_HASH_CHARS = 8;

  /** The country calling code of the North American Numbering Plan. */
  private static final int NORTH_AMERICAN_CODE = 1;

  private static final int MIN_DIGITS = 6;

  /** Maximum digits of a number without its extension, from ITU-T E.164. */
  private static final int MAX_DIGITS = 15;

  /**
   * A run of phone characters from its first char. {@link #runStart} finds where a run may start,
   * so the pattern is tried only there: trying it at every char of a 2 KB text cost more than
   * libphonenumber's work on the runs found.
   */
  private static final Pattern RUN =
      Pattern.compile("[+(]?\\d[\\d ()./\\-]*\\d(?:\\s?(?:x|ext\\.?)\\s?\\d{1,20})?");

  /**
   * Maximum length of a run, in chars, that contains at most one number. Two numbers of at least
   * {@value #MIN_DIGITS} digits need more, with a separator.
   */
  private static final int ONE_NUMBER_CHARS = 2 * MIN_DIGITS;

  private static final ContextWords AGAINST =
      new ContextWords(
          List.of(
              "licen*",
              "passport*",
              "zip*",
              "postal",
              "postcode*",
              "order*",
              "ordre",
              "bestellung*",
              "pedido*",
              "commande*",
              "invoice*",
              "rechnung*",
              "factura",
              "fattura",
              "facture",
              "factuur",
              "faktura",
              "account*",
              "card*",
              "iban",
              "ssn*",
              "*ssn",
              "social security",
              "routing",
              "tracking",
              "fedex",
              "ups",
              "dhl",
              "usps",
              "serial*",
              "s/n",
              "imei*",
              "imsi",
              "iccid",
              "meid",
              "duns"),
          30,
          0);

  /**
   * Labels right before a number that make it another kind of number, whatever other words are
   * near: codes of books and goods, times, numbers of shipments and lots, and the numbers of a
   * device (IMEI) or of a customer, order or ticket. Words such as "order" or "ticket" alone are
   * only counter-evidence ({@link #AGAINST}, {@link #ID_BEFORE}), because "Call to order:" and
   * "Questions about your ticket:" come before real phone numbers. Followed by "number" or "ID",
   * they label the number.
   */
  private static final LabelBefore NOT_PHONE =
      new LabelBefore(
          List.of(
              "isbn",
              "isbn-10",
              "isbn-13",
              "isbn10",
              "isbn13",
              "issn",
              "ean",
              "ean-8",
              "ean-13",
              "ean13",
              "upc",
              "upc-a",
              "gtin",
              "sku",
              "epoch",
              "timestamp",
              "unix",
              "passcode",
              "pin",
              "waybill",
              "awb",
              "tracking",
              "consignment",
              "imei",
              "imsi",
              "iccid",
              "meid",
              "s/n",
              "sn",
              "p/n",
              "e-ticket",
              "eticket",
              "nip",
              "pesel",
              "mrn",
              "npi",
              "ein",
              "sin",
              "siret",
              "siren",
              "aadhaar",
              "versicherungsnummer",
              "steuernummer",
              "steuer-id",
              "versicherungsschein",
              "versicherungsscheinnummer",
              "póliza",
              "polizza",
              "apólice",
              "ndc",
              "nhs",
              "taj",
              "tkt",
              "price",
              "precio",
              "preis",
              "prix",
              "prezzo",
              "preço",
              "specimen",
              "rx",
              "pzn",
              "nif",
              "duns",
              "viitenumero",
              "annonce",
              "factuur",
              "zugangscode",
              "ref",
              "réf",
              "hs",
              "会議id",
              "お問い合わせ番号",
              "請求書番号",
              "注文番号",
              "बिल नंबर",
              "mandatsreferenz",
              "user_id",
              "userid",
              "user id",
              "사업자등록번호",
              "伝票番号",
              // A Polish tax number on an invoice: the seller's or the buyer's.
              "nip sprzedawcy",
              "nip nabywcy",
              // A German tax number, "St.-Nr. 155/752/06929".
              "st.-nr",
              "st.nr",
              "stnr",
              "fatura",
              // A Portuguese Multibanco payment reference has nine digits.
              "referência mb",
              "referencia mb",
              "referência multibanco",
              "referencia multibanco"),
          // "Meeting 852 1234 5678" may be a dial-in number and "car lot - 1-800-607-6189" is one,
          // but "Meeting ID: 852 1234 5678" and "Lot number 2024-0515-003" are not.
          List.of(
              "meeting",
              "conference",
              "webinar",
              "lot",
              "batch",
              "serial",
              "account",
              "order",
              "invoice",
              "ticket",
              "customer",
              "case",
              "transaction",
              "member",
              "employee",
              "request",
              "booking",
              "reservation",
              "confirmation",
              "claim",
              "policy",
              "patient",
              "transit",
              "student",
              "art",
              "item",
              "hs",
              "tariff",
              "part",
              "agreement",
              "contract",
              "access",
              "postal",
              "candidate",
              "zoom",
              "webex",
              "mandate",
              "commande",
              "ordine",
              "konferenz"),
          // Keys such as created_at or duration_ms name times, not phone numbers.
          Set.of("ms", "ts", "time", "timestamp", "epoch"),
          // In a CSV row the label may be the cell before the number: "CA,SIN,167 824 497".
          LabelBefore.PUNCTUATION + ",");

  /**
   * Words that name an ID when a filler such as "number" or "ID" follows them ("company no.
   * 01469180", "plan ID 081-601-119"). Like {@link #ID_BEFORE} they count only without a phone word
   * near and for a number not written as only phones are, since "Company number: +44 20 7946 0018"
   * and "Our company number is 020 7946 0018, call any time" give phone numbers.
   */
  private static final LabelBefore NAMED_ID =
      new LabelBefore(
          // A spoken "reference number is 252 206 2751"; "ref" alone labels already.
          List.of("reference number"),
          List.of(
              "company", "registration", "group", "state", "plan", "tax", "vat", "bill", "notice"),
          Set.of());

  /**
   * Labels of a bank account right before a number, as in "sort code 49-46-95, account 15199368".
   * They overrule a phone word on another line, such as "Mobile:" on the next, but not one on the
   * same line ("Account 4155550198 is my cell") nor a number written as only phones are ("Account:
   * (770) 976-7965").
   */
  private static final LabelBefore ACCOUNT =
      new LabelBefore(List.of("account", "acct", "konto"), List.of(), Set.of());

  /**
   * "RCS" or "R.C.S.", a town of one or two capitalised words, and an optional section letter, at
   * the end of the text before a number.
   */
  private static final Pattern COMPANY_REGISTER =
      Pattern.compile(
          "\\b(?:RCS|R\\.C\\.S\\.)\\s+\\p{Lu}[\\p{L}'-]*(?:[ -]\\p{Lu}[\\p{L}'-]*)?"
              + "(?:\\s+[AB])?\\s+$");

  /** A year after the seconds of a time, as git writes "18:39:23 2024". */
  private static final Pattern YEAR_AFTER_TIME = Pattern.compile(" (?:19|20)\\d{2}(?!\\d)");

  /** A UTC offset after a time or its year, as in "2024 -0700". */
  private static final Pattern UTC_OFFSET = Pattern.compile(" [+-]\\d{4}(?!\\d)");

  /** A dotted IPv4 address, without checking the range of its parts. */
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

  /** Maximum chars of an IPv4 address read before a colon. */
  private static final int MAX_ADDRESS_CHARS = 15;

  /**
   * A VAT label as it is printed, words of its own ("reg. no.", "-IdNr."), and a two-letter country
   * code, at the end of the text before a number.
   */
  private static final Pattern VAT_PREFIX =
      Pattern.compile(
          "\\b(?:VAT|USt|UST|TVA|IVA|BTW|MwSt|MWST)"
              + "(?:[- ]?(?i:reg|registration|id|idnr|ident|no|nr|number|num)\\.?)*"
              + " *[:#]? *[A-Z]{2} ?$");

  /** Maximum chars before a run read for {@link #VAT_PREFIX}. */
  private static final int VAT_LABEL_CHARS = 40;

  /** The shape of a Brazilian postal code, five digits, a dash and three. */
  private static final Pattern CEP_SHAPE = Pattern.compile("\\d{5}-\\d{3}");

  /** "CEP" in capitals, as Brazilian addresses write it, right before a postal code. */
  private static final Pattern CEP_BEFORE = Pattern.compile("\\bCEP:?\\s*$");

  /**
   * One German word for the number of a document, record or account, with an optional stop:
   * "Belegnr.", "Kundennummer", "Rechnungsnr". "Kontaktnr" or "Notfallnummer" name phone numbers,
   * so the first part must be one of these.
   */
  private static final Pattern NUMBER_COMPOUND =
      Pattern.compile(
          "(?:beleg|rechnung|kunden|auftrag|bestell|artikel|vertrag|konto|mitglied|personal"
              + "|steuer|referenz|vorgang|buchung|akten|serien|chargen|lieferschein|versicherung"
              + "|kassen|inventar|projekt|ticket|sach|fall)s?(?:nr\\.?|nummer)");

  /** A header of one word. */
  private static final Pattern ONE_WORD = Pattern.compile("\\p{L}+");

  /** A time of day after a date: a space or "T", then hours and minutes. */
  private static final Pattern TIME_AFTER_DATE = Pattern.compile("[ T]\\d{1,2}:\\d{2}");

  /** A SIREN, the nine digits of a French company number, solid or in groups of three. */
  private static final Pattern SIREN = Pattern.compile("\\d{3} ?\\d{3} ?\\d{3}");

  /**
   * Words that name an ID when the number follows them with only spaces or a {@code #} between, as
   * in "Ticket 607-464-0515 is closed" or "Record 373373944376241". Like {@link #AGAINST} they
   * count only without a phone word near. Unlike {@link #NOT_PHONE} they do not reach past a colon,
   * so "Questions about your ticket: (904) 907-2486" still gives a phone number.
   */
  private static final LabelBefore ID_BEFORE =
      new LabelBefore(
          List.of(
              "ticket",
              "customer",
              "record",
              "lot",
              "batch",
              "sr",
              "incident",
              "policy",
              "case",
              "request"),
          List.of(),
          Set.of(),
          "#");

  /**
   * USPS codes of the states, the District of Columbia, the territories and the military post
   * offices, which come right before a ZIP code in an address.
   *
   * <p>NOTE: Brazilian state codes such as PR, PA, SC and MA are USPS codes too, so a Brazilian
   * mobile number written right after one ("PR 98765-4321") is taken for a ZIP+4 code.
   */
  private static final Set<String> US_STATES =
      Set.of(
          "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
          "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
          "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
          "VA", "WA", "WV", "WI", "WY", "DC", "PR", "VI", "GU", "AS", "MP", "AA", "AE", "AP");

  /** Names of the states and the District of Columbia, which may come before a ZIP code. */
  private static final LabelBefore STATE_NAME =
      new LabelBefore(
          List.of(
              "alabama",
              "alaska",
              "arizona",
              "arkansas",
              "california",
              "colorado",
              "connecticut",
              "delaware",
              "florida",
              "georgia",
              "hawaii",
              "idaho",
              "illinois",
              "indiana",
              "iowa",
              "kansas",
              "kentucky",
              "louisiana",
              "maine",
              "maryland",
              "massachusetts",
              "michigan",
              "minnesota",
              "mississippi",
              "missouri",
              "montana",
              "nebraska",
              "nevada",
              "new hampshire",
              "new jersey",
              "new mexico",
              "new york",
              "north carolina",
              "north dakota",
              "ohio",
              "oklahoma",
              "oregon",
              "pennsylvania",
              "rhode island",
              "south carolina",
              "south dakota",
              "tennessee",
              "texas",
              "utah",
              "vermont",
              "virginia",
              "washington",
              "west virginia",
              "wisconsin",
              "wyoming",
              "district of columbia",
              "puerto rico"),
          List.of(),
          Set.of(),
          ",");

  /**
   * Labels right before a ZIP+4 code, whatever other words are near: "ZIP 94105-1234", "ZIP code:",
   * "ZIP+4", "postal code" and keys such as {@code zip_code=}.
   */
  private static final LabelBefore ZIP_LABEL =
      new LabelBefore(List.of("zip", "zip+4", "zip4", "postcode", "postal"), List.of(), Set.of());

  /**
   * Words before a ZIP+4 code in a post box address, as in "PO Box 12, 10001-0002". Like {@link
   * #AGAINST}, which already contains "ZIP" and "postal", they count only without a phone word
   * near.
   */
  private static final ContextWords POST_BOX =
      new ContextWords(List.of("po box", "p.o. box"), 30, 0);

  /** Words near a number whose check digit passes that make it a book or goods code. */
  private static final ContextWords CODE_WORDS =
      new ContextWords(
          List.of("isbn*", "issn", "ean", "ean-13", "ean13", "upc", "upc-a", "gtin*", "barcode*"),
          40,
          10);

  /**
   * Words that join a number to the rest of a sentence, as in "mi móvil es 646 58 98 49 y mi
   * correo", where a street name would follow a house number.
   */
  private static final Set<String> LINKS =
      Set.of(
          "and", "or", "y", "e", "o", "ou", "et", "und", "oder", "en", "of", "och", "eller", "og",
          "i", "lub", "albo", "oraz", "oppure", "ed", "if", "to", "for", "but", "veya", "hai");

  private static final List<String> LABELS =
      List.of("office", "fax", "mobile", "cell", "home", "work", "desk", "ext", "tel", "phone");
  private static final Pattern DATE =
      Pattern.compile(
          "(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)\\d{2}");

  /** Two years joined by a dash, as in "2008-2013" or "(1885 - 1979". */
  private static final Pattern YEAR_RANGE =
      Pattern.compile("\\(?((?:1[0-9]|20)[0-9]{2}) ?- ?((?:1[0-9]|20)[0-9]{2})");

  /**
   * Runs that are written as IDs, counts and numbers more often than as phone numbers: digits alone
   * ("Transaction 990537455885", epoch times), a reference and its year either way round ("Rechnung
   * Nr. 7315/2024", "2025/454010"), decimal numbers ("[35999.356683]", "load 0.91 0.22 0.88"),
   * three groups of four digits, as parcel tracking numbers are written, the groups of US drug
   * codes (NDC: "4491-5230-34", "05132-080-26", "63704-8626-05"), an SSN's groups spaced apart, ten
   * digits dotted 4-3-3 as booking sites write confirmation numbers ("6783.031.173"), and a
   * Brazilian postal code (CEP: "85346-783").
   */
  private static final Pattern ID_SHAPE =
      Pattern.compile(
          "\\d+|\\d{1,8}/(?:19|20)\\d{2}|(?:19|20)\\d{2}/\\d{3,8}|\\d{4} \\d{4} \\d{4}"
              + "|\\d+\\.\\d+(?: \\d+\\.\\d+)*"
              + "|\\d{4}-\\d{4}-\\d{2}|\\d{5}-\\d{3}-\\d{2}|\\d{5}-\\d{4}-\\d{1,2}"
              + "|\\d{3} \\d{2} \\d{4}"
              + "|[1-9]\\d{3}\\.\\d{3}\\.\\d{3}|[1-9]\\d{4}-\\d{3}");

  private static final Pattern DIGITS_AND_DASHES = Pattern.compile("[\\d-]+");

  /**
   * Runs written as ID numbers, never as phone numbers, whatever words are near: a month and year
   * ("05/2025"), a US employer ID ("53-1080439"), a Brazilian CPF ("013.225.335-21") and the shape
   * of a US SSN ("952-34-9786", "147 - 88 - 1056"), which the SSN detector judges, an airline
   * ticket number ("074-1065206014": the carrier's code and ten digits) and an amount with cents
   * ("9565.08"). So are a UK sort code and account number ("60-77-04 54009504"), and a count over a
   * total or a reference with a slash whose first part does not start with 0 ("3889/11765",
   * "T/4895/4306"), and a Brazilian company number (CNPJ: "28.280.497/0001-44"). A phone number
   * written with a slash puts the area code with its trunk 0 first, as in "030/1234567".
   */
  private static final Pattern ID_ONLY_SHAPE =
      Pattern.compile(
          "(?:0?[1-9]|1[0-2])/(?:19|20)\\d{2}"
              + "|[1-9]\\d-\\d{7}"
              + "|\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}"
              + "|\\d{3} ?- ?\\d{2} ?- ?\\d{4}"
              + "|\\d{3}-\\d{10}"
              + "|\\d{1,7}\\.\\d{2}"
              + "|[1-9]\\d*/\\d+"
              + "|\\d{2}-\\d{2}-\\d{2} \\d{8}"
              + "|\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}-\\d{2}");

  /**
   * A decimal below one ("0.860", "-0.18"). Phone groups are never written so, and a run that
   * contains one is a row of measurements, timings or prices.
   */
  private static final Pattern DECIMAL_BELOW_ONE = Pattern.compile("(?<![\\d.])0\\.\\d");

  /**
   * A duration in seconds with milliseconds between spaces, as in the ingress log fields "4338
   * 1.608 401". Phone groups with dots have at least two digits before a dot, or go on with another
   * dot ("1.800.555.0199").
   */
  private static final Pattern SPACED_SECONDS = Pattern.compile("(?:^| )\\d\\.\\d{3}(?= |$)");

  /** A date of six or eight digits, a dash and a serial: the shape of a personal number. */
  private static final Pattern DATED_SERIAL =
      Pattern.compile("((?:19|20)?)(\\d{2})(\\d{2})(\\d{2})[-/](?:\\d{3,4}|\\d{7})");

  /** An IMEI as written: solid, or grouped as the allocation code, serial and check digit. */
  private static final Pattern IMEI_SHAPE = Pattern.compile("\\d{15}|\\d{2}-\\d{6}-\\d{6}-\\d");

  /**
   * A French social security number in its printed groups: sex, year, month, place, serial, key.
   */
  private static final Pattern NIR_GROUPS =
      Pattern.compile("[12] \\d{2} \\d{2} \\d{2} \\d{3} \\d{3} \\d{2}");

  /** The protocol of a request in an access log line, then its closing quote and a space. */
  private static final Pattern HTTP_VERSION_BEFORE = Pattern.compile("HTTP/\\d(?:\\.\\d)?\" $");

  /** An IBAN's country code and check digits, which start a run of groups as in "NL75 RABO ...". */
  private static final Pattern IBAN_START = Pattern.compile("[A-Z]{2}\\d{2}");

  /** North American numbers as only phones are written; see {@link #phoneShaped}. */
  private static final Pattern NANP_SHAPE =
      Pattern.compile("(?:1[ -]?)?\\(\\d{3}\\) ?\\d{3}[- ]\\d{4}|1-\\d{3}-\\d{3}-\\d{4}");

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private final List<String> regions;
  private final Leniency leniency;

  /** Creates a detector with {@link #DEFAULT_REGIONS} and {@link Leniency#POSSIBLE}. */
  public PhoneDetector() {
    this(DEFAULT_REGIONS, Leniency.POSSIBLE);
  }

  /**
   * Creates a detector that tries {@code regions} (ISO 3166-1 alpha-2 codes, tried in order) at
   * {@code leniency}.
   *
   * @throws IllegalArgumentException if a region is not one libphonenumber supports
   */
  public PhoneDetector(List<String> regions, Leniency leniency) {
    for (String region : regions) {
      if (!UTIL.getSupportedRegions().contains(region)) {
        throw new IllegalArgumentException(
            "Unsupported phone region: " + region + "; use an ISO 3166-1 alpha-2 code such as US");
      }
    }
    this.regions = List.copyOf(regions);
    this.leniency = leniency;
  }

  /**
   * Returns {@code codes} trimmed and in upper case, as region codes for the constructor.
   *
   * @param setting the option or key the codes come from, named in errors
   * @throws IllegalArgumentException naming {@code setting} and the code, when the list is empty or
   *     a code is empty or not a region libphonenumber supports
   */
  public static List<String> regions(List<String> codes, String setting) {
    if (codes.isEmpty()) {
      throw new IllegalArgumentException(
          setting
              + " is empty; list at least one region such as US, or leave it out for the"
              + " default list");
    }
    List<String> regions = new ArrayList<>();
    for (String region : codes) {
      String code = region == null ? "" : region.trim().toUpperCase(Locale.ROOT);
      if (code.isEmpty()) {
        throw new IllegalArgumentException(
            setting + " has an empty code; list codes such as US, GB or DE");
      }
      if (!UTIL.getSupportedRegions().contains(code)) {
        throw new IllegalArgumentException(
            setting
                + " has an unknown region '"
                + region
                + "'; use ISO 3166-1 alpha-2 codes such as US, GB or DE");
      }
      regions.add(code);
    }
    return regions;
  }

  @Override
  public Set<PiiType> types() {
    return Set.of(PiiType.PHONE);
  }

  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    PhoneWords words = new PhoneWords(text);
    Matcher run = RUN.matcher(text);
    int at = runStart(text, 0);
    while (at >= 0) {
      run.region(at, text.length());
      if (!run.lookingAt()) {
        at = runStart(text, at + 1);
        continue;
      }
      String candidate = run.group();
      int start = run.start();
      int end = run.end();
      int skipTo = leadingGroupEnd(text, start);
      if (skipTo > start) {
        // The run opens with the rest of another number; what follows may still be a phone.
        at = runStart(text, skipTo);
        continue;
      }
      // Two spaces separate columns or fields ("P/N 0129-2377-66   96"), not the groups of a
      // number.
      int gap = candidate.indexOf("  ");
      if (gap > 0) {
        end = lastDigitEnd(text, start, start + gap);
        candidate = text.substring(start, end);
        at = runStart(text, start + gap);
      } else {
        at = runStart(text, end);
      }
      if (countDigits(candidate) >= MIN_DIGITS
          && !clearlyNotPhone(start, end, candidate, words)
          && !yearRange(start, end, candidate, words)
          && !otherCode(text, start, end, candidate)
          && !labelledZipOrId(text, start, end, candidate, words)
          && !singleNumberAgainst(text, start, end, candidate, words)
          && !dottedAfterVersionWord(text, start, candidate)
          && !hexContinues(text, end, candidate)
          && !hashAfterSpace(text, start, end, candidate)
          && !idShapedWithoutWord(start, end, candidate, words)
          && !ID_ONLY_SHAPE.matcher(withoutOpenBracket(candidate)).matches()
          && !DECIMAL_BELOW_ONE.matcher(candidate).find()
          && !SPACED_SECONDS.matcher(candidate).find()
          && !afterDialPause(text, start)
          && !headerLabels(words, start, candidate)
          && !personalNumber(candidate.strip())
          && !candidate.contains("..")
          && !afterCurrency(text, start)
          && !afterHttpVersion(text, start)
          && !afterCompanyRegister(text, start, candidate)
          && !compactDateBeforeTime(text, start, candidate)
          && !vatNumber(text, start, candidate)
          && !postalCodeAfterCep(text, start, candidate)
          && !insideIbanShape(text, start)) {
        for (int[] piece : pieces(candidate)) {
          detectInRun(
              text, start + piece[0], candidate.substring(piece[0], piece[1]), words, findings);
        }
      }
    }
    return findings;
  }

  /**
   * Tries each region on one run of phone characters. A later region adds numbers that do not
   * overlap earlier ones, and a longer number replaces the earlier ones it contains whole. The US
   * plan takes "98765-4321" from "(11) 98765-4321" as a local number, and the Brazilian plan then
   * finds the number with its area code. The trial stops once every digit of the run belongs to a
   * number.
   *
   * <p>A run that starts with a trunk 0 is tried first in the first region outside North America
   * (see {@link #trunkRegion}), since no North American number starts so. When that region finds
   * the whole run as one number, the trial in order would end with that number too, and stops
   * there. This spares a British or German number a failed trial in the US plan, which costs as
   * much as the one that finds it.
   *
   * <p>NOTE: the longer number may also take in a neighbouring count, year or date ("Call 020 7946
   * 0958 24/7" is redacted whole, "24/7" included); redacting too much was kept over leaving an
   * area code in the clear.
   */
  private void detectInRun(
      String text, int offset, String run, PhoneWords words, List<Finding> findings) {
    int runDigits = countDigits(run);
    String first = trunkRegion(run, runDigits);
    List<PhoneMatches.Match> firstMatches = List.of();
    if (first != null) {
      firstMatches = PhoneMatches.find(run, first, leniency);
      for (PhoneMatches.Match match : firstMatches) {
        Finding finding;
        if (match.start() == 0
            && match.end() == run.length()
            && (finding = accepted(text, offset, match, words)) != null) {
          findings.add(finding);
          return;
        }
      }
    }
    int foundDigits = 0;
    // Spans within the run, with the finding and the digit count of each.
    List<int[]> spans = new ArrayList<>();
    List<Finding> found = new ArrayList<>();
    for (String region : regions) {
      List<PhoneMatches.Match> matches =
          region.equals(first) ? firstMatches : PhoneMatches.find(run, region, leniency);
      for (PhoneMatches.Match match : matches) {
        List<Integer> contained = containedSpans(spans, match.start(), match.end());
        if (contained == null) {
          continue;
        }
        Finding finding = accepted(text, offset, match, words);
        if (finding == null) {
          continue;
        }
        for (int i = contained.size() - 1; i >= 0; i--) {
          int index = contained.get(i);
          foundDigits -= spans.get(index)[2];
          spans.remove(index);
          found.remove(index);
        }
        int digits = countDigits(match.rawString());
        found.add(finding);
        spans.add(new int[] {match.start(), match.end(), digits});
        foundDigits += digits;
      }
      if (foundDigits >= runDigits) {
        break;
      }
    }
    findings.addAll(found);
  }

  /**
   * Returns the region to try first on {@code run}: the first of the regions outside North America,
   * when the run starts with a trunk 0, ends with a digit and has too few digits for two numbers.
   * Otherwise null. A number that contains all the digits of such a run is the whole run, and two
   * numbers of at least {@value #MIN_DIGITS} digits cannot share fewer than twice as many. So a
   * whole-run number found first is what the trial in order ends with.
   */
  private String trunkRegion(String run, int runDigits) {
    if (run.charAt(0) != '0'
        || !Character.isDigit(run.charAt(run.length() - 1))
        || runDigits >= 2 * MIN_DIGITS) {
      return null;
    }
    for (String region : regions) {
      if (UTIL.getCountryCodeForRegion(region) != NORTH_AMERICAN_CODE) {
        return region;
      }
    }
    return null;
  }

  /**
   * Returns the finding for a number that the matcher found in the run at {@code offset}, or null
   * when the number is a date, a labelled ID, a placeholder or too short for its context.
   */
  private static Finding accepted(
      String text, int offset, PhoneMatches.Match match, PhoneWords words) {
    int start = offset + match.start();
    int end = offset + match.end();
    boolean supported = words.near(start, end);
    int digits = countDigits(match.rawString());
    if (DATE.matcher(match.rawString()).find()
        || NOT_PHONE.labels(text, start)
        || (ACCOUNT.labels(text, start)
            && !phoneShaped(match.rawString())
            && !words.nearOnLine(start, end))
        || startsTime(text, end)
        || otherKind(match.rawString())
        || placeholder(match.nationalNumber())
        || zipAfterLabel(text, start, match.rawString())) {
      return null;
    }
    if (digits < MIN_DIGITS || (digits < 10 && wordFollows(text, end))) {
      return null;
    }
    if (!supported
        && (digits < MIN_DIGITS_WITHOUT_CONTEXT
            || (!phoneShaped(match.rawString())
                && (AGAINST.near(text, start, end)
                    || ID_BEFORE.labels(text, start)
                    || NAMED_ID.labels(text, start)))
            || zipAfterPostBox(text, start, end, match.rawString()))) {
      return null;
    }
    double score = supported ? Scores.boost(Scores.FORMAT) : Scores.FORMAT;
    return new Finding(PiiType.PHONE.name(), start, end, score);
  }

  /**
   * Returns the indices, ascending, of the spans that {@code [start, end)} overlaps, or null when
   * it overlaps one that it does not contain whole or that is as long as it.
   */
  private static List<Integer> containedSpans(List<int[]> spans, int start, int end) {
    List<Integer> contained = new ArrayList<>(0);
    for (int i = 0; i < spans.size(); i++) {
      int[] span = spans.get(i);
      if (start < span[1] && span[0] < end) {
        if (span[0] < start || span[1] > end || span[1] - span[0] >= end - start) {
          return null;
        }
        contained.add(i);
      }
    }
    return contained;
  }

  /**
   * Returns whether a run is a span of years, the later one second, with no phone word near. Prose
   * writes such spans often, with a hyphen or an en dash, and eight digits fit a phone plan.
   */
  static boolean yearRange(int start, int end, String run, PhoneWords words) {
    Matcher years = YEAR_RANGE.matcher(run);
    return years.matches()
        && Integer.parseInt(years.group(1)) <= Integer.parseInt(years.group(2))
        && !words.near(start, end);
  }

  /**
   * Returns whether a whole run is a date, another kind of number ({@link #otherKind}) or longer
   * than the 15 digits that E.164 allows, so that libphonenumber need not try every region on it. A
   * longer run with spaces after a phone word may hold numbers side by side ("Tel 555-123-4567
   * 555-123-4568"), so it is kept and tried in {@link #pieces}. Without a phone word near, or
   * without a space, such a run is more often an ID or an account number.
   */
  private static boolean clearlyNotPhone(int start, int end, String run, PhoneWords words) {
    Matcher date = DATE.matcher(run);
    if (date.lookingAt() && countDigits(run.substring(date.end())) < MIN_DIGITS) {
      return true;
    }
    String number = withoutExtension(run);
    if (countDigits(number) > MAX_DIGITS
        && (number.strip().indexOf(' ') < 0 || !words.near(start, end))) {
      return true;
    }
    return otherKind(run) || dottedVersion(run);
  }

  /**
   * Returns the spans of {@code run} to try one at a time: the whole run when it has at most
   * {@value #MAX_DIGITS} digits, otherwise pieces split at spaces, each of at most that many digits
   * where one group allows it, and each starting anew at a "+" or "(". libphonenumber then never
   * scans a long run, which took up to 185 ms for a 2 KB list of numbers, and numbers written side
   * by side stay apart.
   */
  private static List<int[]> pieces(String run) {
    if (countDigits(withoutExtension(run)) <= MAX_DIGITS) {
      return List.of(new int[] {0, run.length()});
    }
    List<int[]> pieces = new ArrayList<>();
    int start = 0;
    int digits = 0;
    int at = 0;
    while (at < run.length()) {
      int tokenEnd = run.indexOf(' ', at);
      tokenEnd = tokenEnd < 0 ? run.length() : tokenEnd;
      int tokenDigits = countDigits(run.substring(at, tokenEnd));
      char first = run.charAt(at);
      if (at > start && (digits + tokenDigits > MAX_DIGITS || first == '+' || first == '(')) {
        pieces.add(new int[] {start, at - 1});
        start = at;
        digits = 0;
      }
      digits += tokenDigits;
      at = tokenEnd;
      while (at < run.length() && run.charAt(at) == ' ') {
        at++;
      }
    }
    pieces.add(new int[] {start, run.length()});
    return pieces;
  }

  /**
   * Returns whether a run of digit groups joined by dots has a one-digit group after the first, as
   * in "120.0.6099.109" or "10.0.19045.3803", or is four groups whose first three have at most two
   * digits, as in "12.15.20.6862": software versions. In a dotted phone number only the first group
   * can be one digit, a country or trunk code as in "1.800.555.0199", and a number of four groups
   * has a group of three or four digits before its last.
   */
  static boolean dottedVersion(String run) {
    String[] groups = run.strip().split("\\.", -1);
    if (groups.length < 3) {
      return false;
    }
    if (groups.length == 4
        && groups[0].length() <= 2
        && groups[1].length() <= 2
        && groups[2].length() <= 2
        && countDigits(run) == run.strip().length() - 3) {
      return true;
    }
    for (int i = 0; i < groups.length; i++) {
      String group = groups[i];
      if (group.isEmpty() || countDigits(group) != group.length()) {
        return false;
      }
      if (i > 0 && group.length() == 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether a run of digits and dashes goes on with a hexadecimal letter at {@code end}, as
   * in a digest "sha256:0123456789abcdef", a commit "3049857612abcdef" or a UUID
   * "55720168-799a-...": the digits are part of a hash or an ID.
   */
  private static boolean hexContinues(String text, int end, String run) {
    if (end >= text.length() || !DIGITS_AND_DASHES.matcher(run).matches()) {
      return false;
    }
    return isHexLetter(text.charAt(end));
  }

  /**
   * Returns whether the last group of a run that contains a space starts a hexadecimal hash glued
   * to it, as the queue ID in the mail log "OK 1718988395 11cdd9457ebe": the token from that group
   * on is at least {@value #MIN_HASH_CHARS} hex digits with a letter among them. A label glued to a
   * number, as in "020 7946 0958Fax:", is no hash.
   */
  static boolean hashAfterSpace(String text, int start, int end, String run) {
    int lastSpace = run.lastIndexOf(' ');
    if (lastSpace < 0 || end >= text.length() || !isHexLetter(text.charAt(end))) {
      return false;
    }
    int tokenEnd = end;
    while (tokenEnd < text.length() && Character.isLetterOrDigit(text.charAt(tokenEnd))) {
      if (!Character.isDigit(text.charAt(tokenEnd)) && !isHexLetter(text.charAt(tokenEnd))) {
        return false;
      }
      tokenEnd++;
    }
    return tokenEnd - (start + lastSpace + 1) >= MIN_HASH_CHARS;
  }

  private static boolean isHexLetter(char c) {
    return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /**
   * Returns whether a dotted run follows a word such as "build" or "version", as in "build
   * 22.11.1".
   */
  private static boolean dottedAfterVersionWord(String text, int start, String run) {
    return run.indexOf('.') >= 0 && IpAddressDetector.versionBefore(text, start);
  }

  /** Returns {@code run} up to its extension mark "x", or the whole run if it has none. */
  private static String withoutExtension(String run) {
    int extension = run.indexOf('x');
    return extension < 0 ? run : run.substring(0, extension);
  }

  /**
   * Returns whether {@code raw} is an IPv4 address, a valid card number, an IMEI or a French social
   * security number, not a phone.
   */
  private static boolean otherKind(String raw) {
    // A range such as "198.51.100.0/24" is an address with its prefix length.
    int slash = raw.lastIndexOf('/');
    String address = slash > 0 ? raw.substring(0, slash) : raw;
    if (IpAddressDetector.validV4(address) || imei(raw) || frenchSocialNumber(raw)) {
      return true;
    }
    // An extension is no part of a card number: "614-815-6605x397" passed Luhn as 13 digits.
    String digits = CreditCardDetector.digitsOf(withoutExtension(raw));
    return digits.length() >= 12
        && raw.indexOf('(') < 0
        && raw.indexOf('+') < 0
        && CardIssuers.luhn(digits)
        && CardIssuers.known(digits);
  }

  /**
   * Returns whether {@code raw} is written as a device's IMEI: 15 digits, solid or grouped 2-6-6-1,
   * the last a Luhn check digit. Phone numbers of 15 digits written solid without a "+" are rare,
   * and one in ten of them passes the check.
   */
  static boolean imei(String raw) {
    String digits = CreditCardDetector.digitsOf(raw);
    return digits.length() == 15
        && IMEI_SHAPE.matcher(raw.strip()).matches()
        && CardIssuers.luhn(digits);
  }

  /**
   * Returns whether {@code raw} is a French social security number (NIR): 15 digits, the first 1 or
   * 2, grouped as "2 86 03 27 509 569 26", or solid with its last two digits 97 less the first
   * thirteen modulo 97. Both fit phone plans.
   */
  static boolean frenchSocialNumber(String raw) {
    if (NIR_GROUPS.matcher(raw.strip()).matches()) {
      return true;
    }
    String digits = CreditCardDetector.digitsOf(raw);
    if (digits.length() != 15 || (digits.charAt(0) != '1' && digits.charAt(0) != '2')) {
      return false;
    }
    long body = Long.parseLong(digits.substring(0, 13));
    return Integer.parseInt(digits.substring(13)) == 97 - body % 97;
  }

  /**
   * Returns whether {@code start} follows the protocol of a request in an access log line, where
   * the status and the size come next: {@code "POST /contact HTTP/1.1" 422 5528}.
   */
  static boolean afterHttpVersion(String text, int start) {
    return HTTP_VERSION_BEFORE.matcher(text).region(Math.max(0, start - 12), start).find();
  }

  /**
   * Returns whether a run is labelled as another kind of number, or is a book or goods code: its
   * check digit passes and a word such as "ISBN" or "EAN" is near.
   */
  private static boolean otherCode(String text, int start, int end, String run) {
    return NOT_PHONE.labels(text, start)
        || (CODE_WORDS.near(text, start, end)
            && ProductCodes.valid(CreditCardDetector.digitsOf(run)));
  }

  /**
   * Returns whether a whole run is a ZIP+4 code or an ID by its label, so that libphonenumber need
   * not try every region on it. Labels of IDs and post boxes count only without a phone word near.
   */
  private static boolean labelledZipOrId(
      String text, int start, int end, String run, PhoneWords words) {
    if (zipAfterLabel(text, start, run)) {
      return true;
    }
    return ((ID_BEFORE.labels(text, start) && !phoneShaped(run))
            || zipAfterPostBox(text, start, end, run))
        && !words.near(start, end);
  }

  /**
   * Returns whether a run short enough for one number has a word against a phone near and no phone
   * word. Then libphonenumber need not try every region on it: no region accepts "Order
   * 4155550132", so all fourteen were tried before the word ruled it out. A longer run may contain
   * several numbers, each judged by its own neighbourhood in {@link #detectInRun}.
   */
  private static boolean singleNumberAgainst(
      String text, int start, int end, String run, PhoneWords words) {
    return run.length() <= ONE_NUMBER_CHARS
        && !phoneShaped(run)
        && AGAINST.near(text, start, end)
        && !words.near(start, end);
  }

  /**
   * Returns whether {@code run} is a SIREN right after a French trade register entry: "RCS", the
   * town of the registry court and an optional section letter, as in "RCS Lyon 195 224 012" or
   * "R.C.S. Paris B 552 081 317". A colon or comma after the town, as in "RCS Chat: +44 7700
   * 900123", ends the entry.
   */
  static boolean afterCompanyRegister(String text, int start, String run) {
    if (!SIREN.matcher(run).matches()) {
      return false;
    }
    int from = Math.max(0, start - 60);
    return COMPANY_REGISTER.matcher(text).region(from, start).find();
  }

  /**
   * Returns whether the run at {@code start} opens with a date written as eight digits, year first,
   * and a time follows it, as in "Bon-Nr. 144688 20241012 14:14" or a log line "[20221004
   * 19:14:02]".
   */
  static boolean compactDateBeforeTime(String text, int start, String run) {
    if (run.length() < 8) {
      return false;
    }
    for (int i = 0; i < 8; i++) {
      if (!Character.isDigit(run.charAt(i))) {
        return false;
      }
    }
    int year = Integer.parseInt(run.substring(0, 4));
    if (year < 1900
        || year > 2099
        || !month(Integer.parseInt(run.substring(4, 6)))
        || !day(Integer.parseInt(run.substring(6, 8)))) {
      return false;
    }
    return TIME_AFTER_DATE.matcher(text).region(start + 8, text.length()).lookingAt();
  }

  /**
   * Returns where the group that opens the run at {@code start} ends when that group goes on
   * another number, or {@code start} when it does not:
   *
   * <ul>
   *   <li>seconds after hours and minutes ("07:15:" before "14.605768 2024" in an Apache log), with
   *       a year and a UTC offset after them ("18:39:23 2024 -0700" in a git log);
   *   <li>a port after an IPv4 address ("10.241.203.170:8080");
   *   <li>the rest of a number grouped with an apostrophe ("7'258.31").
   * </ul>
   *
   * The rest of the run is read as a run of its own, so "10.0.0.5:5060 4155550198" still gives the
   * phone number.
   */
  static int leadingGroupEnd(String text, int start) {
    if (afterTimeOfDay(text, start)) {
      int end = groupEnd(text, start, true);
      end = followingGroupEnd(text, end, YEAR_AFTER_TIME);
      return followingGroupEnd(text, end, UTC_OFFSET);
    }
    if (afterAddressAndPort(text, start)) {
      return groupEnd(text, start, false);
    }
    if (afterDigitGroupMark(text, start)) {
      return groupEnd(text, start, true);
    }
    return start;
  }

  /** Returns where the digits at {@code from} end, with a fraction after a dot if allowed. */
  private static int groupEnd(String text, int from, boolean fraction) {
    int i = from;
    while (i < text.length() && isAsciiDigit(text.charAt(i))) {
      i++;
    }
    if (fraction
        && i + 1 < text.length()
        && text.charAt(i) == '.'
        && isAsciiDigit(text.charAt(i + 1))) {
      i++;
      while (i < text.length() && isAsciiDigit(text.charAt(i))) {
        i++;
      }
    }
    return i;
  }

  /** Returns where {@code group} ends when it matches at {@code from}, else {@code from}. */
  private static int followingGroupEnd(String text, int from, Pattern group) {
    Matcher matcher = group.matcher(text).region(from, text.length());
    return matcher.lookingAt() ? matcher.end() : from;
  }

  /** Returns whether hours, minutes and a colon come right before {@code start}, as "07:15:". */
  static boolean afterTimeOfDay(String text, int start) {
    int i = start - 1;
    if (i < 5 || text.charAt(i) != ':') {
      return false;
    }
    if (!Character.isDigit(text.charAt(i - 1))
        || !Character.isDigit(text.charAt(i - 2))
        || text.charAt(i - 3) != ':') {
      return false;
    }
    return Character.isDigit(text.charAt(i - 4));
  }

  /** Returns whether an IPv4 address and a colon come right before {@code start}. */
  static boolean afterAddressAndPort(String text, int start) {
    if (start < 8 || text.charAt(start - 1) != ':') {
      return false;
    }
    int from = start - 1;
    while (from > 0
        && start - 1 - from < MAX_ADDRESS_CHARS
        && (Character.isDigit(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
      from--;
    }
    return IPV4.matcher(text).region(from, start - 1).matches();
  }

  /**
   * Returns whether {@code run} is a VAT number: a VAT label and a country code come right before
   * {@code start}, as in "VAT reg. GB 884 4228 28" or "USt-IdNr.: DE 440 778 152". A run with a "+"
   * is a phone number whatever comes before it.
   */
  static boolean vatNumber(String text, int start, String run) {
    if (run.startsWith("+")) {
      return false;
    }
    // Most runs follow no country code, so two capitals are checked before the slower pattern.
    int end = start > 0 && text.charAt(start - 1) == ' ' ? start - 1 : start;
    if (end < 2 || !isUpperAscii(text.charAt(end - 1)) || !isUpperAscii(text.charAt(end - 2))) {
      return false;
    }
    return VAT_PREFIX
        .matcher(text)
        .useTransparentBounds(true)
        .region(Math.max(0, start - VAT_LABEL_CHARS), start)
        .find();
  }

  /**
   * Returns whether {@code run} is a Brazilian postal code right after "CEP", as "CEP 06752-660".
   */
  static boolean postalCodeAfterCep(String text, int start, String run) {
    return run.length() == 9
        && CEP_SHAPE.matcher(run).matches()
        && CEP_BEFORE.matcher(text).region(Math.max(0, start - 8), start).find();
  }

  /**
   * Returns whether a digit and an apostrophe come right before {@code start}, as in "7'258.31", a
   * number grouped in the Swiss way.
   */
  static boolean afterDigitGroupMark(String text, int start) {
    return start >= 2
        && (text.charAt(start - 1) == '\'' || text.charAt(start - 1) == '\u2019')
        && Character.isDigit(text.charAt(start - 2));
  }

  /**
   * Returns whether a national number is a placeholder that forms show and documents fill in: one
   * digit repeated ("000-000-0000", "(555) 555-5555", "+44 0000 000000") or the digits in order
   * ("123-456-7890").
   */
  static boolean placeholder(long nationalNumber) {
    String digits = Long.toString(nationalNumber);
    if (digits.chars().allMatch(c -> c == digits.charAt(0))) {
      return true;
    }
    return "1234567890".startsWith(digits) && digits.length() >= 7;
  }

  /**
   * Returns whether a run is a birth date and a serial, as Danish, Norwegian, Swedish, Czech and
   * Korean personal numbers are written ("090668-4886", "19540906-9586", "780512/1234",
   * "820507-2753221"). The date is read as day, month and year or as year, month and day, so
   * "556737-3523" stays a phone number.
   */
  static boolean personalNumber(String run) {
    Matcher serial = DATED_SERIAL.matcher(run);
    if (!serial.matches()) {
      return false;
    }
    int first = Integer.parseInt(serial.group(2));
    int middle = Integer.parseInt(serial.group(3));
    int last = Integer.parseInt(serial.group(4));
    boolean dayFirst = serial.group(1).isEmpty() && day(first) && month(middle);
    return dayFirst || (month(middle) && day(last));
  }

  private static boolean day(int value) {
    return value >= 1 && value <= 31;
  }

  private static boolean month(int value) {
    return value >= 1 && value <= 12;
  }

  /** Returns whether a currency sign comes right before {@code start}, as in "£7048.03". */
  private static boolean afterCurrency(String text, int start) {
    if (start == 0) {
      return false;
    }
    return Character.getType(text.charAt(start - 1)) == Character.CURRENCY_SYMBOL;
  }

  /**
   * Returns whether the run at {@code start} continues groups that an IBAN's country code and check
   * digits open, as in "NL75 RABO 9843 4273 11": the digits of an IBAN whose checksum failed, which
   * the IBAN detector rightly skipped.
   */
  static boolean insideIbanShape(String text, int start) {
    int end = start;
    for (int groups = 0; groups < 8; groups++) {
      if (end < 2 || text.charAt(end - 1) != ' ') {
        return false;
      }
      int from = end - 1;
      while (from > 0 && from > end - 6 && Character.isLetterOrDigit(text.charAt(from - 1))) {
        from--;
      }
      if (from == end - 1 || end - 1 - from > 4) {
        return false;
      }
      boolean wordStart = from == 0 || !Character.isLetterOrDigit(text.charAt(from - 1));
      if (!wordStart) {
        return false;
      }
      if (end - 1 - from == 4 && IBAN_START.matcher(text.substring(from, end - 1)).matches()) {
        return true;
      }
      end = from;
    }
    return false;
  }

  /** Returns the end of the last digit in {@code [from, to)}, which starts with a digit run. */
  private static int lastDigitEnd(String text, int from, int to) {
    int end = to;
    while (end > from && !Character.isDigit(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /**
   * Returns whether a run has the shape of {@link #ID_SHAPE} and no phone word near. Phone numbers
   * written so without a phone word are rare, and IDs written so are common (see {@code
   * tools/pii/README.md} for the counts).
   */
  private static boolean idShapedWithoutWord(int start, int end, String run, PhoneWords words) {
    return ID_SHAPE.matcher(withoutOpenBracket(run)).matches() && !words.near(start, end);
  }

  /**
   * Returns {@code run} stripped, without a leading bracket that it never closes: "(1724570475" in
   * "From BANK-ALERT (1724570475):" is an epoch time in brackets, not an area code.
   */
  private static String withoutOpenBracket(String run) {
    String stripped = run.strip();
    return stripped.startsWith("(") && stripped.indexOf(')') < 0 ? stripped.substring(1) : stripped;
  }

  /**
   * Returns whether the run at {@code start} follows a number and two commas, the pause of a dial
   * string: in "+1 262-219-0197,,482898897#" the digits after the pause are a meeting ID that the
   * phone keys in.
   */
  private static boolean afterDialPause(String text, int start) {
    return start >= 3
        && text.startsWith(",,", start - 2)
        && Character.isDigit(text.charAt(start - 3));
  }

  /**
   * Returns whether the header of the table column that contains {@code start} labels another kind
   * of number, as "HS code", "Part no." or "Billing Postal Code" do, or is one word against a phone
   * ("Invoice", "Orders") over a run not written as only phones are.
   */
  private static boolean headerLabels(PhoneWords words, int start, String run) {
    String header = words.header(start);
    return !header.isEmpty()
        && (NOT_PHONE.labels(header, header.length())
            || numberCompound(header)
            || (ONE_WORD.matcher(header).matches()
                && AGAINST.occursIn(header)
                && !phoneShaped(run)));
  }

  /**
   * Returns whether {@code header} is one German word for the number of a document or record, as
   * "Belegnr" or "Rechnungsnummer" are.
   */
  static boolean numberCompound(String header) {
    return NUMBER_COMPOUND.matcher(header.toLowerCase(Locale.ROOT)).matches();
  }

  /**
   * Returns whether {@code raw} is written as only phone numbers are: with a "+" and a country code
   * (ten digits or more), a North American area code in brackets ("(770) 976-7965"), or a trunk "1"
   * and three dashed groups ("1-800-200-2084"). Order, account and ticket numbers are not written
   * so, so a word such as "order" near does not overrule these shapes.
   */
  static boolean phoneShaped(String raw) {
    String number = raw.strip();
    if (number.startsWith("+")) {
      return countDigits(number) >= 10;
    }
    return NANP_SHAPE.matcher(number).matches();
  }

  /**
   * Returns whether {@code raw}, starting at {@code start}, is a US ZIP+4 code right after a state
   * code, a state name or a ZIP label, whatever other words are near. The same shape without such a
   * label stays a phone: "98765-4321" is a Brazilian mobile number.
   */
  private static boolean zipAfterLabel(String text, int start, String raw) {
    return zipPlusFourShape(raw)
        && (stateBefore(text, start)
            || STATE_NAME.labels(text, start)
            || ZIP_LABEL.labels(text, start));
  }

  /** Returns whether {@code raw} at {@code [start, end)} is a ZIP+4 code after a post box. */
  private static boolean zipAfterPostBox(String text, int start, int end, String raw) {
    return zipPlusFourShape(raw) && POST_BOX.near(text, start, end);
  }

  /** Returns whether {@code raw} is five digits, a dash and four digits, as in "94105-1234". */
  static boolean zipPlusFourShape(String raw) {
    if (raw.length() != 10 || raw.charAt(5) != '-') {
      return false;
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (i != 5 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether a US state code in capitals, such as "CA", ends right before {@code start} with
   * only spaces between, as in "San Francisco, CA 94105-1234". In "CA phone: 415-555-0132" a word
   * comes between.
   */
  static boolean stateBefore(String text, int start) {
    int i = start;
    while (i > 0 && text.charAt(i - 1) == ' ') {
      i--;
    }
    if (i == start || i < 2) {
      return false;
    }
    char first = text.charAt(i - 2);
    char second = text.charAt(i - 1);
    if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
      return false;
    }
    if (i > 2 && Character.isLetterOrDigit(text.charAt(i - 3))) {
      return false;
    }
    return US_STATES.contains(text.substring(i - 2, i));
  }

  /** Returns whether a clock time such as {@code :21} continues the text at {@code end}. */
  private static boolean startsTime(String text, int end) {
    return end + 1 < text.length()
        && text.charAt(end) == ':'
        && Character.isDigit(text.charAt(end + 1));
  }

  /**
   * Returns whether a word in Latin letters other than a phone label follows on the same line, as
   * in "3747 3911 Fourth Avenue". Such house numbers often parse as phone numbers, while a phone
   * number is usually last on its line, or followed by punctuation or a label such as "office".
   * Korean and Japanese sentences go on after a number ("연락처는 02-852-9756 이고"), and their addresses
   * do not put the house number first.
   */
  private static boolean wordFollows(String text, int end) {
    int i = end;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    if (i >= text.length()
        || !Character.isLetter(text.charAt(i))
        || Character.UnicodeScript.of(text.codePointAt(i)) != Character.UnicodeScript.LATIN) {
      return false;
    }
    if (i == end) {
      // A letter right after the digits, as in "40th", unless it starts an extension "x12".
      return text.charAt(i) != 'x';
    }
    String next = text.substring(i, Math.min(text.length(), i + 6)).toLowerCase(Locale.ROOT);
    for (String label : LABELS) {
      if (next.startsWith(label)) {
        return false;
      }
    }
    int wordEnd = i;
    while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
      wordEnd++;
    }
    return !LINKS.contains(text.substring(i, wordEnd).toLowerCase(Locale.ROOT));
  }

  /**
   * Returns the first index from {@code from} where a run may start, or -1: a digit, or a "+" or
   * "(" before a digit, that does not follow a word char, a dot, a plus or a minus.
   */
  static int runStart(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean digitAt = isAsciiDigit(c);
      boolean opens =
          (c == '+' || c == '(') && i + 1 < text.length() && isAsciiDigit(text.charAt(i + 1));
      if ((digitAt || opens) && (i == 0 || !joins(text.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isUpperAscii(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Chars that join a run to what comes before it, a word char, dot, plus or minus. */
  private static boolean joins(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || isAsciiDigit(c)
        || c == '_'
        || c == '.'
        || c == '+'
        || c == '-';
  }

  private static int countDigits(String value) {
    int digits = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    return digits;
  }
}
