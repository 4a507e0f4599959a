package dev.lookout.cli.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synthetic {@code thumbs_up} feedback for the demo's calls. The rule, fixed in advance and blind
 * to the variant: in request order, a {@link Random} seeded with {@value #SEED} draws for each
 * successful call whether it gets feedback (probability {@value #SHARE}) and, if so, whether it is
 * a thumbs up (probability {@value #THUMBS_UP}). Both variants therefore have the same true rate,
 * and the experiment page shows an A/A comparison.
 */
final class DemoFeedback {
  static final long SEED = 42;
  static final double SHARE = 0.5;
  static final double THUMBS_UP = 0.7;

  private static final Logger LOG = LoggerFactory.getLogger(DemoFeedback.class);
  private static final int IN_FLIGHT = 8;

  private final URI feedbackUri;
  private final String apiKey;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  DemoFeedback(String gatewayUrl, String apiKey) {
    this.feedbackUri = URI.create(gatewayUrl + "/v1/feedback");
    this.apiKey = apiKey;
  }

  /**
   * Posts the feedback for the calls and waits for the gateway's responses.
   *
   * @param requestIds request id of each successful call, by replay index
   * @return a line such as {@code feedback: posted=998 thumbs_up=702 failed=0}
   */
  String post(Map<Integer, String> requestIds) throws InterruptedException {
    Random random = new Random(SEED);
    Semaphore slots = new Semaphore(IN_FLIGHT);
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    int thumbsUp = 0;
    for (Map.Entry<Integer, String> call : new TreeMap<>(requestIds).entrySet()) {
      boolean rated = random.nextDouble() < SHARE;
      boolean value = random.nextDouble() < THUMBS_UP;
      if (!rated || call.getValue() == null) {
        continue;
      }
      thumbsUp += value ? 1 : 0;
      String body =
          "{\"request_id\":\""
              + call.getValue()
              + "\",\"name\":\"thumbs_up\",\"value\":"
              + value
              + "}";
      HttpRequest request =
          HttpRequest.newBuilder(feedbackUri)
              .timeout(Duration.ofSeconds(30))
              .header("content-type", "application/json")
              .header("authorization", "Bearer " + apiKey)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      slots.acquire();
      pending.add(
          client
              .sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .handle(
                  (response, error) -> {
                    if (error != null || response.statusCode() != 200) {
                      failed.incrementAndGet();
                      LOG.warn(
                          "demo feedback for request {} failed: {}",
                          call.getValue(),
                          error != null ? error.toString() : "http " + response.statusCode());
                    }
                    return null;
                  })
              .thenRun(slots::release));
    }
    CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
    return "feedback: posted="
        + pending.size()
        + " thumbs_up="
        + thumbsUp
        + " failed="
        + failed.get()
        + " (synthetic: seeded random, the same rate for both variants)";
  }
}
