package dev.lookout.cli.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.gateway.sim.TrafficRecord;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends recorded prompts to a gateway as OpenAI chat completion requests and counts the outcomes.
 *
 * <p>Request {@code i} (0-based) carries the record's model (or the settings' model, or {@value
 * ReplaySettings#DEFAULT_MODEL}), the record's history and prompt as messages, {@code user =
 * "user-" + (i % users)} when users is positive, and the header {@code x-lookout-template} from the
 * record's category. A request is streamed when {@code floor((i + 1) * streamRatio) > floor(i *
 * streamRatio)}, which spreads the streamed requests evenly. Every second streamed request,
 * starting with the first, sets {@code stream_options.include_usage}. Bodies are read to the end
 * and discarded.
 *
 * <p>Extra headers given to the constructor go on every request, and a response listener hears each
 * successful response's index and {@code x-lookout-request-id}.
 *
 * <p>With a rate, request {@code i} is sent at {@code i / rate} seconds after the start (or as soon
 * after as a concurrency slot is free), so a late request does not delay the ones after it.
 */
public final class Replayer {
  private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int LOGGED_FAILURES = 5;
  private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7E]+");

  private final ReplaySettings settings;
  private final Map<String, String> headers;
  private final ResponseListener listener;
  private final HttpClient client;
  private final AtomicInteger loggedFailures = new AtomicInteger();
  private volatile boolean stopped;

  /** Hears a successful response: its request index and its request id, or null without one. */
  @FunctionalInterface
  public interface ResponseListener {
    void succeeded(int index, String requestId);
  }

  public Replayer(ReplaySettings settings) {
    this(settings, Map.of(), (index, requestId) -> {});
  }

  /**
   * @param headers sent on every request, after the replayer's own
   * @param listener called on an HTTP client thread for every successful response
   */
  public Replayer(ReplaySettings settings, Map<String, String> headers, ResponseListener listener) {
    this.settings = settings;
    this.headers = Map.copyOf(headers);
    this.listener = listener;
    Duration connectTimeout =
        settings.timeout().compareTo(Duration.ofSeconds(10)) < 0
            ? settings.timeout()
            : Duration.ofSeconds(10);
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build();
  }

  /**
   * Sends the records (at most the settings' limit) and waits until every response has ended or
   * timed out. Call from an ordinary thread: it sleeps to keep the rate.
   */
  public ReplaySummary run(List<TrafficRecord> records) throws InterruptedException {
    int count = settings.limit() > 0 ? Math.min(settings.limit(), records.size()) : records.size();

    Semaphore slots = new Semaphore(settings.concurrency());
    Map<String, Integer> failures = new ConcurrentHashMap<>();
    AtomicInteger succeeded = new AtomicInteger();
    List<CompletableFuture<Void>> pending = new ArrayList<>(count);
    LOG.info("replay starting: {} requests to {}", count, settings.chatCompletionsUri());

    long startNanos = System.nanoTime();
    int sent = 0;
    for (int i = 0; i < count && !stopped; i++) {
      if (settings.rate() > 0) {
        waitUntil(startNanos + (long) (i * 1e9 / settings.rate()));
      }
      slots.acquire();
      boolean stream = isStreamed(i);
      int index = i;
      CompletableFuture<Void> outcome =
          client
              .sendAsync(request(records.get(i), i), DiscardedBody.handler())
              .orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
              .handle(
                  (response, error) -> {
                    String cause = failureCause(response, error, stream);
                    if (cause == null) {
                      succeeded.incrementAndGet();
                      listener.succeeded(
                          index,
                          response.headers().firstValue("x-lookout-request-id").orElse(null));
                    } else {
                      failures.merge(cause, 1, Integer::sum);
                      logFailure(cause, error);
                    }
                    return null;
                  })
              .thenRun(slots::release);
      pending.add(outcome);
      sent++;
    }

    CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    ReplaySummary summary =
        new ReplaySummary(sent, succeeded.get(), sent - succeeded.get(), elapsed, failures);
    LOG.info("replay finished: {}", summary.line());
    return summary;
  }

  /** Stops sending new requests; {@link #run} returns once the ones in flight have ended. */
  public void stop() {
    stopped = true;
  }

  /** Returns whether request {@code index} is streamed. */
  boolean isStreamed(int index) {
    return streamedBefore(index + 1) > streamedBefore(index);
  }

  /** Returns whether request {@code index}, a streamed one, requests a usage chunk. */
  boolean includesUsage(int index) {
    return streamedBefore(index) % 2 == 0;
  }

  /** Returns how many of the requests before {@code index} are streamed. */
  private long streamedBefore(int index) {
    return (long) Math.floor(index * settings.streamRatio());
  }

  HttpRequest request(TrafficRecord record, int index) {
    ObjectNode body = MAPPER.createObjectNode();
    String model = settings.model() != null ? settings.model() : record.model();
    body.put("model", model != null ? model : ReplaySettings.DEFAULT_MODEL);
    ArrayNode messages = body.putArray("messages");
    for (TrafficRecord.Message message : record.history()) {
      messages.addObject().put("role", message.role()).put("content", message.content());
    }
    messages.addObject().put("role", "user").put("content", record.prompt());
    if (settings.users() > 0) {
      body.put("user", "user-" + (index % settings.users()));
    }
    if (isStreamed(index)) {
      body.put("stream", true);
      if (includesUsage(index)) {
        body.putObject("stream_options").put("include_usage", true);
      }
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.chatCompletionsUri())
            .timeout(settings.timeout())
            .header("content-type", "application/json")
            .header("authorization", "Bearer " + settings.apiKey())
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    String category = record.category();
    if (category != null && HEADER_VALUE.matcher(category).matches() && !category.isBlank()) {
      request.header("x-lookout-template", category.strip());
    }
    headers.forEach(request::header);
    return request.build();
  }

  /**
   * Returns null for a success, else a short cause such as {@code "http 502"} or {@code "http 400
   * input_blocked"}.
   */
  private static String failureCause(
      HttpResponse<DiscardedBody> response, Throwable error, boolean stream) {
    if (error != null) {
      Throwable cause = error instanceof CompletionException ? error.getCause() : error;
      return cause instanceof TimeoutException ? "timeout" : cause.getClass().getSimpleName();
    }
    if (response.statusCode() < 200 || response.statusCode() > 299) {
      String code = response.body().errorCode();
      return "http " + response.statusCode() + (code == null ? "" : " " + code);
    }
    if (stream && !response.body().endsWithDone()) {
      return "stream without [DONE]";
    }
    return null;
  }

  private void logFailure(String cause, Throwable error) {
    int logged = loggedFailures.incrementAndGet();
    if (logged <= LOGGED_FAILURES) {
      // The cause is enough for a user; the stack trace only at DEBUG.
      LOG.warn(
          "replay request to {} failed: {}{}",
          settings.chatCompletionsUri(),
          cause,
          error instanceof java.net.ConnectException
              ? " (is the gateway running at that address?)"
              : error == null ? "" : " (" + error + ")");
      LOG.debug("replay request failure", error);
    } else if (logged == LOGGED_FAILURES + 1) {
      LOG.warn("replay requests keep failing; further failures are only counted");
    }
  }

  private static void waitUntil(long dueNanos) throws InterruptedException {
    long waitNanos = dueNanos - System.nanoTime();
    if (waitNanos > 0) {
      TimeUnit.NANOSECONDS.sleep(waitNanos);
    }
  }
}
