package dev.lookout.store.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lookout.core.record.RequestIds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadWriterTest {
  @TempDir Path dir;

  private static Payload payload(String requestId, int i) {
    return new Payload(
        requestId,
        Instant.now(),
        CaptureMode.FULL,
        false,
        JsonNodeFactory.instance.objectNode().put("prompt", "question " + i),
        JsonNodeFactory.instance.objectNode().put("answer", "answer " + i));
  }

  @Test
  void storedPayloadDecodes() {
    LocalPayloadStore store = new LocalPayloadStore(dir);
    String id = RequestIds.next();
    try (PayloadWriter writer = new PayloadWriter(store, 10)) {
      writer.offer(() -> payload(id, 1));
      assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
    }
    Payload read = Payload.decode(store.get(PayloadKeys.of(id)).orElseThrow());
    assertThat(read.response().path("answer").asText()).isEqualTo("answer 1");
  }

  @Test
  void fullQueueDropsAndCounts() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    PayloadStore slow =
        new LocalDelegate(dir) {
          @Override
          public void put(String key, byte[] object) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            super.put(key, object);
          }
        };
    try (PayloadWriter writer = new PayloadWriter(slow, 2)) {
      int accepted = 0;
      for (int i = 0; i < 10; i++) {
        String id = RequestIds.next();
        int n = i;
        if (writer.offer(() -> payload(id, n))) {
          accepted++;
        }
      }
      release.countDown();
      assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(writer.dropped()).isEqualTo(10 - accepted);
      assertThat(writer.written()).isEqualTo(accepted);
      assertThat(writer.dropped()).isPositive();
    }
  }

  /** A local store that tests extend to change how {@code put} behaves. */
  private static class LocalDelegate implements PayloadStore {
    private final LocalPayloadStore local;

    LocalDelegate(Path dir) {
      this.local = new LocalPayloadStore(dir);
    }

    @Override
    public void put(String key, byte[] object) {
      local.put(key, object);
    }

    @Override
    public java.util.Optional<byte[]> get(String key) {
      return local.get(key);
    }

    @Override
    public List<java.time.LocalDate> days() {
      return local.days();
    }

    @Override
    public long deleteDay(java.time.LocalDate day) {
      return local.deleteDay(day);
    }

    @Override
    public String location() {
      return "test";
    }

    @Override
    public void close() {}
  }

  /** A local store whose first {@code failures} writes fail, counting every write requested. */
  private static final class FlakyStore extends LocalDelegate {
    private final AtomicInteger failuresLeft;
    private final AtomicInteger puts = new AtomicInteger();

    FlakyStore(Path dir, int failures) {
      super(dir);
      this.failuresLeft = new AtomicInteger(failures);
    }

    @Override
    public void put(String key, byte[] object) {
      puts.incrementAndGet();
      if (failuresLeft.getAndDecrement() > 0) {
        throw new PayloadStoreException("Cannot write " + key + ": Too many open files");
      }
      super.put(key, object);
    }
  }

  @Test
  void failedWriteIsRetried() {
    FlakyStore store = new FlakyStore(dir, 2);
    try (PayloadWriter writer = new PayloadWriter(store, 10)) {
      String id = RequestIds.next();
      writer.offer(() -> payload(id, 1));
      assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
      assertThat(writer.written()).isEqualTo(1);
      assertThat(writer.failed()).isZero();
    }
  }

  @Test
  void downStoreGetsOneTryPerLaterPayload() {
    FlakyStore store = new FlakyStore(dir, Integer.MAX_VALUE);
    try (PayloadWriter writer = new PayloadWriter(store, 10)) {
      String first = RequestIds.next();
      String second = RequestIds.next();
      writer.offer(() -> payload(first, 1));
      writer.offer(() -> payload(second, 2));
      assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
      assertThat(writer.failed()).isEqualTo(2);
      assertThat(store.puts.get()).isEqualTo(PayloadWriter.RETRY_DELAYS_MILLIS.length + 2);
    }
  }

  @Test
  void oversizedPayloadIsDropped() {
    try (PayloadWriter writer = new PayloadWriter(new LocalPayloadStore(dir), 10, 100)) {
      String id = RequestIds.next();

      assertThat(writer.offer(() -> payload(id, 1), 150)).isFalse();
      assertThat(writer.offer(() -> payload(id, 1), 50)).isTrue();
      assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(writer.dropped()).isEqualTo(1);
      assertThat(writer.written()).isEqualTo(1);
    }
  }

  @Test
  void spillPathLosesNothingAcrossOutage() throws Exception {
    try (S3ProxyServer server = new S3ProxyServer()) {
      SpillingPayloadStore store =
          new SpillingPayloadStore(
              new S3PayloadStore(server.settings("writer")),
              dir.resolve("spill"),
              Duration.ofMillis(50),
              Duration.ofMillis(400),
              Clock.systemUTC());
      List<String> ids = new ArrayList<>();
      try (PayloadWriter writer = new PayloadWriter(store, 1000)) {
        for (int i = 0; i < 150; i++) {
          if (i == 50) {
            assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
            server.stop();
          }
          if (i == 100) {
            assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(store.spillCount()).isPositive();
            server.start();
          }
          String id = RequestIds.next();
          int n = i;
          ids.add(id);
          assertThat(writer.offer(() -> payload(id, n))).isTrue();
        }
        assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (store.spillCount() > 0 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(writer.failed()).isZero();
      }
      try (S3PayloadStore remote = new S3PayloadStore(server.settings("writer"))) {
        for (int i = 0; i < ids.size(); i++) {
          byte[] object = remote.get(PayloadKeys.of(ids.get(i))).orElse(null);
          assertThat(object).as("payload %d in S3", i).isNotNull();
          assertThat(Payload.decode(object).request().path("prompt").asText())
              .isEqualTo("question " + i);
        }
      }
    }
  }
}
