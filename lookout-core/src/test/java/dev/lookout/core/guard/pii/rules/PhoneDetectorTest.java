package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectorTest {
  private final PhoneDetector detector = new PhoneDetector();

  @Test
  void findsUsNumberWithExtension() {
    assertThat(Spans.of(detector, "Fax: 345-899-3560x4587")).containsExactly("345-899-3560x4587");
  }

  @Test
  void keepsSevenDigitExtension() {
    assertThat(Spans.of(detector, "Phone: 555-123-4567 ext. 1234567"))
        .containsExactly("555-123-4567 ext. 1234567");
  }

  @Test
  void keepsSixDigitExtensionOfLongNumber() {
    assertThat(Spans.of(detector, "Phone: +44 20 7946 0958 ext. 123456"))
        .containsExactly("+44 20 7946 0958 ext. 123456");
  }

  @Test
  void findsInternationalNumberWithTrunkZero() {
    assertThat(Spans.of(detector, "Fax: +46 (0)157 548 89")).containsExactly("+46 (0)157 548 89");
  }

  @Test
  void findsShortNumberWithContext() {
    assertThat(Spans.of(detector, "Phone: (96) 627-277")).containsExactly("(96) 627-277");
  }

  @Test
  void findsSeveralLabelledNumbers() {
    String text = "0496 46 46 70 office\n(505)498-8487x6837 fax";
    assertThat(Spans.of(detector, text)).containsExactly("0496 46 46 70", "(505)498-8487x6837");
  }

  @Test
  void findsNumberAfterLoneUnderscore() {
    assertThat(Spans.of(detector, "Call _(505) 498-8487 today")).containsExactly("505) 498-8487");
  }

  @Test
  void findsNumberOpeningWithBracketAfterSpace() {
    assertThat(Spans.of(detector, "Call (505) 498-8487 today")).containsExactly("(505) 498-8487");
  }

  @Test
  void skipsNumberJoinedToWord() {
    assertThat(Spans.of(detector, "Call id5054988487 today")).isEmpty();
  }

  @Test
  void skipsNumberAfterMinus() {
    assertThat(Spans.of(detector, "Call -5054988487 today")).isEmpty();
  }

  @Test
  void skipsYearRange() {
    assertThat(Spans.of(detector, "the war (1885-1979) ended")).isEmpty();
  }

  @Test
  void skipsSpacedYearRange() {
    assertThat(Spans.of(detector, "years 2008 - 2013 were good")).isEmpty();
  }

  @Test
  void findsYearLikeNumberAfterPhoneWord() {
    assertThat(Spans.of(detector, "Phone: 2008-2013")).containsExactly("2008-2013");
  }

  @Test
  void findsDescendingYearLikeNumber() {
    assertThat(Spans.of(detector, "Numbers: 2013-2008 or 1999-1998")).isNotEmpty();
  }

  @Test
  void skipsShortNumberWithoutContext() {
    assertThat(Spans.of(detector, "Turkey 05557")).isEmpty();
  }

  @Test
  void skipsDateTime() {
    assertThat(Spans.of(detector, "Date: 1970-09-29 20:21:24")).isEmpty();
  }

  @Test
  void skipsHouseNumbers() {
    assertThat(Spans.of(detector, "Meet me at 7943 2027 Prospect St")).isEmpty();
  }

  @Test
  void skipsLicenseNumber() {
    assertThat(Spans.of(detector, "my driver's license number is 950735093")).isEmpty();
  }

  @Test
  void skipsCardNumber() {
    assertThat(Spans.of(detector, "cc 4929266263682574 on my bill")).isEmpty();
  }

  @Test
  void skipsIsbn13() {
    assertThat(Spans.of(detector, "ISBN 978-3-16-148410-0 is the second edition.")).isEmpty();
  }

  @Test
  void skipsIsbn10() {
    assertThat(Spans.of(detector, "See ISBN-10 0-306-40615-2 in the catalogue.")).isEmpty();
  }

  @Test
  void skipsIsbnByCheckDigit() {
    assertThat(Spans.of(detector, "ISBN (paperback): 9780306406157")).isEmpty();
  }

  @Test
  void skipsUpcCode() {
    assertThat(Spans.of(detector, "UPC 036000291452 scanned")).isEmpty();
  }

  @Test
  void skipsEpochTime() {
    assertThat(Spans.of(detector, "epoch 1705314645 is mid-January")).isEmpty();
  }

  @Test
  void skipsTimeKey() {
    assertThat(Spans.of(detector, "created_at_ms=1705314645123 in the payload")).isEmpty();
  }

  @Test
  void skipsMeetingIdDespiteCall() {
    assertThat(Spans.of(detector, "Call in with Zoom Meeting ID: 852 1234 5678")).isEmpty();
  }

  @Test
  void skipsWaybill() {
    assertThat(Spans.of(detector, "DHL waybill 1234567890 arrived")).isEmpty();
  }

  @Test
  void skipsLotNumber() {
    assertThat(Spans.of(detector, "Lot number 2024-0515-003 expired.")).isEmpty();
  }

  @Test
  void findsNumberAfterTelNo() {
    assertThat(Spans.of(detector, "Tel. no.: (505)498-8487")).containsExactly("(505)498-8487");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Austin, Texas 78701-4455",
        "Albany, New York 12207-1234",
        "Case ID: 0201234567",
        "Transaction ID 4155550123",
        "Booking reference 4155550123",
        "Confirmation number 4155550123"
      })
  void skipsLabelledIdsAndZipCodes(String text) {
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void findsBrazilianNumberWithAreaCode() {
    assertThat(Spans.of(detector, "Meu celular é (11) 98765-4321"))
        .containsExactly("(11) 98765-4321");
  }

  @Test
  void findsGermanMobileWithPrefix() {
    assertThat(Spans.of(detector, "Ruf mich an: 0151 23456789")).containsExactly("0151 23456789");
  }

  @Test
  void findsNumbersSideBySideAfterPhoneWord() {
    assertThat(Spans.of(detector, "Call 555-123-4567 555-123-4568"))
        .containsExactly("555-123-4567", "555-123-4568");
  }

  @Test
  void skipsLongIdWithoutPhoneWord() {
    assertThat(Spans.of(detector, "ID 1234 5678 9012 3456 7890")).isEmpty();
  }

  @Test
  void skipsOrderNumberWithoutPhoneWord() {
    assertThat(Spans.of(detector, "Order 4155550132 shipped.")).isEmpty();
  }

  @Test
  void findsNumberAfterOrderWithPhoneWord() {
    assertThat(Spans.of(detector, "Order line phone 4155550132")).containsExactly("4155550132");
  }

  @Test
  void findsNumberWithLabelFarBefore() {
    assertThat(Spans.of(detector, "Order questions? Call (505)498-8487"))
        .containsExactly("(505)498-8487");
  }

  @Test
  void validLeniencyRejectsUnassignedAreaCode() {
    PhoneDetector strict = new PhoneDetector(List.of("US"), Leniency.VALID);
    assertThat(Spans.of(strict, "Phone: +1-177-892-0730")).isEmpty();
  }

  @Test
  void rejectsUnknownRegion() {
    assertThatThrownBy(() -> new PhoneDetector(List.of("XX"), Leniency.POSSIBLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XX");
  }

  @Test
  void findsNumberAfterCallToOrder() {
    assertThat(Spans.of(detector, "Call to order: 753-544-1557")).containsExactly("753-544-1557");
  }

  @Test
  void findsDialInNumberOfMeeting() {
    assertThat(Spans.of(detector, "Dial-in for the meeting: 1-800-332-3949")).hasSize(1);
  }

  @Test
  void skipsMeetingId() {
    assertThat(Spans.of(detector, "Zoom Meeting ID: 852 1234 5678")).isEmpty();
  }

  @Test
  void findsNumberUnderPhoneKey() {
    assertThat(Spans.of(detector, "order_phone: (860) 245-5415")).hasSize(1);
  }

  @Test
  void findsNumberAfterUpcoming() {
    assertThat(Spans.of(detector, "Call me about the upcoming trip at +44 20 7946 3285"))
        .hasSize(1);
  }

  @Test
  void findsShortNumberAfterHelpdesk() {
    assertThat(Spans.of(detector, "Helpdesk: 537-9239")).containsExactly("537-9239");
  }

  @Test
  void skipsDottedSoftwareVersion() {
    assertThat(Spans.of(detector, "Running Chrome 120.0.6099.109 on Windows 10.0.19045.3803"))
        .isEmpty();
  }

  @Test
  void findsDottedNumberWithCountryCode() {
    assertThat(Spans.of(detector, "Call 1.800.555.0199 now")).containsExactly("1.800.555.0199");
  }

  @Test
  void skipsDottedNumberAfterBuildWord() {
    assertThat(Spans.of(detector, "Fixed in build 22.11.1234.56 last week")).isEmpty();
  }

  @Test
  void findsBelgianDottedNumber() {
    assertThat(Spans.of(detector, "Call +32 2.123.45.67 today")).containsExactly("+32 2.123.45.67");
  }

  @Test
  void skipsDigitsOfHexDigest() {
    assertThat(Spans.of(detector, "docker pull nginx@sha256:0123456789abcdef0123")).isEmpty();
  }

  @Test
  void skipsDigitsOfCommitHash() {
    assertThat(Spans.of(detector, "git checkout 3049857612abcdef")).isEmpty();
  }

  @Test
  void findsUsNumberWithCountryCode() {
    assertThat(Spans.of(detector, "Reach me at +1 415-555-0132"))
        .containsExactly("+1 415-555-0132");
  }

  @Test
  void findsUsNumberWithAreaCodeInBrackets() {
    assertThat(Spans.of(detector, "Office: (415) 555-0132")).containsExactly("(415) 555-0132");
  }

  @Test
  void findsSpacedNumberAfterCall() {
    assertThat(Spans.of(detector, "call 415 555 0132")).containsExactly("415 555 0132");
  }

  @Test
  void findsGermanNumber() {
    assertThat(Spans.of(detector, "Telefon: 030 12345678")).containsExactly("030 12345678");
  }

  @Test
  void findsBrazilianNumber() {
    assertThat(Spans.of(detector, "Ligue para +55 11 91234-5678"))
        .containsExactly("+55 11 91234-5678");
  }

  @Test
  void skipsZipPlusFourAfterState() {
    assertThat(Spans.of(detector, "Ship to 1 Main St, San Francisco, CA 94105-1234.")).isEmpty();
  }

  @Test
  void skipsZipPlusFourAfterZipCode() {
    assertThat(Spans.of(detector, "ZIP code 94103-1234, call 415-555-0132"))
        .containsExactly("415-555-0132");
  }

  @Test
  void skipsZipPlusFourAfterPostalCode() {
    assertThat(Spans.of(detector, "Postal code: 94105-1234")).isEmpty();
  }

  @Test
  void skipsZipPlusFourAfterPostBox() {
    assertThat(Spans.of(detector, "Mail to PO Box 12, 10001-0002")).isEmpty();
  }

  @Test
  void findsPhoneAfterStateAndPhoneWord() {
    assertThat(Spans.of(detector, "Springfield, IL phone: 217-555-0132"))
        .containsExactly("217-555-0132");
  }

  @Test
  void findsBrazilianMobileShapedLikeZip() {
    assertThat(Spans.of(detector, "WhatsApp: 98765-4321")).containsExactly("98765-4321");
  }

  @Test
  void stateNeedsCapitals() {
    assertThat(PhoneDetector.stateBefore("ca 94105-1234", 3)).isFalse();
  }

  @Test
  void stateNeedsWholeWord() {
    assertThat(PhoneDetector.stateBefore("DECA 94105-1234", 5)).isFalse();
  }

  @Test
  void zipShapeNeedsFourDigitsAfterDash() {
    assertThat(PhoneDetector.zipPlusFourShape("94105-123")).isFalse();
  }

  @Test
  void skipsImei() {
    assertThat(Spans.of(detector, "IMEI 490154203237518 on the device")).isEmpty();
  }

  @Test
  void skipsImeiDespiteCall() {
    assertThat(Spans.of(detector, "Call about IMEI 490154203237518")).isEmpty();
  }

  @Test
  void skipsImeiKey() {
    assertThat(Spans.of(detector, "device_imei: 490154203237518")).isEmpty();
  }

  @Test
  void skipsSerialAbbreviation() {
    assertThat(Spans.of(detector, "S/N: 4155550132")).isEmpty();
  }

  @Test
  void skipsTicketNumber() {
    assertThat(Spans.of(detector, "Ticket 607-464-0515 is closed.")).isEmpty();
  }

  @Test
  void findsNumberAfterTicketColon() {
    assertThat(Spans.of(detector, "Questions about your ticket: (904) 907-2486"))
        .containsExactly("(904) 907-2486");
  }

  @Test
  void skipsCustomerId() {
    assertThat(Spans.of(detector, "Customer ID 4155550132")).isEmpty();
  }

  @Test
  void skipsCustomerIdKey() {
    assertThat(Spans.of(detector, "customer_id=4155550132")).isEmpty();
  }

  @Test
  void skipsInvoiceNumberDespiteCall() {
    assertThat(Spans.of(detector, "Invoice no. 4155550132, call us at (415) 555-0132"))
        .containsExactly("(415) 555-0132");
  }

  @Test
  void findsNumberAfterTelInvoice() {
    assertThat(Spans.of(detector, "Tel. invoice: 766-995-9603")).containsExactly("766-995-9603");
  }

  @Test
  void findsNumberAfterLongPhoneLabel() {
    assertThat(Spans.of(detector, "Teléfono para su tarjeta/card: +49 30 66327173"))
        .containsExactly("+49 30 66327173");
  }

  @Test
  void labelStopsAtSentenceEnd() {
    String text = "Call the desk for anything else you need today. Order: 4155550132";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void labelNeedsColon() {
    String text = "Teléfono para su tarjeta de crédito o del banco, card 4155550132";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void findsInternationalNumberNearOrderWord() {
    assertThat(Spans.of(detector, "About your order: +1 594 982 5488"))
        .containsExactly("+1 594 982 5488");
  }

  @Test
  void findsBracketedAreaCodeAfterAccountLabel() {
    assertThat(Spans.of(detector, "Account: (770) 976-7965")).containsExactly("(770) 976-7965");
  }

  @Test
  void findsTrunkDashedNumberNearOrderWord() {
    assertThat(Spans.of(detector, "Order line: 1-800-200-2084")).containsExactly("1-800-200-2084");
  }

  @Test
  void skipsPlainDashedNumberNearOrderWord() {
    assertThat(Spans.of(detector, "Order: 415-555-0132")).isEmpty();
  }

  @Test
  void findsShortNumberAfterTelNr() {
    assertThat(Spans.of(detector, "TelNr 732-1578")).containsExactly("732-1578");
  }

  @Test
  void skipsNumberAfterLot() {
    assertThat(Spans.of(detector, "Lot 5965-2293-965 expires 11/2026.")).isEmpty();
  }

  @Test
  void skipsDigitsAloneWithoutWord() {
    assertThat(Spans.of(detector, "Transaction refs 990537455885 and 427783756237.")).isEmpty();
  }

  @Test
  void findsDigitsAloneAfterPhoneWord() {
    assertThat(Spans.of(detector, "Phone: 4155550132")).containsExactly("4155550132");
  }

  @Test
  void skipsReferenceWithYear() {
    assertThat(Spans.of(detector, "Rechnung Nr. 7315/2024")).isEmpty();
  }

  @Test
  void skipsDecimalNumber() {
    assertThat(Spans.of(detector, "kernel: [35999.356683] eth0: link up")).isEmpty();
  }

  @Test
  void skipsUuidPrefix() {
    assertThat(Spans.of(detector, "{\"id\": \"55720168-799a-468b-9f0c-0242ac120002\"}")).isEmpty();
  }

  @Test
  void skipsPartNumber() {
    assertThat(Spans.of(detector, "product P/N 338-18055-943, qty 2")).isEmpty();
  }

  @Test
  void skipsRecordNumberDespiteFax() {
    assertThat(Spans.of(detector, "MRN: 7611574, fax on file")).isEmpty();
  }

  @Test
  void skipsPatientIdBeforePhoneLabel() {
    String text = "Patient ID 972296443\nPhone: (415) 555-0132";
    assertThat(Spans.of(detector, text)).containsExactly("(415) 555-0132");
  }

  @Test
  void skipsTrackingNumberAfterCarrier() {
    assertThat(Spans.of(detector, "Your order has shipped via FedEx (9827 7117 5367).")).isEmpty();
  }

  @Test
  void findsNumberAfterJapanesePhoneWord() {
    assertThat(Spans.of(detector, "ご連絡は電話：09015471860 まで")).containsExactly("09015471860");
  }

  @Test
  void skipsRepeatedDigitPlaceholder() {
    assertThat(Spans.of(detector, "SUPPORT_PHONE=(555) 555-5555")).isEmpty();
  }

  @Test
  void skipsSequentialPlaceholder() {
    assertThat(Spans.of(detector, "Phone field example: 123-456-7890")).isEmpty();
  }

  @Test
  void skipsFourPartVersion() {
    assertThat(Spans.of(detector, "Upgrade from 4.14.6.9257 to 12.15.20.6862 today")).isEmpty();
  }

  @Test
  void skipsVersionAfterEquals() {
    assertThat(Spans.of(detector, "APP_VERSION=12.1.26.2303")).isEmpty();
  }

  @Test
  void skipsEmployerIdNumber() {
    assertThat(Spans.of(detector, "employee Quentin Costa, EIN 81-3265403, SSN on file")).isEmpty();
  }

  @Test
  void skipsTariffCode() {
    assertThat(Spans.of(detector, "Consignment DE405267856GB, HS code 6245.79.70, customs"))
        .isEmpty();
  }

  @Test
  void findsNumberBeforeConjunction() {
    assertThat(Spans.of(detector, "Hola, mi móvil es 646 58 98 49 y mi correo es otro."))
        .containsExactly("646 58 98 49");
  }

  @Test
  void skipsHouseNumberBeforeStreet() {
    assertThat(Spans.of(detector, "The office is at 17031 2202 Rissik St")).isEmpty();
  }

  @Test
  void splitsRunAtTwoSpaces() {
    assertThat(Spans.of(detector, "Phone  020 7946 0958   96 units"))
        .containsExactly("020 7946 0958");
  }

  @Test
  void skipsDanishPersonalNumber() {
    assertThat(Spans.of(detector, "Tlf. og CPR: 090668-4886")).isEmpty();
  }

  @Test
  void findsDashedNumberThatIsNoDate() {
    assertThat(Spans.of(detector, "her mobile number is 556737-3523, is that correct?"))
        .containsExactly("556737-3523");
  }

  @Test
  void skipsBrazilianCpf() {
    assertThat(Spans.of(detector, "Telefone e CPF: 013.225.335-21")).isEmpty();
  }

  @Test
  void skipsMonthAndYear() {
    assertThat(Spans.of(detector, "Su factura móvil 05/2025")).isEmpty();
  }

  @Test
  void skipsAmountAfterCurrency() {
    assertThat(Spans.of(detector, "Phone bill total: £7048.03")).isEmpty();
  }

  @Test
  void skipsDigitsOfFailedIban() {
    assertThat(Spans.of(detector, "Call me about NL75 RABO 9843 4273 11, it failed")).isEmpty();
  }

  @Test
  void skipsTimingRange() {
    assertThat(Spans.of(detector, "phone lookup (actual time=0.031..812.442 rows=1)")).isEmpty();
  }

  @Test
  void skipsServiceRequestNumber() {
    assertThat(Spans.of(detector, "Ticket SR 638-544-9776: customer waiting")).isEmpty();
  }

  @Test
  void skipsArticleNumber() {
    assertThat(Spans.of(detector, "Call us about Art.-Nr. 839.778.20")).isEmpty();
  }

  @Test
  void findsNumberAfterRufnummer() {
    assertThat(Spans.of(detector, "Ihre Rechnung\nRufnummer: 0664 447083"))
        .containsExactly("0664 447083");
  }

  @Test
  void skipsTrackingNumberInGroupsOfFour() {
    assertThat(Spans.of(detector, "Track & trace: 4164 6522 1853")).isEmpty();
  }

  @Test
  void skipsYearFirstReference() {
    assertThat(Spans.of(detector, "Please quote reference 2025/454010")).isEmpty();
  }

  @Test
  void skipsLoadAverages() {
    assertThat(Spans.of(detector, "load avg 0.91 0.22 0.88")).isEmpty();
  }

  @Test
  void skipsSsnShapeAfterOtherLabel() {
    assertThat(Spans.of(detector, "Taxpayer ID 952-34-9786")).isEmpty();
  }

  @Test
  void skipsCzechBirthNumber() {
    assertThat(Spans.of(detector, "Rodné číslo 780512/1234")).isEmpty();
  }

  @Test
  void findsNumberUnderPhoneColumn() {
    String text = "name,email,phone,country\nHaruka Suzuki,haruka@example.jp,08081403673,JP";
    assertThat(Spans.of(detector, text)).containsExactly("08081403673");
  }

  @Test
  void skipsIdBesidePhoneColumn() {
    String text = "lead_id,company,email,phone\n9656933,Initech,jo@example.com,";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void findsNumberWhoseExtensionPassesLuhn() {
    assertThat(Spans.of(detector, "Tel: 614-815-6605x397")).containsExactly("614-815-6605x397");
  }

  @Test
  void skipsImeiAfterWord() {
    assertThat(Spans.of(detector, "my phone's IMEI is 015726788289976 and")).isEmpty();
  }

  @Test
  void skipsImeiInGroups() {
    assertThat(Spans.of(detector, "device 35-209900-176148-1 reset")).isEmpty();
  }

  @Test
  void findsFifteenDigitsFailingLuhn() {
    assertThat(Spans.of(detector, "Call 004930123456789")).containsExactly("004930123456789");
  }

  @Test
  void skipsFrenchSocialNumberGroups() {
    assertThat(Spans.of(detector, "n° de sécurité sociale 2 86 03 27 509 569 26")).isEmpty();
  }

  @Test
  void skipsFrenchSocialNumberWithKey() {
    assertThat(Spans.of(detector, "NIR 286032750956921")).isEmpty();
  }

  @Test
  void findsFrenchNumberInPairs() {
    assertThat(Spans.of(detector, "Tél : 01 42 68 53 00")).containsExactly("01 42 68 53 00");
  }

  @Test
  void skipsStatusAndSizeInAccessLog() {
    String line = "\"POST /api/users/3128/contact HTTP/1.1\" 422 5528 \"-\" \"okhttp/4.9\"";
    assertThat(Spans.of(detector, line)).isEmpty();
  }

  @Test
  void skipsPolicyNumber() {
    assertThat(Spans.of(detector, "Claim SCH-7366681, policy 90728025-89")).isEmpty();
  }

  @Test
  void skipsGermanPolicyNumber() {
    assertThat(Spans.of(detector, "(Versicherungsschein 76629/272)")).isEmpty();
  }

  @Test
  void skipsLabelInCsvCellBefore() {
    assertThat(Spans.of(detector, "country,kind,value\nCA,SIN,167 824 497")).isEmpty();
  }

  @Test
  void findsKoreanNumberBeforeWord() {
    assertThat(Spans.of(detector, "연락처는 02-852-9756 이고")).containsExactly("02-852-9756");
  }

  @Test
  void skipsAddressRange() {
    assertThat(Spans.of(detector, "\"v=spf1 ip4:198.51.100.0/24 -all\"")).isEmpty();
  }

  @Test
  void skipsCaseNumberAfterHash() {
    String text = "Thanks for contacting support (case #67274900). We will call you.";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void skipsAirlineTicketNumber() {
    assertThat(Spans.of(detector, "SEQ 045  TKT 074-1065206014")).isEmpty();
  }

  @Test
  void skipsPriceWithCents() {
    assertThat(Spans.of(detector, "Precio 9565.08. Contacto: Tel. +34 612 34 56 78"))
        .containsExactly("+34 612 34 56 78");
  }

  @Test
  void skipsEpochInOpenBracket() {
    assertThat(Spans.of(detector, "From BANK-ALERT (1724570475): A payment was made")).isEmpty();
  }

  @Test
  void skipsCountOverTotal() {
    assertThat(Spans.of(detector, "Statements 54.97% (3889/11765), Branches 81.95%")).isEmpty();
  }

  @Test
  void keepsGermanNumberWithSlash() {
    assertThat(Spans.of(detector, "Apotheke am Markt, Tel. 03998/8780."))
        .containsExactly("03998/8780");
  }

  @Test
  void skipsTimingsBelowOne() {
    assertThat(Spans.of(detector, "delay=0.8, delays=0.37/0/0.11/0.26, dsn=2.0.0")).isEmpty();
  }

  @Test
  void skipsSortCodeAndAccount() {
    assertThat(Spans.of(detector, "FPS IN  FROM J SMITH  56-67-79 10368712  +£78.00")).isEmpty();
  }

  @Test
  void skipsMeetingIdAfterDialPause() {
    assertThat(Spans.of(detector, "Dial in by phone\n+1 262-219-0197,,482898897# United States"))
        .containsExactly("+1 262-219-0197");
  }

  @Test
  void skipsNumberUnderPostalCodeHeader() {
    String text = "Account Name|Billing Postal Code|DUNS\nGlobex Corp|01911-9167|297130500";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void skipsNumberAfterReferenceLabel() {
    assertThat(Spans.of(detector, "Na-send ko na po sa GCash, ref no. 5876 898 795348, salamat"))
        .isEmpty();
  }

  @Test
  void skipsSpecimenNumber() {
    assertThat(Spans.of(detector, "K+ 6.0 mmol/L on specimen 24-389-20292 for patient")).isEmpty();
  }

  @Test
  void keepsTurkishMobileAfterCep() {
    assertThat(Spans.of(detector, "Ayşe Şahin, cep 0504 417 98 18, IBAN"))
        .containsExactly("0504 417 98 18");
  }

  @Test
  void skipsCompanyRegisterNumber() {
    assertThat(Spans.of(detector, "SAS Orion, RCS Lyon 195 224 012, ci-après")).isEmpty();
  }

  @Test
  void skipsCompanyRegisterNumberWithSection() {
    assertThat(Spans.of(detector, "R.C.S. Paris B 552 081 317")).isEmpty();
  }

  @Test
  void findsPhoneAfterRegisterTown() {
    assertThat(Spans.of(detector, "Contact RCS Lyon at 04 78 12 34 56"))
        .containsExactly("04 78 12 34 56");
  }

  @Test
  void skipsMultibancoReference() {
    assertThat(Spans.of(detector, "Referência MB 670 874 976.")).isEmpty();
  }

  @Test
  void dropsLastGroupGluedToHash() {
    String text = "status=sent (250 2.0.0 OK  1718988395 11cdd9457ebe - gsmtp)";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void keepsNumberBeforeJapanese() {
    assertThat(Spans.of(detector, "携帯番号は+81 3-1234-1259です。")).containsExactly("+81 3-1234-1259");
  }

  @Test
  void findsNumbersGluedToLabels() {
    assertThat(Spans.of(detector, "Tel: 020 7946 0958Fax: 020 7946 0959"))
        .containsExactly("020 7946 0958", "020 7946 0959");
  }

  @Test
  void skipsRunBeforeQueueHash() {
    String text = "postfix/qmgr[123]: 1718988395 4429 11cdd9457ebe: removed";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void findsPhoneAfterRcsService() {
    assertThat(Spans.of(detector, "RCS Chat: +44 7700 900123")).containsExactly("+44 7700 900123");
  }

  @Test
  void keepsEightDigitExtension() {
    assertThat(Spans.of(detector, "Call 020 7946 0958 x12345678"))
        .containsExactly("020 7946 0958 x12345678");
  }

  @Test
  void skipsZoomId() {
    assertThat(Spans.of(detector, "DESCRIPTION:Zoom ID 051 6789 5148, Passcode 944043")).isEmpty();
  }

  @Test
  void skipsSpokenReferenceNumber() {
    assertThat(Spans.of(detector, "Your reference number is 252 206 2751, thanks.")).isEmpty();
  }

  @Test
  void skipsGermanTaxNumber() {
    assertThat(Spans.of(detector, "TSE-Sig 609fe9f9\nSt.-Nr. 155/752/06929")).isEmpty();
  }

  @Test
  void skipsCompactDateBeforeTime() {
    assertThat(Spans.of(detector, "Bon-Nr. 144688  20241012 14:14")).isEmpty();
  }

  @Test
  void skipsCompactDateInLogLine() {
    assertThat(Spans.of(detector, "[20221004 19:14:02] [error] File does not exist")).isEmpty();
  }

  @Test
  void skipsRestOfSwissGroupedAmount() {
    assertThat(Spans.of(detector, "Salary band: L2 (7'258.31 - 1560.55)")).isEmpty();
  }

  @Test
  void skipsOrderAfterNumeroSign() {
    assertThat(Spans.of(detector, "Ma commande n° 3704-1824-4769 n'est pas arrivée.")).isEmpty();
  }

  @Test
  void skipsItalianOrder() {
    assertThat(Spans.of(detector, "Ordine n. 2121-6864-6704 del 20250727")).isEmpty();
  }

  @Test
  void skipsJapaneseInvoiceNumber() {
    assertThat(Spans.of(detector, "会員番号191406089、請求書番号153 267 274。")).isEmpty();
  }

  @Test
  void skipsMandateReference() {
    assertThat(Spans.of(detector, "Mandatsreferenz 7968-848374-18, Fälligkeit 17/06/2023"))
        .isEmpty();
  }

  @Test
  void skipsPlanId() {
    assertThat(Spans.of(detector, "prescriber NPI 1492307938, plan ID 081-601-119")).isEmpty();
  }

  @Test
  void skipsRequestNumber() {
    assertThat(Spans.of(detector, "Your request 681-704-3724 has been resolved.")).isEmpty();
  }

  @Test
  void skipsNumberUnderSqlOrderColumn() {
    String text = "INSERT INTO orders (id, order_ref) VALUES\n(15422, '5706-6751-1552');";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void findsNumberUnderSqlPhoneColumn() {
    String text = "INSERT INTO t (id, phone) VALUES (1, '3123010768');";
    assertThat(Spans.of(detector, text)).containsExactly("3123010768");
  }

  @Test
  void skipsNumberUnderGermanNumberColumn() {
    String text = "Belegnr;Datum;PLZ\n844 429 693;20210613;27366";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void findsNumberUnderGermanPhoneColumn() {
    String text = "Kundennr;Telefonnr;PLZ\n052774;0221 5366485;50667";
    assertThat(Spans.of(detector, text)).containsExactly("0221 5366485");
  }

  @Test
  void findsNumberBesideAccountsMailbox() {
    String text = "Questions? accounts@kestrelbank.co.uk or 07457 968 772";
    assertThat(Spans.of(detector, text)).containsExactly("07457 968 772");
  }

  @Test
  void findsSpeakersOwnNumber() {
    assertThat(Spans.of(detector, "Hola, mi número es 727953973 y mi correo"))
        .containsExactly("727953973");
  }

  @Test
  void skipsOwnNumberOfAnotherKind() {
    assertThat(Spans.of(detector, "Mon numéro de sécu 123031637429038, c'est bon")).isEmpty();
  }

  @Test
  void findsTurkishMobileAfterCep() {
    assertThat(Spans.of(detector, "Ad Soyad Can Çelik, cep 0502 241 46 81, IBAN"))
        .containsExactly("0502 241 46 81");
  }

  @Test
  void findsNumberAfterOrdinal() {
    assertThat(Spans.of(detector, "Call the 1st number 020 7946 0958"))
        .containsExactly("020 7946 0958");
  }

  @Test
  void findsNumberAfterContactAddress() {
    String text = "Contact: hannah_nguyen76@gmail.com, 0243292897\nPaid with card";
    assertThat(Spans.of(detector, text)).containsExactly("0243292897");
  }

  @Test
  void skipsNumberAfterEmailAddressLabel() {
    String text = "Email: hannah_nguyen76@gmail.com, 0243292897\nPaid with card";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void findsNumberUnderDirectLineColumn() {
    String text = "account\towner\tdirect_line\nACC223533\tMadison Reyes\t3987710229";
    assertThat(Spans.of(detector, text)).containsExactly("3987710229");
  }

  @Test
  void skipsNumberUnderSqlColumnAfterGroupedAmount() {
    String text =
        "INSERT INTO orders (id, order_ref, total) VALUES\n"
            + "(71862, 'SO8599238', 19'380.52),\n(37985, '2895-1641-0749', 7316.56);";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void skipsSecondsOfApacheTime() {
    assertThat(Spans.of(detector, "[Tue Jan 07 07:15:14.605768 2024] [php:error] [pid 1]"))
        .isEmpty();
  }

  @Test
  void skipsSecondsOfGitDate() {
    assertThat(Spans.of(detector, "Date:   Mon Jan 26 18:39:23 2024 -0700\n\n    Refactor"))
        .isEmpty();
  }

  @Test
  void skipsKernelTimestampBeforeFileSystem() {
    assertThat(Spans.of(detector, "web01 kernel: [4280825.940389] EXT4-fs (nvme0n1p1): mounted"))
        .isEmpty();
  }

  @Test
  void skipsPortAfterAddress() {
    String text = "[prod-api-80] [] 10.241.203.170:8080 4338 1.608 401 a2f8";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void skipsBritishVatNumber() {
    assertThat(Spans.of(detector, "VAT reg. no. GB 881 0839 72\nNet 8,073.00")).isEmpty();
  }

  @Test
  void skipsGermanVatNumber() {
    assertThat(Spans.of(detector, "Steuer | USt-IdNr.: DE 440 778 152\nBitte")).isEmpty();
  }

  @Test
  void skipsBrazilianCompanyNumber() {
    assertThat(Spans.of(detector, "CNPJ do emitente: 28.280.497/0001-44. Valor total")).isEmpty();
  }

  @Test
  void skipsBrazilianPostalCode() {
    assertThat(Spans.of(detector, "em trânsito para Curitiba - CEP 06752-660.")).isEmpty();
  }

  @Test
  void skipsCompanyNumber() {
    assertThat(Spans.of(detector, "registered in England and Wales, company no. 01469180."))
        .isEmpty();
  }

  @Test
  void skipsKoreanBusinessNumber() {
    assertThat(Spans.of(detector, "사업자등록번호 130-19-05993, 상호")).isEmpty();
  }

  @Test
  void skipsJapaneseDeliverySlipNumber() {
    assertThat(Spans.of(detector, "配送伝票番号：2994-2305-6574\nお届け予定日")).isEmpty();
  }

  @Test
  void skipsPolishSellerTaxNumber() {
    assertThat(Spans.of(detector, "NIP sprzedawcy: 023-671-42-05, termin płatności")).isEmpty();
  }

  @Test
  void skipsWebexAccessCode() {
    assertThat(Spans.of(detector, "Meeting number (access code): 2167 080 8992\n")).isEmpty();
  }

  @Test
  void skipsConferenceId() {
    assertThat(Spans.of(detector, "Konferenz-ID 236 474 39#\nBei Fragen")).isEmpty();
  }

  @Test
  void skipsUserIdKey() {
    assertThat(Spans.of(detector, "not a valid phone number. (user_id=420828)")).isEmpty();
  }

  @Test
  void skipsNumberUnderInvoiceColumn() {
    String text = "Date\tInvoice\tAmount\n2023-06-19\t2024-10568\t45,933.11";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void skipsAccountBeforeMobileLine() {
    String text = "Bank: sort code 49-46-95, account 15199368\nMobile: 07723 456789";
    assertThat(Spans.of(detector, text)).containsExactly("07723 456789");
  }

  @Test
  void findsHl7PhoneField() {
    String text = "PID|1||^^CHICAGO^IL^60614||4085550198^PRN^PH|ENG";
    assertThat(Spans.of(detector, text)).containsExactly("4085550198");
  }

  @Test
  void findsNumberBeforePolishOr() {
    String text = "proszę o kontakt telefoniczny pod numerem 690439617 albo mailowo";
    assertThat(Spans.of(detector, text)).containsExactly("690439617");
  }

  @Test
  void findsHinglishOwnNumber() {
    assertThat(Spans.of(detector, "Sir mera number 7672656839 hai, please WhatsApp"))
        .containsExactly("7672656839");
  }

  @Test
  void findsNumberAfterReached() {
    assertThat(Spans.of(detector, "Your driver can be reached on 07456986342. Parcel ref"))
        .containsExactly("07456986342");
  }

  @Test
  void findsNumberAfterPhoneSign() {
    assertThat(Spans.of(detector, "33. BILLING PROVIDER INFO & PH #  2123011738"))
        .containsExactly("2123011738");
  }

  @Test
  void findsNumberAfterLogSeconds() {
    assertThat(Spans.of(detector, "2024-05-01 10:22:33 415-555-0198 called"))
        .containsExactly("415-555-0198");
  }

  @Test
  void findsNumberAfterAddressAndPort() {
    assertThat(Spans.of(detector, "Asterisk: 10.0.0.5:5060 (415) 555-0198 ringing"))
        .containsExactly("(415) 555-0198");
  }

  @Test
  void findsNumberAfterHeight() {
    assertThat(Spans.of(detector, "Tall guy 6'2 415-555-0198 text me"))
        .containsExactly("415-555-0198");
  }

  @Test
  void findsNumberAfterVatWordInCapitals() {
    assertThat(Spans.of(detector, "IVA INCLUIDO TEL 912 345 678")).containsExactly("912 345 678");
  }

  @Test
  void findsNumberAfterVatWordAndCountry() {
    assertThat(Spans.of(detector, "For VAT queries call UK 020 7946 0018"))
        .containsExactly("020 7946 0018");
  }

  @Test
  void findsNumberUnderGermanContactColumn() {
    String text = "Name;Kontaktnr;PLZ\nAnn;0221 5366485;50667";
    assertThat(Spans.of(detector, text)).containsExactly("0221 5366485");
  }

  @Test
  void findsNumberUnderAccountsPayableColumn() {
    String text = "Vendor,Email,Accounts Payable\nAcme,ap@acme.com,(415) 555-0198";
    assertThat(Spans.of(detector, text)).containsExactly("(415) 555-0198");
  }

  @Test
  void skipsCountAfterReached() {
    assertThat(Spans.of(detector, "The counter reached 2147483647 and overflowed.")).isEmpty();
  }

  @Test
  void findsInternationalNumberAfterCompanyNumber() {
    assertThat(Spans.of(detector, "Company number: +44 20 7946 0018"))
        .containsExactly("+44 20 7946 0018");
  }

  @Test
  void findsCompanyNumberWithCallWord() {
    assertThat(Spans.of(detector, "Our company number is 020 7946 0018, call any time"))
        .containsExactly("020 7946 0018");
  }

  @Test
  void findsAccountNumberCalledCell() {
    assertThat(Spans.of(detector, "Account 4155550198 is my cell, call me"))
        .containsExactly("4155550198");
  }

  @Test
  void findsNumberAfterCallAtSign() {
    assertThat(Spans.of(detector, "For booking call@9876543210")).containsExactly("9876543210");
  }

  @Test
  void findsNumberAfterFrenchCall() {
    String text = "Pour toute question sur votre commande, appelez le 01 42 68 53 00";
    assertThat(Spans.of(detector, text)).containsExactly("01 42 68 53 00");
  }

  @Test
  void findsNumberAfterUserNumber() {
    assertThat(Spans.of(detector, "User number 415-555-0198 called twice"))
        .containsExactly("415-555-0198");
  }

  @Test
  void findsReferenceNumberToCall() {
    assertThat(Spans.of(detector, "Please call the reference number 0800 123 4567 for support"))
        .containsExactly("0800 123 4567");
  }

  @Test
  void findsNumberAfterItalianCall() {
    assertThat(Spans.of(detector, "Per l'ordine chiamare lo 02 8728 1234"))
        .containsExactly("02 8728 1234");
  }

  @Test
  void findsInternationalNumberOnLineAfterVat() {
    assertThat(Spans.of(detector, "Prices exclude VAT\nUS +1 415 555 0198"))
        .containsExactly("+1 415 555 0198");
  }

  @Test
  void findsNumberAfterSqlStringWithStrayQuote() {
    String text =
        "INSERT INTO notes (id, ref) VALUES (1, 'Bob's');\nCall me on 415 555 0198 today.";
    assertThat(Spans.of(detector, text)).containsExactly("415 555 0198");
  }

  @Test
  void findsNumberAfterLabelInSqlString() {
    String text =
        "INSERT INTO messages (id, body) VALUES (1, 'Phone for questions about your order:"
            + " 020 7946 0018');";
    assertThat(Spans.of(detector, text)).containsExactly("020 7946 0018");
  }
}
