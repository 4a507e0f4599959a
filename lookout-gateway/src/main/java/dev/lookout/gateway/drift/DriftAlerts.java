package dev.lookout.gateway.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.drift.DriftCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a template that turned drifted: a WARN log and an optional webhook POST with a JSON body.
 * The POST is asynchronous; a failure is logged and not retried. The body carries numbers only,
 * never response texts.
 */
final class DriftAlerts {
  private static final Logger LOG = LoggerFactory.getLogger(DriftAlerts.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

  private final URI webhook;
  private final HttpClient client;

  DriftAlerts(URI webhook) {
    this.webhook = webhook;
    this.client =
        webhook == null ? null : HttpClient.newBuilder().connectTimeout(WEBHOOK_TIMEOUT).build();
  }

  void turnedDrifted(DriftCheck check, double alpha) {
    LOG.warn(
        "drift: template '{}' on model '{}' drifted: p-value {} <= alpha {} (embeddings p-value"
            + " {}, word profile p-value {}, phrase p-value {}, MMD² {}, centroid distance {},"
            + " window {} vs baseline"
            + " {}); inspect GET /api/v1/drift, and reset the"
            + " baseline with `lookout drift baseline --template {} --reset` if the change is"
            + " intended",
        check.key().promptTemplate(),
        check.key().model(),
        format(check.result().pValue()),
        alpha,
        format(check.result().embeddingPValue()),
        format(check.result().profilePValue()),
        format(check.result().phrasePValue()),
        format(check.result().statistic()),
        format(check.result().distance()),
        check.result().windowN(),
        check.result().baselineN(),
        check.key().promptTemplate());
    if (client != null) {
      post(check);
    }
  }

  private void post(DriftCheck check) {
    ObjectNode body = JSON.createObjectNode();
    body.put("event", "drift_detected");
    body.put("prompt_template", check.key().promptTemplate());
    body.put("model", check.key().model());
    body.put("state", check.state().label());
    body.put("statistic", check.result().statistic());
    body.put("p_value", check.result().pValue());
    body.put("distance", check.result().distance());
    body.put("baseline_n", check.result().baselineN());
    body.put("window_n", check.result().windowN());
    body.put("checked_at", check.checkedAt().toString());
    HttpRequest request =
        HttpRequest.newBuilder(webhook)
            .timeout(WEBHOOK_TIMEOUT)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                LOG.warn(
                    "drift: webhook {} failed for template '{}': {}",
                    webhook,
                    check.key().promptTemplate(),
                    failure.toString());
              } else if (response.statusCode() / 100 != 2) {
                LOG.warn(
                    "drift: webhook {} answered HTTP {} for template '{}'",
                    webhook,
                    response.statusCode(),
                    check.key().promptTemplate());
              }
            });
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.4g", value);
  }
}
