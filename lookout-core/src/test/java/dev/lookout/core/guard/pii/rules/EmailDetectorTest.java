package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailDetectorTest {
  private final EmailDetector detector = new EmailDetector();

  @Test
  void findsAddressInSentence() {
    assertThat(Spans.of(detector, "Write to AimeeMcGregor@superrito.com today."))
        .containsExactly("AimeeMcGregor@superrito.com");
  }

  @Test
  void findsSubdomainAndPlusTag() {
    assertThat(Spans.of(detector, "cc: j.doe+news@mail.example.co.uk"))
        .containsExactly("j.doe+news@mail.example.co.uk");
  }

  @Test
  void findsAccentedLocalPart() {
    assertThat(Spans.of(detector, "Email: josé.garcía@exemplo.com.br"))
        .containsExactly("josé.garcía@exemplo.com.br");
  }

  @Test
  void findsUnicodeDomain() {
    assertThat(Spans.of(detector, "Contact user@bücher.example today"))
        .containsExactly("user@bücher.example");
  }

  @Test
  void findsCyrillicAddress() {
    assertThat(Spans.of(detector, "write to иван@пример.рф")).containsExactly("иван@пример.рф");
  }

  @Test
  void findsApostropheInLocalPart() {
    assertThat(Spans.of(detector, "mail o'brien@example.ie")).containsExactly("o'brien@example.ie");
  }

  @Test
  void leavesOutQuotationMark() {
    assertThat(Spans.of(detector, "'ann@example.com'")).containsExactly("ann@example.com");
  }

  @Test
  void rejectsImageFileName() {
    assertThat(Spans.of(detector, "Add icon@2x.png and logo@3x.JPG")).isEmpty();
  }

  @Test
  void rejectsDoubleDotInLocalPart() {
    assertThat(Spans.of(detector, "a..b@example.com")).isEmpty();
  }

  @Test
  void rejectsHyphenAtLabelEdge() {
    assertThat(Spans.of(detector, "user@-example.com")).isEmpty();
  }

  @Test
  void rejectsMissingTopLevelDomain() {
    assertThat(Spans.of(detector, "user@localhost and @handle")).isEmpty();
  }

  @Test
  void cutsJapaneseAroundAddress() {
    assertThat(Spans.of(detector, "メールはmaria_zhang@example.jpまで"))
        .containsExactly("maria_zhang@example.jp");
  }

  @Test
  void keepsAddressWrittenInChinese() {
    assertThat(Spans.of(detector, "联系 用户@例子.广告 谢谢")).containsExactly("用户@例子.广告");
  }

  @Test
  void findsQuotedLocalPart() {
    assertThat(Spans.of(detector, "Send it to \"john smith\"@example.com today"))
        .containsExactly("\"john smith\"@example.com");
  }

  @Test
  void findsQuotedLocalPartWithAtSign() {
    assertThat(Spans.of(detector, "cc \"a.@.b.com\"@example.com please"))
        .containsExactly("\"a.@.b.com\"@example.com");
  }

  @Test
  void skipsQuoteOnEarlierLine() {
    assertThat(Spans.of(detector, "She said \"hi\nthere\"@example.com")).isEmpty();
  }

  @Test
  void skipsEmptyQuotes() {
    assertThat(Spans.of(detector, "a \"\"@example.com b")).isEmpty();
  }

  @Test
  void skipsMatrixProductInPython() {
    assertThat(Spans.of(detector, "x = \"abc\"@np.linalg.inv(m) and y = a@np.linalg")).isEmpty();
  }

  @Test
  void findsPrivateNetworkDomain() {
    assertThat(Spans.of(detector, "mail ops@build.corp.local now"))
        .containsExactly("ops@build.corp.local");
  }

  @Test
  void findsNewGenericDomain() {
    assertThat(Spans.of(detector, "ping dev@lookout.app")).containsExactly("dev@lookout.app");
  }

  @Test
  void skipsMethodCallAfterMatrixProduct() {
    assertThat(Spans.of(detector, "out = x@W.to(device)")).isEmpty();
  }

  @Test
  void skipsCamelCaseAttribute() {
    assertThat(Spans.of(detector, "attn = q@k.mT")).isEmpty();
  }

  @Test
  void skipsAttributeWithUnderscore() {
    assertThat(Spans.of(detector, "c = a@b.is_cuda")).isEmpty();
  }

  @Test
  void skipsGitRemote() {
    assertThat(Spans.of(detector, "git clone git@github.com:org/repo.git")).isEmpty();
  }

  @Test
  void skipsFileNameWithTag() {
    assertThat(Spans.of(detector, "unzip backup@2024.zip first")).isEmpty();
  }

  @Test
  void findsAddressBeforeColonAndSpace() {
    assertThat(Spans.of(detector, "Write to anna@example.com: she knows"))
        .containsExactly("anna@example.com");
  }

  @Test
  void skipsQuotedMatrixProductWithCall() {
    assertThat(Spans.of(detector, "y = \"w\"@W.to(device)")).isEmpty();
  }

  @Test
  void skipsMessageId() {
    String text = "Message-ID: <12a80bf8843075b7.8607531690@mail.gmail.com>";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void findsAddressInAngleBrackets() {
    assertThat(Spans.of(detector, "From: Bob <bob@example.com>"))
        .containsExactly("bob@example.com");
  }

  @Test
  void skipsSshUrlLogin() {
    assertThat(Spans.of(detector, "git+ssh://git@github.com/example/tooling.git#4a7ec98"))
        .isEmpty();
  }

  @Test
  void findsAddressAfterMailto() {
    assertThat(Spans.of(detector, "mailto:ana@example.org")).containsExactly("ana@example.org");
  }

  @Test
  void skipsCalendarUid() {
    String text =
        "BEGIN:VEVENT\nUID:6d418ae53655a4ca60769d054a@google.com\nDTSTART:20240223T150000Z";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void findsOrganizerBesideCalendarUid() {
    String text =
        "BEGIN:VEVENT\nUID:6d418ae536@google.com\nORGANIZER;CN=Grace:mailto:grace@acme.com";
    assertThat(Spans.of(detector, text)).containsExactly("grace@acme.com");
  }

  @Test
  void findsLowerCaseUid() {
    assertThat(Spans.of(detector, "BEGIN:VCARD\nuid:john.smith@gmail.com"))
        .containsExactly("john.smith@gmail.com");
  }

  @Test
  void findsUidOutsideCalendar() {
    assertThat(Spans.of(detector, "UID:john.smith@gmail.com"))
        .containsExactly("john.smith@gmail.com");
  }
}
