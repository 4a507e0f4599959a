package dev.lookout.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Sends one request body to one URL at a constant rate and records latency without coordinated
 * omission.
 *
 * <p>Request {@code i} has the intended send time {@code start + i / rate}. Its latency runs from
 * that intended time to the moment the last byte of the response arrives, so a slow response that
 * delays later sends (because all {@code maxInFlight} slots are busy) is charged to every request
 * that waited, as a real client at that rate would see it. The sender never skips a slot to catch
 * up.
 */
final class ConstantRateLoad {
  /** Highest latency the histograms track: one hour, in microseconds. */
  static final long MAX_TRACKABLE_MICROS = TimeUnit.HOURS.toMicros(1);

  private final HttpClient client;
  private final int maxInFlight;
  private final Duration timeout;

  ConstantRateLoad(HttpClient client, int maxInFlight, Duration timeout) {
    this.client = client;
    this.maxInFlight = maxInFlight;
    this.timeout = timeout;
  }

  /** Returns a histogram of microseconds with three significant digits, safe across threads. */
  static Histogram newHistogram() {
    return new SynchronizedHistogram(MAX_TRACKABLE_MICROS, 3);
  }

  /** Returns the intended send time of request {@code index}, in nanoseconds after the start. */
  static long intendedOffsetNanos(long index, double ratePerSecond) {
    return Math.round(index * 1e9 / ratePerSecond);
  }

  /**
   * Runs {@code count} requests at {@code ratePerSecond} and waits for all of them to finish.
   *
   * <p>A request counts as an error when it fails, times out, gets a status other than 2xx, or
   * (when {@code streamed}) its body lacks the {@code data: [DONE]} line. A request still unsent
   * when the sender is more than one timeout behind schedule is counted as unsent, so an overloaded
   * target cannot stretch the run without bound.
   */
  PhaseResult run(URI url, String body, boolean streamed, double ratePerSecond, long count)
      throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer sk-bench-not-a-real-key")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    Histogram histogram = newHistogram();
    Semaphore slots = new Semaphore(maxInFlight);
    AtomicLong errors = new AtomicLong();
    AtomicLong lastDone = new AtomicLong();
    long maxSendLagNanos = 0;
    long unsent = 0;
    long timeoutNanos = timeout.toNanos();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);

    for (long i = 0; i < count; i++) {
      long intended = start + intendedOffsetNanos(i, ratePerSecond);
      parkUntil(intended);
      long behind = System.nanoTime() - intended;
      long waitLimit = Math.max(0, timeoutNanos - behind);
      if (!slots.tryAcquire(waitLimit, TimeUnit.NANOSECONDS)) {
        unsent = count - i;
        break;
      }
      long sent = System.nanoTime();
      maxSendLagNanos = Math.max(maxSendLagNanos, sent - intended);
      client
          .sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
          .whenComplete(
              (response, failure) -> {
                long done = System.nanoTime();
                try {
                  if (failure == null && succeeded(response, streamed)) {
                    long micros = TimeUnit.NANOSECONDS.toMicros(done - intended);
                    histogram.recordValue(Math.min(micros, MAX_TRACKABLE_MICROS));
                  } else {
                    errors.incrementAndGet();
                  }
                  lastDone.accumulateAndGet(done, Math::max);
                } finally {
                  slots.release();
                }
              });
    }
    // All slots are free again only when every request sent has finished. The HTTP client's
    // per-request timeout bounds this wait.
    slots.acquire(maxInFlight);
    slots.release(maxInFlight);
    long end = Math.max(lastDone.get(), start);
    return new PhaseResult(
        histogram, errors.get(), unsent, count, Duration.ofNanos(end - start), maxSendLagNanos);
  }

  private static boolean succeeded(HttpResponse<String> response, boolean streamed) {
    if (response.statusCode() / 100 != 2) {
      return false;
    }
    return !streamed || response.body().contains("data: [DONE]");
  }

  private static void parkUntil(long deadlineNanos) {
    for (long left = deadlineNanos - System.nanoTime();
        left > 0;
        left = deadlineNanos - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
