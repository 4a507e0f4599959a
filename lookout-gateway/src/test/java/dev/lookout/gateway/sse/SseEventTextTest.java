package dev.lookout.gateway.sse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SseEventTextTest {
  @Test
  void dataLinesJoin() {
    assertThat(SseEventText.parse("data: {\"a\":\ndata: 1}\n\n").data()).isEqualTo("{\"a\":\n1}");
  }

  @Test
  void spaceAfterColonIsOptional() {
    assertThat(SseEventText.parse("data:x\n\n").data()).isEqualTo("x");
  }

  @Test
  void commentHasNoData() {
    assertThat(SseEventText.parse(": keep-alive\n\n").data()).isNull();
  }

  @Test
  void crlfLinesJoin() {
    assertThat(SseEventText.parse("data: a\r\ndata: b\r\n\r\n").data()).isEqualTo("a\nb");
  }

  @Test
  void newDataReplacesAllDataLines() {
    String event = "event: delta\ndata: a\nid: 7\ndata: b\n\n";

    assertThat(SseEventText.parse(event).withData("c"))
        .isEqualTo("event: delta\ndata: c\nid: 7\n\n");
  }

  @Test
  void newDataKeepsLineEnds() {
    assertThat(SseEventText.parse("data: a\r\ndata: b\r\n\r\n").withData("c"))
        .isEqualTo("data: c\r\n\r\n");
  }

  @Test
  void otherLinesAreMapped() {
    String event = "event: delta\nid: 7\n: note\ndata: a\n\n";

    assertThat(SseEventText.mapOtherLines(event, line -> "<" + line + ">"))
        .isEqualTo("<event: delta>\n<id: 7>\n<: note>\ndata: a\n\n");
  }

  @Test
  void mappingKeepsDataLines() {
    String event = "data: a\ndata\ndata: b\n\n";

    assertThat(SseEventText.mapOtherLines(event, line -> "x")).isEqualTo(event);
  }

  @Test
  void mappingKeepsLineEnds() {
    assertThat(SseEventText.mapOtherLines("id: 7\r\ndata: a\r\r", line -> "id: 8"))
        .isEqualTo("id: 8\r\ndata: a\r\r");
  }
}
