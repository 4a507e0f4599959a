package dev.lookout.gateway.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.budget.BudgetLedger;
import dev.lookout.gateway.error.GatewayError;
import dev.lookout.gateway.proxy.ProxyHandler;
import dev.lookout.store.query.CallFilter;
import dev.lookout.store.report.GroupBy;
import dev.lookout.store.report.Report;
import dev.lookout.store.report.ReportGroup;
import dev.lookout.store.report.ReportJson;
import dev.lookout.store.report.ReportQuery;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard: its pages under {@code /ui/} and the JSON routes they read under {@code /api/v1}.
 * Queries run on a worker thread, never on the event loop. Access is checked by {@link
 * #rejectUnauthorized} before any route of {@code /ui} or {@code /api/v1} runs.
 */
public final class DashboardApi {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardApi.class);
  private static final String CALLS = "/api/v1/calls";
  private static final int DEFAULT_CALL_LIMIT = 100;
  private static final int DEFAULT_GROUP_LIMIT = 100;
  private static final int MAX_GROUP_LIMIT = 10_000;

  private final Vertx vertx;
  private final DashboardSettings settings;
  private final BudgetLedger ledger;
  private final UiFiles files = new UiFiles();

  public DashboardApi(Vertx vertx, DashboardSettings settings, BudgetLedger ledger) {
    this.vertx = vertx;
    this.settings = settings;
    this.ledger = ledger;
  }

  /**
   * Sends 401 and returns true when {@code request} targets {@code /ui} or {@code /api/v1} without
   * the configured credentials. With bearer auth the static files of {@code /ui/} stay open,
   * because a browser cannot send a bearer token when it loads a page; they hold no data.
   */
  public boolean rejectUnauthorized(HttpServerRequest request) {
    String path = request.path();
    boolean api = path.startsWith("/api/v1/");
    boolean ui = path.equals("/ui") || path.startsWith("/ui/");
    if (!api && !ui) {
      return false;
    }
    DashboardAuth auth = settings.auth();
    if (ui && auth.scheme() == DashboardAuth.Scheme.BEARER) {
      return false;
    }
    if (auth.allows(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      return false;
    }
    LOG.debug("dashboard: rejected {} {} without valid credentials", request.method(), path);
    request.response().putHeader("WWW-Authenticate", auth.challenge());
    ProxyHandler.writeError(
        request.response(),
        GatewayError.DASHBOARD_UNAUTHORIZED,
        "Missing or invalid "
            + (auth.scheme() == DashboardAuth.Scheme.BASIC ? "basic auth" : "bearer token")
            + " for "
            + path
            + "; send the credentials configured under ui.auth in lookout.yaml");
    return true;
  }

  /** Handles a GET of a dashboard route and returns true, or returns false for other paths. */
  public boolean handle(HttpServerRequest request) {
    String path = request.path();
    if (path.equals("/ui")) {
      request.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, "/ui/").end();
      return true;
    }
    if (path.startsWith("/ui/")) {
      serveFile(request, path.substring("/ui/".length()));
      return true;
    }
    if (!settings.enabled()) {
      return false;
    }
    switch (path) {
      case "/api/v1/timeseries" -> respond(request, "timeseries", () -> timeSeries(request));
      case "/api/v1/breakdown" -> respond(request, "breakdown", () -> breakdown(request));
      case CALLS -> respond(request, "calls", () -> calls(request));
      case "/api/v1/guards" -> respond(request, "guards", () -> guards(request));
      case "/api/v1/budgets" ->
          respond(request, "budgets", () -> BudgetsJson.write(ledger, Instant.now()));
      default -> {
        String id = callId(path);
        if (id == null) {
          return false;
        }
        respond(request, "call", () -> call(id));
      }
    }
    return true;
  }

  /** Returns the id of {@code /api/v1/calls/{id}}, or null for any other path. */
  private static String callId(String path) {
    if (!path.startsWith(CALLS + "/")) {
      return null;
    }
    String id = path.substring(CALLS.length() + 1);
    return id.isEmpty() || id.contains("/") ? null : id;
  }

  private String timeSeries(HttpServerRequest request) {
    Instant now = Instant.now();
    Instant since = QueryParams.since(request.getParam("since", "24h"), now);
    Duration bucket = QueryParams.bucket(request.getParam("bucket"), since, now);
    return DashboardJson.timeSeries(since, bucket, settings.queries().timeSeries(since, bucket));
  }

  private String breakdown(HttpServerRequest request) throws JsonProcessingException {
    Instant since = QueryParams.since(request.getParam("since", "24h"), Instant.now());
    GroupBy by = GroupBy.parse(breakdownKey(request.getParam("by", "model")));
    int limit = QueryParams.limit(request.getParam("limit"), DEFAULT_GROUP_LIMIT, MAX_GROUP_LIMIT);
    Report report = settings.store().report(new ReportQuery(since, by));
    // NOTE: the store returns every group and only the first `limit` (by cost) are sent; the total
    // still covers all of them. Thousands of users cost a few milliseconds here, not a page.
    List<ReportGroup> groups = report.groups();
    Report shown =
        groups.size() <= limit ? report : new Report(groups.subList(0, limit), report.total());
    ObjectNode json = (ObjectNode) DashboardJson.MAPPER.readTree(ReportJson.write(shown));
    json.put("groups_total", groups.size());
    return DashboardJson.write(json);
  }

  /** Accepts the column names too, so {@code by=prompt_template} equals {@code by=template}. */
  private static String breakdownKey(String by) {
    return switch (by) {
      case "prompt_template" -> "template";
      case "user_id" -> "user";
      case "api_key_id" -> "api_key";
      default -> by;
    };
  }

  private String calls(HttpServerRequest request) {
    Instant now = Instant.now();
    String since = request.getParam("since");
    String until = request.getParam("until");
    int limit =
        QueryParams.limit(request.getParam("limit"), DEFAULT_CALL_LIMIT, CallFilter.MAX_LIMIT);
    // One extra row shows whether another page follows.
    CallFilter filter =
        new CallFilter(
            since == null ? null : QueryParams.since(since, now),
            until == null ? null : QueryParams.time("until", until, now),
            request.getParam("model"),
            request.getParam("status"),
            request.getParam("user"),
            request.getParam("template"),
            request.getParam("experiment"),
            QueryParams.before(request.getParam("before")),
            limit + 1);
    var calls = settings.queries().calls(filter);
    boolean more = calls.size() > limit;
    return DashboardJson.callList(more ? calls.subList(0, limit) : calls, more);
  }

  private String call(String id) {
    return settings
        .store()
        .find(id)
        .map(DashboardJson::callDetail)
        .orElseThrow(() -> new CallNotFoundException(id));
  }

  private String guards(HttpServerRequest request) {
    Instant now = Instant.now();
    Instant since = QueryParams.since(request.getParam("since", "24h"), now);
    Duration bucket = QueryParams.bucket(request.getParam("bucket"), since, now);
    return DashboardJson.guardCounts(since, bucket, settings.queries().guardCounts(since, bucket));
  }

  private void respond(HttpServerRequest request, String route, Callable<String> work) {
    vertx
        .executeBlocking(work, false)
        .onSuccess(
            json ->
                request
                    .response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(json))
        .onFailure(failure -> fail(request, route, failure));
  }

  private void serveFile(HttpServerRequest request, String relativePath) {
    vertx
        .executeBlocking(() -> files.find(relativePath), false)
        .onSuccess(
            file -> {
              if (file.isEmpty()) {
                ProxyHandler.writeError(
                    request.response(),
                    GatewayError.ROUTE_NOT_FOUND,
                    "No dashboard file " + request.path() + "; open /ui/ for the dashboard");
                return;
              }
              request
                  .response()
                  .putHeader(HttpHeaders.CONTENT_TYPE, file.get().contentType())
                  .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                  .end(file.get().body());
            })
        .onFailure(failure -> fail(request, "ui", failure));
  }

  private static void fail(HttpServerRequest request, String route, Throwable failure) {
    if (failure instanceof CallNotFoundException) {
      ProxyHandler.writeError(
          request.response(), GatewayError.CALL_NOT_FOUND, failure.getMessage());
    } else if (failure instanceof IllegalArgumentException) {
      ProxyHandler.writeError(request.response(), GatewayError.INVALID_QUERY, failure.getMessage());
    } else {
      LOG.error("dashboard: {} failed", route, failure);
      ProxyHandler.writeError(
          request.response(),
          GatewayError.INTERNAL,
          route + " failed: " + failure.getMessage() + "; see the gateway's log for details");
    }
  }

  /** No call record has the requested id. */
  private static final class CallNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallNotFoundException(String id) {
      super(
          "No call with request_id '"
              + id
              + "' is stored; copy the id from the x-lookout-request-id header or the call log");
    }
  }
}
