package dev.lookout.store.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.record.CallRecord;
import dev.lookout.store.CallStore;
import dev.lookout.store.StoreException;
import dev.lookout.store.StoreUnavailableException;
import dev.lookout.store.TestRecords;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecorderTest {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);
  private static final RecorderSettings FAST_RETRY =
      RecorderSettings.defaults().withRetryBackoff(Duration.ofMillis(1), Duration.ofMillis(10));

  @TempDir Path dataDir;

  @Test
  void recordRoundTripsThroughRecorder() {
    CallRecord full = TestRecords.full("full");
    CallRecord minimal = TestRecords.minimal("minimal");
    Recorder recorder = new Recorder(DuckDbCallStore.open(dataDir), RecorderSettings.defaults());
    recorder.offer(full);
    recorder.offer(minimal);
    recorder.close(CLOSE_TIMEOUT);

    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      assertThat(store.find("full").orElseThrow())
          .usingRecursiveComparison()
          .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
          .isEqualTo(full);
      assertThat(store.find("minimal")).contains(minimal);
    }
  }

  @Test
  void flushWritesOfferedRecords() {
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      Recorder recorder = new Recorder(new StoreWrapper(store), RecorderSettings.defaults());
      for (int i = 0; i < 10; i++) {
        recorder.offer(TestRecords.minimal("r" + i));
      }
      recorder.flush();

      assertThat(store.count()).isEqualTo(10);
      recorder.close(CLOSE_TIMEOUT);
    }
  }

  @Test
  void fullQueueOfferReturnsFalse() throws Exception {
    CountDownLatch appendEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StoreWrapper blocking =
        new StoreWrapper(DuckDbCallStore.open(dataDir)) {
          @Override
          public int append(List<CallRecord> batch) {
            appendEntered.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.append(batch);
          }
        };
    RecorderSettings settings = FAST_RETRY.withQueueCapacity(4).withMaxBatchSize(1);
    Recorder recorder = new Recorder(blocking, settings);
    assertThat(recorder.offer(TestRecords.minimal("taken"))).isTrue();
    appendEntered.await();
    for (int i = 0; i < 4; i++) {
      assertThat(recorder.offer(TestRecords.minimal("queued" + i))).isTrue();
    }

    assertThat(recorder.offer(TestRecords.minimal("overflow"))).isFalse();
    assertThat(recorder.dropped()).isEqualTo(1);
    assertThat(recorder.queued()).isEqualTo(4);

    release.countDown();
    assertThat(recorder.close(CLOSE_TIMEOUT)).isTrue();
    assertThat(recorder.written()).isEqualTo(5);
  }

  @Test
  void closeDrainsConcurrentOffers() throws Exception {
    int threads = 4;
    int perThread = 12_500;
    // Room for every record, so this checks draining on close rather than dropping.
    RecorderSettings settings = RecorderSettings.defaults().withQueueCapacity(threads * perThread);
    Recorder recorder = new Recorder(DuckDbCallStore.open(dataDir), settings);
    AtomicInteger rejected = new AtomicInteger();
    List<Thread> producers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread producer =
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  if (!recorder.offer(TestRecords.minimal("t" + thread + "-" + i))) {
                    rejected.incrementAndGet();
                  }
                }
              });
      producers.add(producer);
      producer.start();
    }
    for (Thread producer : producers) {
      producer.join();
    }
    boolean drained = recorder.close(CLOSE_TIMEOUT);

    assertThat(drained).isTrue();
    assertThat(rejected.get()).isZero();
    assertThat(recorder.written()).isEqualTo(50_000);
    assertThat(recorder.dropped()).isZero();
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      assertThat(store.count()).isEqualTo(50_000);
    }
  }

  @Test
  void failingStoreRetriedUntilWritten() {
    AtomicInteger failuresLeft = new AtomicInteger(3);
    StoreWrapper flaky =
        new StoreWrapper(DuckDbCallStore.open(dataDir)) {
          @Override
          public int append(List<CallRecord> batch) {
            if (failuresLeft.getAndDecrement() > 0) {
              throw new StoreException("simulated append failure");
            }
            return super.append(batch);
          }
        };
    Recorder recorder = new Recorder(flaky, FAST_RETRY);
    for (int i = 0; i < 100; i++) {
      recorder.offer(TestRecords.minimal("r" + i));
    }
    boolean drained = recorder.close(CLOSE_TIMEOUT);

    assertThat(drained).isTrue();
    assertThat(recorder.failedWrites()).isEqualTo(3);
    assertThat(recorder.written()).isEqualTo(100);
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      assertThat(store.count()).isEqualTo(100);
    }
  }

  /**
   * Store that acts like DuckDB on a full disk: a failed batch leaves its first half stored, the
   * retry skips the stored ids, and new rows fail until space is freed.
   */
  private static final class FillingDisk extends StoreWrapper {
    final Set<String> stored = ConcurrentHashMap.newKeySet();
    final AtomicInteger failuresLeft;

    FillingDisk(CallStore delegate, int failures) {
      super(delegate);
      this.failuresLeft = new AtomicInteger(failures);
    }

    @Override
    public synchronized int append(List<CallRecord> batch) {
      List<CallRecord> fresh =
          batch.stream().filter(record -> !stored.contains(record.requestId())).toList();
      if (fresh.isEmpty()) {
        return 0;
      }
      if (failuresLeft.getAndDecrement() > 0) {
        List<CallRecord> firstHalf = fresh.subList(0, fresh.size() / 2);
        storeAll(firstHalf);
        throw new StoreException("simulated full disk");
      }
      storeAll(fresh);
      return fresh.size();
    }

    private void storeAll(List<CallRecord> records) {
      if (!records.isEmpty()) {
        super.append(records);
        records.forEach(record -> stored.add(record.requestId()));
      }
    }
  }

  private Recorder fillDisk(FillingDisk store) {
    Recorder recorder = new Recorder(store, FAST_RETRY.withMaxBatchSize(20));
    for (int i = 0; i < 20; i++) {
      recorder.offer(TestRecords.minimal("r" + i));
    }
    recorder.close(CLOSE_TIMEOUT);
    return recorder;
  }

  @Test
  void fullDiskDropsNoRecord() {
    Recorder recorder = fillDisk(new FillingDisk(DuckDbCallStore.open(dataDir), 8));
    assertThat(recorder.rejected()).isZero();
  }

  @Test
  void fullDiskStoresEveryRecord() {
    fillDisk(new FillingDisk(DuckDbCallStore.open(dataDir), 8));
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir)) {
      assertThat(store.count()).isEqualTo(20);
    }
  }

  @Test
  void unwritableStoreTriesNoRecordAlone() {
    AtomicInteger failuresLeft = new AtomicInteger(6);
    // Records tried alone while the store takes no writes.
    AtomicInteger singleAppends = new AtomicInteger();
    StoreWrapper full =
        new StoreWrapper(DuckDbCallStore.open(dataDir)) {
          @Override
          public int append(List<CallRecord> batch) {
            if (batch.size() == 1 && failuresLeft.get() > 0) {
              singleAppends.incrementAndGet();
            }
            if (failuresLeft.getAndDecrement() > 0) {
              throw new StoreException("simulated full disk");
            }
            return super.append(batch);
          }

          @Override
          public void probeWrite() {
            if (failuresLeft.get() > 0) {
              throw new StoreException("simulated full disk");
            }
          }
        };
    Recorder recorder = new Recorder(full, FAST_RETRY);
    for (int i = 0; i < 3; i++) {
      recorder.offer(TestRecords.minimal("r" + i));
    }
    recorder.close(CLOSE_TIMEOUT);

    assertThat(singleAppends).hasValue(0);
    assertThat(recorder.written()).isEqualTo(3);
  }

  @Test
  void nearlyFullDiskDropsNoRecord() {
    AtomicInteger calls = new AtomicInteger();
    StoreWrapper nearlyFull =
        new StoreWrapper(DuckDbCallStore.open(dataDir)) {
          @Override
          public int append(List<CallRecord> batch) {
            // Whole batches fail, then every other record fits, as on a disk with a little room.
            int call = calls.incrementAndGet();
            if (call <= 3 || (batch.size() == 1 && call % 2 == 0 && call < 40)) {
              throw new StoreUnavailableException("simulated full disk", null);
            }
            return super.append(batch);
          }
        };
    Recorder recorder = new Recorder(nearlyFull, FAST_RETRY);
    for (int i = 0; i < 10; i++) {
      recorder.offer(TestRecords.minimal("r" + i));
    }
    recorder.close(CLOSE_TIMEOUT);

    assertThat(recorder.rejected()).isZero();
    assertThat(recorder.written()).isEqualTo(10);
  }

  @Test
  void offerAfterCloseDropped() {
    Recorder recorder = new Recorder(DuckDbCallStore.open(dataDir), RecorderSettings.defaults());
    recorder.close(CLOSE_TIMEOUT);

    assertThat(recorder.offer(TestRecords.minimal("late"))).isFalse();
    assertThat(recorder.dropped()).isEqualTo(1);
  }

  @Test
  void closeTimeoutCountsUnwritten() {
    StoreWrapper broken =
        new StoreWrapper(DuckDbCallStore.open(dataDir)) {
          @Override
          public int append(List<CallRecord> batch) {
            throw new StoreException("simulated append failure");
          }
        };
    Recorder recorder = new Recorder(broken, FAST_RETRY);
    for (int i = 0; i < 3; i++) {
      recorder.offer(TestRecords.minimal("r" + i));
    }
    boolean drained = recorder.close(Duration.ofMillis(200));

    assertThat(drained).isFalse();
    assertThat(recorder.dropped()).isEqualTo(3);
    assertThat(recorder.written()).isZero();
  }
}
