package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductCodesTest {
  @Test
  void acceptsEan13() {
    assertThat(ProductCodes.gtin("4006381333931")).isTrue();
  }

  @Test
  void acceptsUpcA() {
    assertThat(ProductCodes.gtin("036000291452")).isTrue();
  }

  @Test
  void rejectsChangedGtinDigit() {
    assertThat(ProductCodes.gtin("4006381333932")).isFalse();
  }

  @Test
  void acceptsIsbn10() {
    assertThat(ProductCodes.isbn10("0306406152")).isTrue();
  }

  @Test
  void rejectsChangedIsbn10Digit() {
    assertThat(ProductCodes.isbn10("0306406153")).isFalse();
  }
}
