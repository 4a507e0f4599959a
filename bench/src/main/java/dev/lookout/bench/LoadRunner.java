package dev.lookout.bench;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Sends one request body to one URL, either at a constant rate (open loop) or one request at a time
 * (closed loop), over a Vert.x HTTP/1.1 client, and records latency and time to first chunk.
 *
 * <p>Open loop: request {@code i} has the intended send time {@code start + i / rate}. Its latency
 * runs from that intended time to the last byte of the response, so a slow response that delays
 * later sends (because all {@code maxInFlight} slots are busy) is charged to every request that
 * waited, as a real client at that rate would see it. This avoids coordinated omission. The sender
 * never skips a slot to catch up.
 */
final class LoadRunner implements AutoCloseable {
  /** Highest latency the histograms track: one hour, in microseconds. */
  static final long MAX_TRACKABLE_MICROS = TimeUnit.HOURS.toMicros(1);

  private static final int EVENT_LOOPS = 2;

  /** The marker a complete OpenAI stream ends with. */
  private static final String DONE_MARKER = "data: [DONE]";

  private final Vertx vertx;
  private final List<Context> contexts;
  private final AtomicLong nextContext = new AtomicLong();
  private final HttpClient client;
  private final int maxInFlight;
  private final Duration timeout;
  private final int clockTicks;

  /**
   * Creates a client with {@value #EVENT_LOOPS} event loops and a pool of {@code maxInFlight}
   * connections per server.
   */
  LoadRunner(int maxInFlight, Duration timeout, int clockTicks) {
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS));
    // Called from this non-Vert.x thread, each getOrCreateContext returns a new context on the next
    // event loop.
    List<Context> created = new ArrayList<>();
    for (int i = 0; i < EVENT_LOOPS; i++) {
      created.add(vertx.getOrCreateContext());
    }
    this.contexts = List.copyOf(created);
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
            new PoolOptions().setHttp1MaxSize(maxInFlight));
    this.maxInFlight = maxInFlight;
    this.timeout = timeout;
    this.clockTicks = clockTicks;
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
   * Sends {@code count} requests at {@code ratePerSecond} and waits for all of them to finish.
   *
   * <p>A request still unsent when the sender is more than one timeout behind schedule is counted
   * as unsent, so an overloaded target cannot stretch the run without bound.
   */
  PhaseResult runOpenLoop(
      Target target,
      String path,
      Map<String, String> extraHeaders,
      String body,
      boolean streamed,
      double ratePerSecond,
      long count)
      throws InterruptedException {
    Phase phase = new Phase(target, path, extraHeaders, body, streamed);
    Semaphore slots = new Semaphore(maxInFlight);
    long timeoutNanos = timeout.toNanos();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
    long unsent = 0;
    long maxSendLagNanos = 0;
    ResourceSampler sampler = new ResourceSampler(target.pid(), phase.inFlight);
    for (long i = 0; i < count; i++) {
      long intended = start + intendedOffsetNanos(i, ratePerSecond);
      parkUntil(intended);
      long behind = System.nanoTime() - intended;
      if (!slots.tryAcquire(Math.max(0, timeoutNanos - behind), TimeUnit.NANOSECONDS)) {
        unsent = count - i;
        break;
      }
      maxSendLagNanos = Math.max(maxSendLagNanos, System.nanoTime() - intended);
      phase.send(intended).whenComplete((ignored, failure) -> slots.release());
    }
    // All slots are free again only when every request sent has finished. The idle timeout of
    // each request bounds this wait.
    slots.acquire(maxInFlight);
    slots.release(maxInFlight);
    ResourceSampler.Usage usage = sampler.stop(clockTicks);
    long end = Math.max(phase.lastDone.get(), start);
    return phase.result(unsent, count, Duration.ofNanos(end - start), maxSendLagNanos, usage);
  }

  /** Sends one request at a time for {@code length}, each as soon as the previous one finished. */
  PhaseResult runClosedLoop(
      Target target, String path, String body, boolean streamed, Duration length)
      throws InterruptedException {
    Phase phase = new Phase(target, path, Map.of(), body, streamed);
    ResourceSampler sampler = new ResourceSampler(target.pid(), phase.inFlight);
    long start = System.nanoTime();
    long deadline = start + length.toNanos();
    long sent = 0;
    while (System.nanoTime() < deadline) {
      CompletableFuture<Void> done = phase.send(System.nanoTime());
      sent++;
      try {
        done.get(timeout.toNanos() + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // Phase.send counts its own failures; a future that never completes is a stuck client.
        throw new IllegalStateException(
            "request to " + target.name() + " did not finish within the timeout plus 1 s", e);
      }
    }
    ResourceSampler.Usage usage = sampler.stop(clockTicks);
    long end = Math.max(phase.lastDone.get(), start);
    return phase.result(0, sent, Duration.ofNanos(end - start), 0, usage);
  }

  private static void parkUntil(long deadlineNanos) {
    for (long left = deadlineNanos - System.nanoTime();
        left > 0;
        left = deadlineNanos - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  @Override
  public void close() {
    client.close().await();
    vertx.close().await();
  }

  /** State of one phase against one target: its counters and how to send one request. */
  private final class Phase {
    private final RequestOptions request;
    private final Buffer body;
    private final boolean streamed;
    private final Histogram latency = newHistogram();
    private final Histogram firstChunk = newHistogram();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, LongAdder> errorReasons = new ConcurrentHashMap<>();
    private final AtomicLong lastDone = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();

    Phase(
        Target target,
        String path,
        Map<String, String> extraHeaders,
        String body,
        boolean streamed) {
      MultiMap headers = MultiMap.caseInsensitiveMultiMap();
      headers.add("content-type", "application/json");
      headers.add("authorization", "Bearer sk-bench-not-a-real-key");
      target.headers().forEach(headers::add);
      extraHeaders.forEach(headers::add);
      this.request =
          new RequestOptions()
              .setMethod(HttpMethod.POST)
              .setAbsoluteURI(target.baseUrl() + path)
              .setHeaders(headers)
              .setIdleTimeout(timeout.toMillis());
      this.body = Buffer.buffer(body);
      this.streamed = streamed;
    }

    /**
     * Sends one request whose latency counts from {@code startNanos}; the future completes when it
     * has succeeded or failed, and never exceptionally.
     */
    CompletableFuture<Void> send(long startNanos) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Call call = new Call(startNanos, done);
      inFlight.incrementAndGet();
      // Sending from an event loop makes Vert.x run every callback of this request on it, so the
      // response handlers are set before the body can arrive. Called from the sender thread, a
      // callback could run there and miss the end of the response.
      Context context = contexts.get((int) (nextContext.getAndIncrement() % contexts.size()));
      context.runOnContext(
          ignored ->
              client
                  .request(request)
                  .compose(clientRequest -> clientRequest.send(body))
                  .onComplete(
                      sent -> {
                        if (sent.failed()) {
                          call.fail(sent.cause().toString());
                        } else {
                          call.read(sent.result());
                        }
                      }));
      return done;
    }

    PhaseResult result(
        long unsent,
        long scheduled,
        Duration elapsed,
        long maxSendLagNanos,
        ResourceSampler.Usage usage) {
      Map<String, Long> reasons = new HashMap<>();
      errorReasons.forEach((reason, count) -> reasons.put(reason, count.sum()));
      return new PhaseResult(
          latency,
          firstChunk,
          errors.get(),
          unsent,
          scheduled,
          elapsed,
          maxSendLagNanos,
          usage,
          reasons);
    }

    /** One request in flight. Vert.x calls its handlers on one event loop, one at a time. */
    private final class Call {
      private final long startNanos;
      private final CompletableFuture<Void> done;
      private long firstChunkNanos = -1;
      private String tail = "";
      private boolean finished;

      Call(long startNanos, CompletableFuture<Void> done) {
        this.startNanos = startNanos;
        this.done = done;
      }

      void read(HttpClientResponse response) {
        int status = response.statusCode();
        response.exceptionHandler(failure -> fail(failure.toString()));
        response.handler(
            chunk -> {
              if (firstChunkNanos < 0) {
                firstChunkNanos = System.nanoTime();
              }
              if (streamed) {
                // Keeps only enough text to find the end marker across a chunk boundary.
                String text = tail + chunk.toString();
                tail = text.substring(Math.max(0, text.length() - DONE_MARKER.length() - 4));
                if (text.contains(DONE_MARKER)) {
                  tail = DONE_MARKER;
                }
              }
            });
        response.endHandler(
            ignored -> {
              if (status / 100 != 2) {
                fail("HTTP status " + status);
              } else if (streamed && !tail.contains(DONE_MARKER)) {
                fail("stream ended without data: [DONE]");
              } else {
                finish(true);
              }
            });
      }

      void fail(String reason) {
        if (!finished) {
          errorReasons.computeIfAbsent(reason, ignored -> new LongAdder()).increment();
        }
        finish(false);
      }

      void finish(boolean succeeded) {
        if (finished) {
          return;
        }
        finished = true;
        long now = System.nanoTime();
        if (succeeded) {
          latency.recordValue(micros(now - startNanos));
          long firstAt = firstChunkNanos < 0 ? now : firstChunkNanos;
          firstChunk.recordValue(micros(firstAt - startNanos));
        } else {
          errors.incrementAndGet();
        }
        lastDone.accumulateAndGet(now, Math::max);
        inFlight.decrementAndGet();
        done.complete(null);
      }

      private long micros(long nanos) {
        return Math.min(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)), MAX_TRACKABLE_MICROS);
      }
    }
  }
}
