package dev.lookout.bench.guard;

import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.core.guard.pii.PiiGuard;
import dev.lookout.gateway.guard.StreamRedactor;
import io.vertx.core.buffer.Buffer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints the thread CPU time that output redaction adds to one streamed chat response: 500 content
 * chunks of one word each, an e-mail address and a number among them, then the finish chunk and
 * {@code data: [DONE]}, through the gateway's {@link StreamRedactor} with the default PII guard.
 * Reports p50 and p99 per stream over 300 streams after 100 warm-up streams, on one thread.
 *
 * <p>Usage: {@code java -cp bench/target/lookout-bench.jar
 * dev.lookout.bench.guard.StreamRedactionCpuTime}
 */
public final class StreamRedactionCpuTime {
  private static final int CHUNKS = 500;
  private static final int WARM_UP = 100;
  private static final int STREAMS = 300;

  private StreamRedactionCpuTime() {}

  public static void main(String[] args) {
    GuardPipeline pipeline = new GuardPipeline(List.of(), List.of(PiiGuard.defaults()));
    List<Buffer> chunks = chunks();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] cpu = new long[STREAMS];
    long sent = 0;
    for (int i = 0; i < WARM_UP + STREAMS; i++) {
      long start = threads.getCurrentThreadCpuTime();
      StreamRedactor redactor = new StreamRedactor(pipeline);
      for (Buffer chunk : chunks) {
        sent += redactor.apply(chunk).length();
      }
      sent += redactor.finish().length();
      long used = threads.getCurrentThreadCpuTime() - start;
      if (i >= WARM_UP) {
        cpu[i - WARM_UP] = used;
      }
    }
    Arrays.sort(cpu);
    System.out.printf(
        Locale.ROOT,
        "stream of %d chunks: CPU p50 %.2f ms, p99 %.2f ms per stream (%d bytes sent)%n",
        CHUNKS,
        cpu[STREAMS / 2] / 1e6,
        cpu[STREAMS * 99 / 100] / 1e6,
        sent / (WARM_UP + STREAMS));
  }

  private static List<Buffer> chunks() {
    String[] words =
        ("The quick brown fox jumps over the lazy dog and then writes to ann@example.com"
                + " about order 4155 and")
            .split(" ");
    List<Buffer> chunks = new ArrayList<>();
    for (int i = 0; i < CHUNKS; i++) {
      chunks.add(
          Buffer.buffer(
              "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\","
                  + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                  + words[i % words.length]
                  + " \"}}]}\n\n"));
    }
    chunks.add(
        Buffer.buffer(
            "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},"
                + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"));
    return chunks;
  }
}
