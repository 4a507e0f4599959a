package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCardDetectorTest {
  private final CreditCardDetector detector = new CreditCardDetector();

  @Test
  void findsVisa() {
    assertThat(Spans.of(detector, "My card 4111111111111111 was lost"))
        .containsExactly("4111111111111111");
  }

  @Test
  void findsGroupedAmex() {
    assertThat(Spans.of(detector, "amex 3782 822463 10005.")).containsExactly("3782 822463 10005");
  }

  @Test
  void findsDashedMastercard() {
    assertThat(Spans.of(detector, "5555-5555-5555-4444")).containsExactly("5555-5555-5555-4444");
  }

  @Test
  void rejectsLuhnFailure() {
    assertThat(Spans.of(detector, "card 4111111111111112")).isEmpty();
  }

  @Test
  void rejectsUnknownIssuer() {
    // Passes Luhn, but no issuer uses prefix 9.
    assertThat(Spans.of(detector, "9111111111111110")).isEmpty();
  }

  @Test
  void rejectsWrongLengthForIssuer() {
    // Amex numbers have 15 digits; this 16-digit one passes Luhn.
    assertThat(Spans.of(detector, "3782822463100053")).isEmpty();
  }

  @Test
  void rejectsOrderNumber() {
    assertThat(Spans.of(detector, "Your order #4111111111111111 has shipped")).isEmpty();
  }

  @Test
  void findsCardAfterRefund() {
    assertThat(Spans.of(detector, "The refund goes to 4111 1111 1111 1111."))
        .containsExactly("4111 1111 1111 1111");
  }

  @Test
  void findsCardAfterHotel() {
    assertThat(Spans.of(detector, "I booked the hotel with 4111111111111111"))
        .containsExactly("4111111111111111");
  }

  @Test
  void rejectsReferenceNumber() {
    assertThat(Spans.of(detector, "Ref. 4111111111111111")).isEmpty();
  }

  @Test
  void rejectsMixedSeparators() {
    assertThat(Spans.of(detector, "4111 1111-1111 1111")).isEmpty();
  }

  @Test
  void luhnAcceptsKnownNumber() {
    assertThat(CardIssuers.luhn("79927398713")).isTrue();
  }

  @Test
  void luhnRejectsChangedDigit() {
    assertThat(CardIssuers.luhn("79927398714")).isFalse();
  }

  @Test
  void findsCardAfterCcn() {
    assertThat(Spans.of(detector, "Order paid with CCN 5489 5375 9653 1301"))
        .containsExactly("5489 5375 9653 1301");
  }

  @Test
  void skipsOrderNumberGrouping() {
    assertThat(Spans.of(detector, "订单号595-4135509-8990518")).isEmpty();
  }

  @Test
  void skipsDigitsInsideLongerGroups() {
    String text = "IBAN on file SE53 4120 1544 9560 5836 3724 failed validation";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void findsCardBeforeExpiry() {
    assertThat(Spans.of(detector, "card 4111 1111 1111 1111 12/27"))
        .containsExactly("4111 1111 1111 1111");
  }

  @Test
  void skipsBarcodeColumn() {
    assertThat(Spans.of(detector, "sku,ean\nHRJ-90044,4012384609997")).isEmpty();
  }

  @Test
  void skipsTwelveDigitsWithoutCardWord() {
    assertThat(Spans.of(detector, "송장번호 682543369198, 결제일 27.05.2023")).isEmpty();
  }

  @Test
  void findsTwelveDigitsAfterCardWord() {
    assertThat(Spans.of(detector, "card number 630427373398 is lost"))
        .containsExactly("630427373398");
  }

  @Test
  void findsCardReadOutAfterCardWord() {
    String text = "AGENT: the card number please\nCALLER: 4111 11 1111 111 11 1";
    assertThat(Spans.of(detector, text)).containsExactly("4111 11 1111 111 11 1");
  }

  @Test
  void skipsOddGroupsWithoutCardWord() {
    assertThat(Spans.of(detector, "ref 4111 11 1111 111 11 1")).isEmpty();
  }

  @Test
  void skipsNumberUnderReferenceHeader() {
    String text =
        "Date;Booking text;Amount;Balance;Reference\n"
            + "16.06.2024;GUTSCHRIFT LOHN/GEHALT;2127,80;5142,26;57659150429863";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void findsCardUnderCardAndReferenceHeader() {
    String text =
        "Name,Card or reference,City\n"
            + "Customer number 1 with a long name,5425726793798071,London";
    assertThat(Spans.of(detector, text)).containsExactly("5425726793798071");
  }

  @Test
  void findsCardBeforeNumericCsvField() {
    String text = "name,card,amount\nAnn,4539148803436467,5";
    assertThat(Spans.of(detector, text)).containsExactly("4539148803436467");
  }

  @Test
  void skipsNumberBeforeDecimalComma() {
    assertThat(Spans.of(detector, "Saldo: 5105105105105100,00 EUR")).isEmpty();
  }
}
