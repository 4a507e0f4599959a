package dev.lookout.gateway.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.budget.BudgetBreach;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a budget that reached its soft threshold: a WARN log, a metric, and an optional webhook
 * POST with a JSON body. A failed webhook is logged and not retried.
 */
public class BudgetAlerts {
  private static final Logger LOG = LoggerFactory.getLogger(BudgetAlerts.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Counter counter;
  private final HttpClient client;
  private final URI webhook;

  /**
   * @param webhook URL to POST alerts to, or null for none
   */
  public BudgetAlerts(PrometheusRegistry registry, HttpClient client, URI webhook) {
    this.counter =
        Counter.builder()
            .name("lookout_budget_soft_limit_reached_total")
            .help("Budgets that reached their soft threshold, by scope and period")
            .labelNames("scope", "period")
            .register(registry);
    this.client = client;
    this.webhook = webhook;
  }

  private BudgetAlerts() {
    this.counter = null;
    this.client = null;
    this.webhook = null;
  }

  /** Returns alerts that only log; for gateways without budgets. */
  public static BudgetAlerts none() {
    return new BudgetAlerts();
  }

  void softLimitReached(BudgetBreach breach) {
    String scope = breach.budget().scope().wireName();
    LOG.warn(
        "budget: {} '{}' spent {} of its {} limit of {} USD (soft threshold {}); raise the limit"
            + " under budgets in lookout.yaml if this is expected",
        scope,
        breach.budget().id(),
        breach.spentUsd().stripTrailingZeros().toPlainString(),
        breach.period().wireName(),
        breach.limitUsd().toPlainString(),
        breach.budget().softThreshold().toPlainString());
    if (counter != null) {
      counter.labelValues(scope, breach.period().wireName()).inc();
    }
    if (client != null && webhook != null) {
      post(breach);
    }
  }

  private void post(BudgetBreach breach) {
    ObjectNode body = JSON.createObjectNode();
    body.put("event", "budget_soft_limit_reached");
    body.put("scope", breach.budget().scope().wireName());
    body.put("id", breach.budget().id());
    body.put("period", breach.period().wireName());
    body.put("limit_usd", breach.limitUsd().toPlainString());
    body.put("spent_usd", breach.spentUsd().toPlainString());
    body.put("soft_threshold", breach.budget().softThreshold().toPlainString());
    body.put("resets_at", breach.resetsAt().toString());
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(webhook.toString())
            .putHeader("content-type", "application/json");
    client
        .request(options)
        .compose(request -> request.send(body.toString()))
        .onSuccess(
            response -> {
              if (response.statusCode() / 100 != 2) {
                LOG.warn(
                    "budget: webhook {} answered HTTP {} to an alert for '{}'",
                    webhook,
                    response.statusCode(),
                    breach.budget().id());
              }
            })
        .onFailure(
            failure ->
                LOG.warn(
                    "budget: webhook {} failed for an alert for '{}': {}",
                    webhook,
                    breach.budget().id(),
                    failure.toString()));
  }
}
