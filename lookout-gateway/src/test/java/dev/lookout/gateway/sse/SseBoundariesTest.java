package dev.lookout.gateway.sse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class SseBoundariesTest {
  @Test
  void lfThenCrlfEndsEvent() {
    assertThat(SseBoundaries.eventEnd("data: a\n\r\ndata: b\n\n", 0)).isEqualTo(10);
  }

  @Test
  void crlfThenCrEndsEvent() {
    assertThat(SseBoundaries.eventEnd("data: a\r\n\rdata: b\n\n", 0)).isEqualTo(10);
  }

  @Test
  void lfThenCrEndsEvent() {
    assertThat(SseBoundaries.eventEnd("data: a\n\rdata: b\n\n", 0)).isEqualTo(9);
  }

  @Test
  void crlfPairEndsEvent() {
    assertThat(SseBoundaries.eventEnd("data: a\r\n\r\ndata: b", 0)).isEqualTo(11);
  }

  @Test
  void oneLineEndIsNoEnd() {
    assertThat(SseBoundaries.eventEnd("data: a\r\ndata: b", 0)).isEqualTo(16);
  }

  @Test
  void lastEndAfterLfThenCrlf() {
    assertThat(SseBoundaries.lastEventEnd(Buffer.buffer("data: a\n\r\ndata: b"))).isEqualTo(10);
  }

  @Test
  void lastEndAfterCrlfThenCr() {
    assertThat(SseBoundaries.lastEventEnd(Buffer.buffer("data: a\r\n\rdata: b"))).isEqualTo(10);
  }

  @Test
  void lineEndAtBufferEndIsNoEnd() {
    assertThat(SseBoundaries.lastEventEnd(Buffer.buffer("data: a\r"))).isEqualTo(-1);
  }

  @Test
  void crlfInsideLineEndIsNoEnd() {
    assertThat(SseBoundaries.lastEventEnd(Buffer.buffer("data: a\r\n"))).isEqualTo(-1);
  }
}
