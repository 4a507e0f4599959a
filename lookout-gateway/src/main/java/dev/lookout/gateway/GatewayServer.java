package dev.lookout.gateway;

import dev.lookout.core.pricing.PriceTable;
import dev.lookout.core.tokens.TokenCounter;
import dev.lookout.gateway.access.AccessPolicy;
import dev.lookout.gateway.access.AccessSettings;
import dev.lookout.gateway.access.BudgetAlerts;
import dev.lookout.gateway.api.ApiHandler;
import dev.lookout.gateway.api.ReportService;
import dev.lookout.gateway.dashboard.DashboardApi;
import dev.lookout.gateway.drift.DriftApi;
import dev.lookout.gateway.drift.ResponseSampler;
import dev.lookout.gateway.error.GatewayError;
import dev.lookout.gateway.experiment.ExperimentApi;
import dev.lookout.gateway.experiment.ExperimentRouter;
import dev.lookout.gateway.guard.GuardSettings;
import dev.lookout.gateway.metrics.GatewayMetrics;
import dev.lookout.gateway.payload.PayloadApi;
import dev.lookout.gateway.proxy.BodyBudget;
import dev.lookout.gateway.proxy.CallFinisher;
import dev.lookout.gateway.proxy.Endpoint;
import dev.lookout.gateway.proxy.PassThroughHandler;
import dev.lookout.gateway.proxy.ProxyHandler;
import dev.lookout.gateway.proxy.UsageEstimator;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway: an OpenAI-compatible HTTP server that forwards calls to the upstream provider and
 * records each one. Owns its Vert.x instance; {@link #start} blocks until the port is bound and
 * {@link #stop} blocks until calls in flight have finished or the grace period ran out.
 */
public final class GatewayServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

  /**
   * Max connections to one upstream. HTTP/1.1 carries one call per connection, so this caps the
   * calls (open streams included) in flight to that upstream; a call beyond it waits for a free
   * connection and sends the client nothing meanwhile. Each connection costs one file descriptor.
   */
  private static final int UPSTREAM_POOL_SIZE = 10_000;

  /** HTTP servers started, each on its own event loop: one per core. */
  private static final int EVENT_LOOPS = Math.max(1, Runtime.getRuntime().availableProcessors());

  private final GatewaySettings settings;
  private final Vertx vertx;
  private Listeners listeners;

  /** The upstream client of each event loop; {@link #client} only sends budget webhooks. */
  private final List<HttpClient> loopClients = new CopyOnWriteArrayList<>();

  private final HttpClient client;
  private final AtomicInteger inFlight;
  private final CallFinisher finisher;
  private volatile boolean stopping;

  private GatewayServer(
      GatewaySettings settings,
      Vertx vertx,
      HttpClient client,
      AtomicInteger inFlight,
      CallFinisher finisher) {
    this.finisher = finisher;
    this.settings = settings;
    this.vertx = vertx;
    this.client = client;
    this.inFlight = inFlight;
  }

  /**
   * Starts a gateway and waits until it listens.
   *
   * @throws IllegalStateException if the port cannot be bound; the message names host and port
   */
  public static GatewayServer start(
      GatewaySettings settings,
      CallSink sink,
      PriceTable prices,
      GatewayMetrics metrics,
      ReportService reports) {
    return start(settings, sink, prices, metrics, reports, AccessSettings.none());
  }

  /**
   * Starts a gateway that authenticates Lookout keys and enforces budgets, and waits until it
   * listens.
   *
   * @throws IllegalStateException if the port cannot be bound; the message names host and port
   */
  public static GatewayServer start(
      GatewaySettings settings,
      CallSink sink,
      PriceTable prices,
      GatewayMetrics metrics,
      ReportService reports,
      AccessSettings accessSettings) {
    return start(settings, sink, prices, metrics, reports, accessSettings, GuardSettings.none());
  }

  /**
   * Starts a gateway with keys, budgets and guards, and waits until it listens.
   *
   * @throws IllegalStateException if the port cannot be bound; the message names host and port
   */
  public static GatewayServer start(
      GatewaySettings settings,
      CallSink sink,
      PriceTable prices,
      GatewayMetrics metrics,
      ReportService reports,
      AccessSettings accessSettings,
      GuardSettings guards) {
    return start(
        settings, sink, prices, metrics, reports, accessSettings, guards, GatewayFeatures.none());
  }

  /**
   * Starts a gateway with keys, budgets, guards and the optional features (dashboard, experiments,
   * payload capture, drift detection), and waits until it listens.
   *
   * @throws IllegalStateException if the port cannot be bound; the message names host and port
   */
  public static GatewayServer start(
      GatewaySettings requested,
      CallSink sink,
      PriceTable prices,
      GatewayMetrics metrics,
      ReportService reports,
      AccessSettings accessSettings,
      GuardSettings guards,
      GatewayFeatures features) {
    GatewaySettings settings = fitToOpenFiles(requested);
    Vertx vertx = Vertx.vertx();
    HttpClientOptions clientOptions =
        new HttpClientOptions()
            .setKeepAlive(true)
            .setConnectTimeout((int) Math.min(settings.upstreamTimeout().toMillis(), 30_000));
    // Sends budget webhooks only: calls go through each event loop's own client below.
    HttpClient client =
        vertx.createHttpClient(clientOptions, new PoolOptions().setHttp1MaxSize(EVENT_LOOPS));
    AtomicInteger inFlight = new AtomicInteger();
    AccessPolicy access =
        new AccessPolicy(
            accessSettings.keys(),
            accessSettings.ledger(),
            new BudgetAlerts(metrics.registry(), client, accessSettings.webhook()));
    CallFinisher finisher =
        new CallFinisher(
            sink,
            metrics,
            prices,
            new UsageEstimator(TokenCounter.create()),
            inFlight,
            access,
            guards.storageRedactor(),
            features.capture(),
            features.drift() != null ? features.drift() : ResponseSampler.NONE);
    ExperimentRouter router = new ExperimentRouter(features.experiments());
    BodyBudget bodyBudget = new BodyBudget(settings.maxBufferedBodyBytes());
    ApiHandler api = new ApiHandler(vertx, metrics.registry(), reports);
    DashboardApi dashboard = new DashboardApi(vertx, features.dashboard(), accessSettings.ledger());
    ExperimentApi experimentApi = new ExperimentApi(vertx, features.experiments());
    PayloadApi payloadApi = new PayloadApi(vertx, features.capture());
    DriftApi driftApi = new DriftApi(vertx, features.drift(), Clock.systemUTC());
    HttpServerOptions serverOptions =
        new HttpServerOptions()
            .setHost(settings.host())
            .setPort(settings.port())
            .setCompressionSupported(false);
    GatewayServer gateway = new GatewayServer(settings, vertx, client, inFlight, finisher);
    // Built on each event loop: a client created there keeps its upstream connections on that loop,
    // so a call never hops between threads.
    Supplier<Handler<HttpServerRequest>> handlers =
        () -> {
          HttpClient loopClient =
              vertx.createHttpClient(
                  clientOptions,
                  new PoolOptions().setHttp1MaxSize(UPSTREAM_POOL_SIZE / EVENT_LOOPS));
          gateway.loopClients.add(loopClient);
          ProxyHandler proxy =
              new ProxyHandler(
                  vertx, loopClient, settings, finisher, access, guards, router, bodyBudget);
          PassThroughHandler passThrough = new PassThroughHandler(loopClient, settings);
          return request ->
              gateway.route(
                  request, proxy, passThrough, api, dashboard, experimentApi, payloadApi, driftApi);
        };
    try {
      gateway.listeners = Listeners.start(vertx, serverOptions, handlers, EVENT_LOOPS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException(
          "Cannot listen on "
              + settings.host()
              + ":"
              + settings.port()
              + " ("
              + e.getMessage()
              + "); choose another port with --port or stop the process that uses it",
          e);
    }
    if (settings.maxBufferedBodyBytes() < settings.maxBodyBytes()) {
      LOG.warn(
          "gateway: max_buffered_body_bytes {} is below max_body_bytes {}, so bodies over {} bytes"
              + " get 413; raise the heap (-Xmx) or max_buffered_body_bytes to admit them",
          settings.maxBufferedBodyBytes(),
          settings.maxBodyBytes(),
          settings.maxBufferedBodyBytes());
    }
    LOG.info(
        "gateway: listening on {} with {} event loops and forwarding to {}",
        gateway.url(),
        gateway.listeners.count(),
        settings.upstreamForDisplay());
    return gateway;
  }

  /**
   * Returns {@code requested} with {@code max_in_flight} lowered to what the process's open-file
   * limit allows, logging a WARN when it had to be lowered.
   */
  private static GatewaySettings fitToOpenFiles(GatewaySettings requested) {
    long maxHandles = InFlightLimit.processMaxHandles();
    int fitted = InFlightLimit.fit(requested.maxInFlight(), maxHandles);
    if (fitted == requested.maxInFlight()) {
      return requested;
    }
    LOG.warn(
        "gateway: max_in_flight {} needs about {} open files, but this process may open {};"
            + " shedding calls above {} instead. Raise the hard open-file limit (ulimit -Hn,"
            + " or LimitNOFILE in a systemd unit) or lower max_in_flight"
            + " (LOOKOUT_MAX_IN_FLIGHT)",
        requested.maxInFlight(),
        InFlightLimit.needed(requested.maxInFlight(), maxHandles),
        maxHandles,
        fitted);
    return requested.withMaxInFlight(fitted);
  }

  private void route(
      HttpServerRequest request,
      ProxyHandler proxy,
      PassThroughHandler passThrough,
      ApiHandler api,
      DashboardApi dashboard,
      ExperimentApi experimentApi,
      PayloadApi payloadApi,
      DriftApi driftApi) {
    String path = request.path();
    if (hasDotSegment(path)) {
      ProxyHandler.writeError(
          request.response(),
          GatewayError.ROUTE_NOT_FOUND,
          "Path " + path + " contains '.' or '..' segments; send a normalised path");
      return;
    }
    // Checked before any route, so every /ui and /api/v1 route is behind ui.auth.
    if (dashboard.rejectUnauthorized(request) || experimentApi.handle(request)) {
      return;
    }
    Optional<Endpoint> endpoint = Endpoint.forPath(path);
    if (endpoint.isPresent()) {
      if (request.method() != HttpMethod.POST) {
        ProxyHandler.writeError(
            request.response(),
            GatewayError.METHOD_NOT_ALLOWED,
            request.method() + " " + path + " is not supported; use POST",
            endpoint.get());
      } else if (stopping) {
        request.response().putHeader("connection", "close");
        proxy.rejectWhileStopping(request, endpoint.get());
      } else {
        proxy.handle(request, endpoint.get());
      }
      return;
    }
    boolean get = request.method() == HttpMethod.GET;
    if (get && (path.equals("/v1/models") || path.startsWith("/v1/models/"))) {
      passThrough.handle(request);
    } else if (get && path.equals("/metrics")) {
      api.metrics(request);
    } else if (get && path.equals("/api/v1/report")) {
      api.report(request);
    } else if (get && PayloadApi.matches(path)) {
      payloadApi.handle(request);
    } else if (get && DriftApi.serves(path)) {
      driftApi.handle(request);
    } else if (get && path.equals("/healthz")) {
      api.health(request);
    } else if (get && dashboard.handle(request)) {
      return;
    } else {
      ProxyHandler.writeError(
          request.response(),
          GatewayError.ROUTE_NOT_FOUND,
          "No route for "
              + request.method()
              + " "
              + path
              + "; the gateway serves /v1/chat/completions, /v1/completions, /v1/embeddings,"
              + " /v1/messages,"
              + " /v1/models, /v1/feedback, /metrics, /api/v1/report, /api/v1/experiments,"
              + " /api/v1/drift, /api/v1/calls/{request_id}/payload, /healthz, the dashboard at"
              + " /ui/ and its /api/v1 routes");
    }
  }

  private static boolean hasDotSegment(String path) {
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return true;
      }
    }
    return false;
  }

  /** Returns the port the gateway listens on (the real one when 0 was requested). */
  public int port() {
    return listeners.port();
  }

  /** Returns the gateway's base URL, for example {@code http://127.0.0.1:8080}. */
  public String url() {
    return "http://" + settings.host() + ":" + port();
  }

  /** Returns the number of calls received and not yet recorded. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Stops accepting calls, waits for calls in flight to finish (at most the shutdown grace), then
   * closes the server. Calls still running after the grace are cut and recorded as cancelled.
   */
  public void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    finisher.markStopping();
    long graceMillis = settings.shutdownGrace().toMillis();
    LOG.info("gateway: stopping; {} calls in flight, waiting up to {} ms", inFlight(), graceMillis);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
    try {
      listeners.shutdown(graceMillis);
      while (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
        Thread.sleep(10);
      }
      int cut = inFlight.get();
      if (cut > 0) {
        LOG.warn(
            "gateway: shutdown grace of {} ms ran out; cutting {} calls, recorded as cancelled",
            graceMillis,
            cut);
      }
      // The servers' close returns before their connections close, so the clients' close below
      // can end an upstream response before the client's connection records the cut.
      finisher.markCutting();
      listeners.close().await(10, TimeUnit.SECONDS);
      for (HttpClient loopClient : loopClients) {
        loopClient.close().await(10, TimeUnit.SECONDS);
      }
      client.close().await(10, TimeUnit.SECONDS);
      // Connections cut by the close above record their calls as cancelled; give them a moment.
      long closeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (inFlight.get() > 0 && System.nanoTime() - closeDeadline < 0) {
        Thread.sleep(10);
      }
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("gateway: stop did not complete cleanly: {}", e.toString());
    }
    LOG.info("gateway: stopped; {} calls left unfinished", inFlight());
  }

  @Override
  public void close() {
    stop();
  }
}
