package dev.lookout.store.recorder;

import dev.lookout.core.record.CallRecord;
import dev.lookout.store.CallStore;
import dev.lookout.store.StoreException;
import dev.lookout.store.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands call records from request threads to a {@link CallStore} without blocking them.
 *
 * <p>{@link #offer} puts a record on a bounded queue and never blocks, so the gateway's event loop
 * can call it. When the queue is full the record is dropped and counted. One writer thread takes
 * batches off the queue and appends them to the store. A failed append is retried with exponential
 * backoff, keeping the batch, until it succeeds or {@link #close} runs out of time.
 */
public final class Recorder {
  private static final Logger log = LoggerFactory.getLogger(Recorder.class);
  private static final long CLOSE_ABORT_WAIT_MILLIS = 1_000;

  /** Failed attempts of a batch before its records are tried one by one. */
  private static final int ATTEMPTS_BEFORE_ISOLATING = 3;

  /**
   * Records that may fail alone, before any is newly stored, until the one-by-one pass stops: the
   * store itself is failing then, not one bad record.
   */
  private static final int MAX_FAILURES_BEFORE_PROGRESS = 10;

  private final CallStore store;
  private final RecorderSettings settings;
  // Holds CallRecord and FlushRequest entries, so a flush waits exactly for the records before it.
  private final ArrayBlockingQueue<Object> queue;
  private final Thread writer;
  private final DropWarning dropWarning;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicInteger offersInFlight = new AtomicInteger();
  private final AtomicBoolean closeStarted = new AtomicBoolean();
  private volatile boolean accepting = true;
  private volatile boolean draining;

  /** A flush waiting for the records queued before it; completed by the writer thread. */
  private static final class FlushRequest {
    final CountDownLatch done = new CountDownLatch(1);
  }

  /** Starts the writer thread. The recorder owns {@code store} and closes it in {@link #close}. */
  public Recorder(CallStore store, RecorderSettings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.dropWarning = new DropWarning(settings.queueCapacity());
    this.writer = new Thread(this::runWriter, "lookout-recorder");
    // Daemon, so a forgotten close() cannot keep the JVM alive. Only close() drains the queue.
    writer.setDaemon(true);
    // Lower than the event loops, whose delays callers see. The JVM applies it (as nice 4) only
    // with -XX:ThreadPriorityPolicy=1, which the lookout launcher adds when run as root.
    writer.setPriority(Thread.MIN_PRIORITY);
    writer.start();
    log.info(
        "recorder: started (queue capacity {}, max batch size {}, flush interval {} ms)",
        settings.queueCapacity(),
        settings.maxBatchSize(),
        settings.flushInterval().toMillis());
  }

  /**
   * Queues a record for writing without blocking.
   *
   * @return false when the record was dropped because the queue is full or the recorder is closing
   */
  public boolean offer(CallRecord record) {
    Objects.requireNonNull(record, "record");
    offersInFlight.incrementAndGet();
    try {
      if (accepting && queue.offer(record)) {
        return true;
      }
    } finally {
      offersInFlight.decrementAndGet();
    }
    dropWarning.dropped(1, !accepting);
    return false;
  }

  /** Blocks until every record offered before this call is written, with no timeout. */
  public void flush() {
    flush(Duration.ofMillis(Long.MAX_VALUE));
  }

  /**
   * Blocks until every record offered before this call is written to the store, or the timeout.
   *
   * @return true when those records are written, or false on timeout, on interruption, or when a
   *     timed-out close gave up on them
   */
  public boolean flush(Duration timeout) {
    long deadline = deadlineNanos(timeout);
    try {
      if (!accepting) {
        writer.join(remainingMillis(deadline));
        return !writer.isAlive() && lost.get() == 0;
      }
      FlushRequest request = new FlushRequest();
      if (!queue.offer(request, remainingNanos(deadline), TimeUnit.NANOSECONDS)) {
        return false;
      }
      while (!request.done.await(Math.min(100, remainingMillis(deadline)), TimeUnit.MILLISECONDS)) {
        if (!writer.isAlive()) {
          // The writer drained the queue and stopped before this request was queued.
          return lost.get() == 0;
        }
        if (remainingNanos(deadline) <= 0) {
          return false;
        }
      }
      return lost.get() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Stops accepting records, writes everything queued, then closes the store. Offers after this
   * call are dropped and counted. Calling it again returns at once.
   *
   * @param timeout max time to wait for the queue to drain. After it the writer stops retrying and
   *     the records still queued are counted as dropped
   * @return true when every accepted record was written
   */
  public boolean close(Duration timeout) {
    if (!closeStarted.compareAndSet(false, true)) {
      return lost.get() == 0;
    }
    accepting = false;
    // An offer that saw accepting == true may still be inserting, so wait until none is.
    while (offersInFlight.get() != 0) {
      Thread.onSpinWait();
    }
    draining = true;
    try {
      writer.join(Math.max(1, timeout.toMillis()));
      if (writer.isAlive()) {
        writer.interrupt();
        writer.join(CLOSE_ABORT_WAIT_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      writer.interrupt();
    }
    try {
      store.close();
    } catch (StoreException e) {
      log.error("recorder: closing the store failed: {}", e.getMessage(), e);
    }
    log.info(
        "recorder: stopped, {} call records written, {} dropped, {} failed writes",
        written(),
        dropped(),
        failedWrites());
    return lost.get() == 0;
  }

  /** Returns the number of records appended to the store. */
  public long written() {
    return written.get();
  }

  /** Returns the number of records dropped: queue full, offered after close, or left by close. */
  public long dropped() {
    return dropWarning.total() + lost.get() + rejected.get();
  }

  /** Returns the number of records a timed-out close left unwritten. */
  public long abandoned() {
    return lost.get();
  }

  /** Returns the number of records the store could not hold on their own, which were dropped. */
  public long rejected() {
    return rejected.get();
  }

  /** Returns the number of entries waiting in the queue, pending flush requests included. */
  public long queued() {
    return queue.size();
  }

  /** Returns the number of failed store appends, each of which was retried. */
  public long failedWrites() {
    return failedWrites.get();
  }

  private void runWriter() {
    List<CallRecord> batch = new ArrayList<>(settings.maxBatchSize());
    List<FlushRequest> flushes = new ArrayList<>();
    try {
      while (true) {
        Object first = queue.poll(settings.flushInterval().toNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
          if (draining && queue.isEmpty()) {
            return;
          }
          continue;
        }
        fillBatch(first, batch, flushes);
        if (!batch.isEmpty()) {
          writeWithRetry(batch);
          batch.clear();
        }
        flushes.forEach(request -> request.done.countDown());
        flushes.clear();
      }
    } catch (InterruptedException e) {
      abandon(batch, flushes);
    }
  }

  /** Adds entries until the batch is full, a flush is requested, or the flush interval ends. */
  private void fillBatch(Object first, List<CallRecord> batch, List<FlushRequest> flushes)
      throws InterruptedException {
    long deadline = System.nanoTime() + settings.flushInterval().toNanos();
    Object entry = first;
    while (true) {
      if (entry instanceof FlushRequest request) {
        flushes.add(request);
        return;
      }
      batch.add((CallRecord) entry);
      if (batch.size() >= settings.maxBatchSize()) {
        return;
      }
      entry = queue.poll();
      if (entry == null) {
        long remaining = deadline - System.nanoTime();
        if (draining || remaining <= 0) {
          return;
        }
        entry = queue.poll(remaining, TimeUnit.NANOSECONDS);
        if (entry == null) {
          return;
        }
      }
    }
  }

  private void writeWithRetry(List<CallRecord> batch) throws InterruptedException {
    long backoffNanos = settings.retryInitialBackoff().toNanos();
    List<CallRecord> pending = batch;
    for (int attempt = 1; ; attempt++) {
      try {
        store.append(pending);
        written.addAndGet(pending.size());
        return;
      } catch (RuntimeException e) {
        failedWrites.incrementAndGet();
        log.warn(
            "recorder: appending a batch of {} call records failed (attempt {}), retrying in {} ms:"
                + " {}",
            pending.size(),
            attempt,
            TimeUnit.NANOSECONDS.toMillis(backoffNanos),
            e.toString());
        // A store fault (a full disk) is no record's fault, so the batch waits whole for the
        // next try. Other failures may come from one record, which is then isolated.
        if (attempt >= ATTEMPTS_BEFORE_ISOLATING
            && !(e instanceof StoreUnavailableException)
            && storeWritable()) {
          pending = writeOneByOne(pending);
          if (pending.isEmpty()) {
            return;
          }
        }
        TimeUnit.NANOSECONDS.sleep(backoffNanos);
        backoffNanos = Math.min(backoffNanos * 2, settings.retryMaxBackoff().toNanos());
      }
    }
  }

  /**
   * Writes each record on its own, so one record the store cannot hold (a value out of range) does
   * not hold back the records batched with it. A record that fails twice while others of the same
   * batch are newly stored is dropped with an ERROR. When none is newly stored (all fail, or the
   * rest were stored by an earlier try that failed part way), or {@value
   * #MAX_FAILURES_BEFORE_PROGRESS} fail before one is, the store itself is failing (a full disk,
   * say), so the records not written are returned for another try.
   *
   * <p>NOTE: a batch of nothing but records the store cannot take is retried until close.
   */
  private List<CallRecord> writeOneByOne(List<CallRecord> batch) {
    List<CallRecord> failed = new ArrayList<>();
    List<RuntimeException> errors = new ArrayList<>();
    boolean anyNew = false;
    for (int i = 0; i < batch.size(); i++) {
      if (!anyNew && failed.size() >= MAX_FAILURES_BEFORE_PROGRESS) {
        return unwritten(failed, batch, i);
      }
      CallRecord record = batch.get(i);
      try {
        anyNew |= store.append(List.of(record)) > 0;
        written.incrementAndGet();
      } catch (StoreUnavailableException e) {
        // The disk or the database failed, not this record, so it and the rest wait for later.
        return unwritten(failed, batch, i);
      } catch (RuntimeException e) {
        failed.add(record);
        errors.add(e);
      }
    }
    if (failed.isEmpty() || !anyNew) {
      return failed;
    }
    // Others were stored, so each failed record gets one more try: the store may have recovered
    // part way through the pass (space freed on a full disk).
    for (int i = 0; i < failed.size(); i++) {
      try {
        store.append(List.of(failed.get(i)));
        written.incrementAndGet();
      } catch (StoreUnavailableException e) {
        return new ArrayList<>(failed.subList(i, failed.size()));
      } catch (RuntimeException e) {
        rejected.incrementAndGet();
        log.error(
            "recorder: call record {} cannot be stored and is dropped: {} (first failure: {})",
            failed.get(i).requestId(),
            e.toString(),
            errors.get(i).toString());
      }
    }
    return List.of();
  }

  /** Returns the failed records followed by those of {@code batch} from {@code next} on. */
  private static List<CallRecord> unwritten(
      List<CallRecord> failed, List<CallRecord> batch, int next) {
    List<CallRecord> rest = new ArrayList<>(failed);
    rest.addAll(batch.subList(next, batch.size()));
    return rest;
  }

  /**
   * Returns whether the store takes a write apart from the batch, so a failing batch contains a
   * record it cannot store. A full disk fails this probe too, and then no record is tried alone.
   */
  private boolean storeWritable() {
    try {
      store.probeWrite();
      return true;
    } catch (RuntimeException e) {
      log.warn("recorder: the store takes no writes at all: {}", e.toString());
      return false;
    }
  }

  /** Counts what a timed-out close leaves unwritten and releases every waiting flush. */
  private void abandon(List<CallRecord> batch, List<FlushRequest> flushes) {
    long count = batch.size();
    List<Object> rest = new ArrayList<>();
    queue.drainTo(rest);
    for (Object entry : rest) {
      if (entry instanceof FlushRequest request) {
        flushes.add(request);
      } else {
        count++;
      }
    }
    lost.addAndGet(count);
    flushes.forEach(request -> request.done.countDown());
    log.error(
        "recorder: close timed out while the store was failing; {} call records were not written",
        count);
  }

  private static long deadlineNanos(Duration timeout) {
    long now = System.nanoTime();
    long nanos =
        timeout.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE / 2 : timeout.toNanos();
    return now + nanos;
  }

  private static long remainingNanos(long deadline) {
    return deadline - System.nanoTime();
  }

  private static long remainingMillis(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos(deadline)));
  }
}
