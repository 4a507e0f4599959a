package dev.lookout.core.sse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.core.fixtures.RecordedFixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SseParserTest {

  static Stream<String> sseFixtures() {
    return RecordedFixtures.manifest(".sse").stream().map(entry -> entry.path("file").asText());
  }

  @ParameterizedTest
  @MethodSource("sseFixtures")
  void fixtureSameEventsInOneByteChunks(String file) {
    byte[] body = RecordedFixtures.bytes(file);
    List<SseEvent> whole = parse(List.of(body));

    List<SseEvent> oneByte = parse(split(body, new int[] {1}));

    assertThat(whole).isNotEmpty();
    assertThat(oneByte).isEqualTo(whole);
  }

  @ParameterizedTest
  @MethodSource("sseFixtures")
  void fixtureSameEventsInRandomChunks(String file) {
    byte[] body = RecordedFixtures.bytes(file);
    List<SseEvent> whole = parse(List.of(body));
    Random random = new Random(file.hashCode());

    for (int round = 0; round < 20; round++) {
      List<SseEvent> chunked = parse(randomChunks(body, random));

      assertThat(chunked).as("round %d", round).isEqualTo(whole);
    }
  }

  @ParameterizedTest
  @MethodSource("sseFixtures")
  void fixtureCountsMatchManifest(String file) {
    JsonNode expected = manifestEntry(file).path("expected");
    List<SseEvent> events = new ArrayList<>();
    SseParser parser = new SseParser(events::add);
    parser.feed(RecordedFixtures.bytes(file));
    parser.finish();

    if (expected.has("sse_comment_lines")) {
      assertThat(parser.commentLines()).isEqualTo(expected.get("sse_comment_lines").asInt());
    }
    if (expected.has("data_events")) {
      long dataEvents = events.stream().filter(e -> !e.data().equals("[DONE]")).count();
      assertThat(dataEvents).isEqualTo(expected.get("data_events").asLong());
    }
    if (expected.has("event_types")) {
      LinkedHashSet<String> names = new LinkedHashSet<>();
      events.forEach(e -> names.add(e.event()));
      List<String> expectedNames = new ArrayList<>();
      expected.get("event_types").forEach(n -> expectedNames.add(n.asText()));
      assertThat(names).containsExactlyElementsOf(expectedNames);
    }
  }

  @Test
  void openRouterCountsThreeComments() {
    SseParser parser = new SseParser(event -> {});
    parser.feed(RecordedFixtures.bytes("openrouter/chat_stream_comments_cost.sse"));

    assertThat(parser.commentLines()).isEqualTo(3);
  }

  @Test
  void lineEndingsAllEndLines() {
    List<SseEvent> events = parse("data: a\r\ndata: b\rdata: c\n\r\n");

    assertThat(events).containsExactly(new SseEvent(null, "a\nb\nc"));
  }

  @Test
  void crLfSplitAcrossChunks() {
    List<SseEvent> events = new ArrayList<>();
    SseParser parser = new SseParser(events::add);

    parser.feed(bytes("data: a\r"));
    parser.feed(bytes("\ndata: b\r"));
    parser.feed(new byte[0]);
    parser.feed(bytes("\n\r"));
    parser.feed(bytes("\n"));

    assertThat(events).containsExactly(new SseEvent(null, "a\nb"));
  }

  @Test
  void crCrIsTwoLineEnds() {
    List<SseEvent> events = parse("data: a\r\rdata: b\r\r");

    assertThat(events).containsExactly(new SseEvent(null, "a"), new SseEvent(null, "b"));
  }

  @Test
  void multiByteCharacterSplitAcrossChunks() {
    byte[] body = bytes("data: I\u2019m \uD83D\uDE00\n\n");
    List<SseEvent> expected = List.of(new SseEvent(null, "I\u2019m \uD83D\uDE00"));

    for (int cut = 1; cut < body.length; cut++) {
      List<SseEvent> events =
          parse(
              List.of(
                  Arrays.copyOfRange(body, 0, cut), Arrays.copyOfRange(body, cut, body.length)));

      assertThat(events).as("cut at byte %d", cut).isEqualTo(expected);
    }
  }

  @Test
  void dataStripsOnlyOneLeadingSpace() {
    List<SseEvent> events = parse("data:a\ndata:  b\ndata\n\n");

    assertThat(events).containsExactly(new SseEvent(null, "a\n b\n"));
  }

  @Test
  void eventFieldNamesEvent() {
    List<SseEvent> events = parse("event: message_stop\ndata: {}\n\ndata: x\n\n");

    assertThat(events).containsExactly(new SseEvent("message_stop", "{}"), new SseEvent(null, "x"));
  }

  @Test
  void blankLineWithoutDataDispatchesNothing() {
    List<SseEvent> events = parse("\n\nevent: ping\n\nid: 7\nretry: 10\n\n");

    assertThat(events).isEmpty();
  }

  @Test
  void eventWithoutDataDoesNotLeakItsName() {
    List<SseEvent> events = parse("event: ping\n\ndata: x\n\n");

    assertThat(events).containsExactly(new SseEvent(null, "x"));
  }

  @Test
  void commentsAreCountedAndSkipped() {
    SseParser parser = new SseParser(event -> {});

    parser.feed(bytes(": keep-alive\n:\ndata: x\n: inside\n\n"));

    assertThat(parser.commentLines()).isEqualTo(3);
  }

  @Test
  void finishDispatchesUnterminatedEvent() {
    List<SseEvent> events = new ArrayList<>();
    SseParser parser = new SseParser(events::add);
    parser.feed(bytes("data: [DONE]"));

    parser.finish();

    assertThat(events).containsExactly(new SseEvent(null, "[DONE]"));
  }

  @Test
  void finishWithNothingPendingDispatchesNothing() {
    List<SseEvent> events = new ArrayList<>();
    SseParser parser = new SseParser(events::add);
    parser.feed(bytes("data: a\n\n"));

    parser.finish();

    assertThat(events).hasSize(1);
  }

  @Test
  void leadingByteOrderMarkIsSkipped() {
    List<SseEvent> events = parse("\uFEFFdata: a\n\n");

    assertThat(events).containsExactly(new SseEvent(null, "a"));
  }

  @Test
  void longLineGrowsBuffer() {
    String payload = "x".repeat(10_000);

    List<SseEvent> events = parse(split(bytes("data: " + payload + "\n\n"), new int[] {3, 1000}));

    assertThat(events).containsExactly(new SseEvent(null, payload));
  }

  private static JsonNode manifestEntry(String file) {
    return RecordedFixtures.manifest().stream()
        .filter(entry -> entry.path("file").asText().equals(file))
        .findFirst()
        .orElseThrow();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<SseEvent> parse(String body) {
    return parse(List.of(bytes(body)));
  }

  private static List<SseEvent> parse(List<byte[]> chunks) {
    List<SseEvent> events = new ArrayList<>();
    SseParser parser = new SseParser(events::add);
    chunks.forEach(parser::feed);
    parser.finish();
    return events;
  }

  private static List<byte[]> split(byte[] body, int[] sizes) {
    List<byte[]> chunks = new ArrayList<>();
    int at = 0;
    for (int i = 0; at < body.length; i++) {
      int end = Math.min(body.length, at + sizes[i % sizes.length]);
      chunks.add(Arrays.copyOfRange(body, at, end));
      at = end;
    }
    return chunks;
  }

  private static List<byte[]> randomChunks(byte[] body, Random random) {
    List<byte[]> chunks = new ArrayList<>();
    int at = 0;
    while (at < body.length) {
      int end = Math.min(body.length, at + 1 + random.nextInt(64));
      chunks.add(Arrays.copyOfRange(body, at, end));
      at = end;
    }
    return chunks;
  }
}
