package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneWordsTest {
  @Test
  void findsWordNear() {
    assertThat(near("Call me on 020 7946 0958 today.", "020 7946 0958")).isTrue();
  }

  @Test
  void findsLabelBeforeColon() {
    assertThat(near("Teléfono para su tarjeta/card: +49 30 66327173", "+49 30 66327173")).isTrue();
  }

  @Test
  void findsColumnHeader() {
    assertThat(near("name,phone,city\nAnn Lee,020 7946 0958,London", "020 7946 0958")).isTrue();
  }

  @Test
  void readsEachSpanOfOneText() {
    String text = "Phone 020 7946 0958. Far away from that word, the order is 4155550132 here.";
    PhoneWords words = new PhoneWords(text);
    int phone = text.indexOf("020");
    int order = text.indexOf("4155");
    assertThat(words.near(phone, phone + 13)).isTrue();
    assertThat(words.near(order, order + 10)).isFalse();
    assertThat(words.near(phone, phone + 13)).isTrue();
  }

  /** Returns whether a phone word supports the first occurrence of {@code number} in text. */
  private static boolean near(String text, String number) {
    int start = text.indexOf(number);
    return new PhoneWords(text).near(start, start + number.length());
  }
}
