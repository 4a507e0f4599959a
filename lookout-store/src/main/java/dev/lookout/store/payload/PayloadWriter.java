package dev.lookout.store.payload;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands captured payloads from request threads to a {@link PayloadStore} without blocking them.
 *
 * <p>{@link #offer} puts a payload on a bounded queue and never blocks, so the gateway's event loop
 * can call it. When the queue is full the payload is dropped and counted. One writer thread builds
 * each payload (redaction and JSON parsing happen there, off the event loop), compresses it and
 * stores it. A write the store rejects is retried a few times. A payload that still fails is
 * counted as failed and logged with its request id only, never its content.
 */
public final class PayloadWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PayloadWriter.class);

  /**
   * Default max bytes of bodies waiting in the queue, beyond which payloads are dropped: 256 MiB,
   * or a quarter of the JVM's max heap when that is less, so a slow store cannot fill a small heap.
   */
  public static final long DEFAULT_MAX_QUEUED_BYTES =
      Math.min(256L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 4);

  /** Waits before each retry of a failed store write, in milliseconds. */
  static final long[] RETRY_DELAYS_MILLIS = {100, 400, 1_600};

  private final PayloadStore store;
  private final long maxQueuedBytes;
  private final ArrayBlockingQueue<Entry> queue;
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong processed = new AtomicLong();
  private final Thread writer;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong writtenBytes = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean accepting = true;

  /** Whether the last payload failed after every retry; read and written by the writer thread. */
  private boolean storeFailing;

  /** A queued payload and the bytes of the bodies it keeps in memory until it is written. */
  private record Entry(Supplier<Payload> payload, long bytes) {}

  /** Starts the writer thread; the writer owns {@code store} and closes it in {@link #close}. */
  public PayloadWriter(PayloadStore store, int queueCapacity) {
    this(store, queueCapacity, DEFAULT_MAX_QUEUED_BYTES);
  }

  /**
   * Starts the writer thread; the writer owns {@code store} and closes it in {@link #close}.
   *
   * @param maxQueuedBytes max body bytes held by queued payloads, so a burst of large bodies cannot
   *     exhaust the heap
   */
  public PayloadWriter(PayloadStore store, int queueCapacity, long maxQueuedBytes) {
    this.maxQueuedBytes = maxQueuedBytes;
    if (queueCapacity < 1) {
      throw new IllegalArgumentException(
          "payloads.queue_capacity must be 1 or more, got " + queueCapacity);
    }
    this.store = Objects.requireNonNull(store, "store");
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.writer = new Thread(this::run, "lookout-payload-writer");
    writer.setDaemon(true);
    // Background work, lower than the event loops; see Recorder.
    writer.setPriority(Thread.MIN_PRIORITY);
    writer.start();
    log.info(
        "payloads: writer started (store {}, queue capacity {})", store.location(), queueCapacity);
  }

  /**
   * Queues a payload without blocking; {@code payload} runs later on the writer thread.
   *
   * @return false when the payload was dropped because the queue is full or the writer is closed
   */
  public boolean offer(Supplier<Payload> payload) {
    return offer(payload, 0);
  }

  /**
   * Queues a payload that holds {@code bytes} of bodies, without blocking.
   *
   * @return false when the payload was dropped because the queue is full, its bytes would pass the
   *     max queued bytes, or the writer is closed
   */
  public boolean offer(Supplier<Payload> payload, long bytes) {
    if (accepting) {
      if (queuedBytes.addAndGet(bytes) <= maxQueuedBytes
          && queue.offer(new Entry(payload, bytes))) {
        accepted.incrementAndGet();
        return true;
      }
      queuedBytes.addAndGet(-bytes);
    }
    long count = dropped.incrementAndGet();
    // Logged at 1, 2, 4, 8, ... drops so a long overload does not flood the log.
    if (Long.bitCount(count) == 1) {
      log.warn(
          "payloads: capture queue is full, {} payloads dropped so far; lower"
              + " capture.sample_rate or check the payload store",
          count);
    }
    return false;
  }

  /** Returns the number of payloads stored. */
  public long written() {
    return written.get();
  }

  /** Returns the compressed bytes of the payloads stored. */
  public long writtenBytes() {
    return writtenBytes.get();
  }

  /** Returns the number of payloads dropped because the queue was full or the writer closed. */
  public long dropped() {
    return dropped.get();
  }

  /** Returns the number of payloads that could not be built or stored. */
  public long failed() {
    return failed.get();
  }

  /** Returns the number of payloads waiting in the queue. */
  public int queued() {
    return queue.size();
  }

  /** Blocks until every payload accepted before this call is stored or failed, or the timeout. */
  public boolean flush(Duration timeout) {
    long target = accepted.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (processed.get() >= target) {
        return true;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private void run() {
    while (true) {
      Entry next;
      try {
        next = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (next == null) {
        if (!accepting) {
          return;
        }
        continue;
      }
      try {
        write(next.payload());
      } finally {
        queuedBytes.addAndGet(-next.bytes());
        processed.incrementAndGet();
      }
    }
  }

  private void write(Supplier<Payload> next) {
    String requestId = null;
    try {
      Payload payload = next.get();
      requestId = payload.requestId();
      byte[] object = payload.encode();
      put(requestId, object);
      written.incrementAndGet();
      writtenBytes.addAndGet(object.length);
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      // The exception text names the key or the failing step, never the payload's content.
      log.error(
          "payloads: storing the payload of request {} failed, so it is lost: {}",
          requestId,
          e.toString());
    }
  }

  /**
   * Stores one object, retrying after {@link #RETRY_DELAYS_MILLIS} when the store fails: a full
   * disk being cleaned or a process out of file handles under a burst of connections recovers
   * within seconds. After a payload has used every retry, the next ones get one attempt each until
   * one succeeds, so a store that stays down does not hold the queue back.
   */
  private void put(String requestId, byte[] object) {
    int retries = storeFailing ? 0 : RETRY_DELAYS_MILLIS.length;
    for (int attempt = 0; ; attempt++) {
      try {
        store.put(PayloadKeys.of(requestId), object);
        if (storeFailing) {
          storeFailing = false;
          log.info("payloads: the store at {} accepts payloads again", store.location());
        }
        return;
      } catch (RuntimeException e) {
        if (attempt >= retries) {
          storeFailing = true;
          throw e;
        }
        long delay = RETRY_DELAYS_MILLIS[attempt];
        log.warn(
            "payloads: storing the payload of request {} failed ({}); retry {} of {} in {} ms",
            requestId,
            e.toString(),
            attempt + 1,
            retries,
            delay);
        try {
          Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Stops accepting payloads, stores the queued ones within 30 s, then closes the store. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /**
   * Stops accepting payloads, stores the queued ones within {@code timeout}, then closes the store.
   *
   * @return false when the queue did not drain within {@code timeout}
   */
  public boolean close(Duration timeout) {
    accepting = false;
    boolean drained = true;
    try {
      writer.join(Math.max(1, timeout.toMillis()));
      if (writer.isAlive()) {
        writer.interrupt();
        drained = false;
        log.error(
            "payloads: close timed out after {} ms; {} queued payloads were not stored",
            timeout.toMillis(),
            queue.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drained = false;
    }
    store.close();
    log.info(
        "payloads: writer stopped, {} payloads stored, {} dropped, {} failed",
        written(),
        dropped(),
        failed());
    return drained;
  }
}
