package dev.lookout.gateway.drift;

import dev.lookout.core.drift.DriftCheck;
import dev.lookout.core.drift.DriftKey;
import dev.lookout.core.drift.DriftSample;
import dev.lookout.core.drift.DriftState;
import dev.lookout.core.drift.DriftTest;
import dev.lookout.core.drift.DriftTracker;
import dev.lookout.core.drift.Embedder;
import dev.lookout.core.drift.MmdTest;
import dev.lookout.core.drift.SampleText;
import dev.lookout.core.drift.StyleFeatures;
import dev.lookout.gateway.metrics.LabelCap;
import dev.lookout.store.drift.DriftStore;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the responses of each prompt template and model for drift, off the request path.
 *
 * <p>{@link #offer} runs on the event loop: it samples at {@code sample_rate} and makes one
 * non-blocking {@code offer} into a bounded queue; a full queue drops the sample and counts it. One
 * worker thread takes batches from the queue, redacts and cuts the texts, embeds them, feeds each
 * template's {@link DriftTracker}, stores baseline samples and test results, and raises an alert
 * when a template turns drifted. Baselines and the last result are read back from the store at
 * start, so they survive restarts; the window is kept in memory only.
 */
public final class DriftMonitor implements ResponseSampler, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DriftMonitor.class);

  private final DriftMonitorSettings settings;
  private final Embedder embedder;
  private final DriftStore store;
  private final UnaryOperator<String> redactor;
  private final DriftAlerts alerts;
  private final Clock clock;
  private final BlockingQueue<Pending> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong embedded = new AtomicLong();
  private final DriftTest test;
  // Seeded, so the same samples in the same order give the same permutation p-values.
  private final SplittableRandom random = new SplittableRandom(20_261_204L);
  private final Map<DriftKey, DriftTracker> trackers = new HashMap<>();
  private final Map<DriftKey, DriftStatus> statuses = new ConcurrentHashMap<>();
  private final UntrackedWarning untrackedWarning = new UntrackedWarning();
  private final Thread worker;
  private volatile boolean running = true;

  private record Pending(DriftKey key, String text) {}

  /** Samples of one key that a batch added, numbered from the first one's position. */
  private record Added(long firstPosition, List<DriftSample> samples) {
    Added(long firstPosition) {
      this(firstPosition, new ArrayList<>());
    }
  }

  /**
   * Creates a monitor, restores baselines and last results from {@code store}, and starts its
   * worker thread.
   *
   * @param redactor applied to every sampled text before it is embedded or stored
   */
  public DriftMonitor(
      DriftMonitorSettings settings,
      Embedder embedder,
      DriftStore store,
      UnaryOperator<String> redactor,
      PrometheusRegistry registry,
      int labelCap,
      Clock clock) {
    this.settings = settings;
    this.embedder = embedder;
    this.store = store;
    this.redactor = redactor;
    this.alerts = new DriftAlerts(settings.webhook());
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.test = new DriftTest(settings.test().permutations(), MmdTest.DEFAULT_FARTHEST);
    restore();
    DriftMetrics.register(
        registry, new LabelCap(labelCap), statuses::values, dropped::get, queue::size);
    this.worker = new Thread(this::work, "lookout-drift");
    worker.setDaemon(true);
    // Background work, lower than the event loops; see Recorder.
    worker.setPriority(Thread.MIN_PRIORITY);
    worker.start();
    LOG.info(
        "drift: started; sample rate {}, baseline {}, window {}, alpha {}, {} templates restored",
        settings.sampleRate(),
        settings.test().baselineSize(),
        settings.test().windowSize(),
        settings.test().alpha(),
        trackers.size());
  }

  @Override
  public void offer(String template, String model, String text) {
    if (text == null || text.isEmpty() || !running) {
      return;
    }
    if (settings.sampleRate() < 1
        && ThreadLocalRandom.current().nextDouble() >= settings.sampleRate()) {
      return;
    }
    if (!queue.offer(new Pending(new DriftKey(template, model), text))) {
      dropped.incrementAndGet();
    }
  }

  /** Returns the status of every template and model seen, sorted by template then model. */
  public List<DriftStatus> statuses() {
    List<DriftStatus> sorted = new ArrayList<>(statuses.values());
    sorted.sort(
        java.util.Comparator.comparing((DriftStatus s) -> s.key().promptTemplate())
            .thenComparing(s -> s.key().model()));
    return sorted;
  }

  /** Returns the store the results are written to, for history queries. */
  public DriftStore store() {
    return store;
  }

  /** Returns samples dropped: the queue was full, too many keys were tracked, or a batch failed. */
  public long dropped() {
    return dropped.get();
  }

  /** Returns samples embedded and processed so far. */
  public long embedded() {
    return embedded.get();
  }

  /** Returns samples waiting in the queue. */
  public int queued() {
    return queue.size();
  }

  /** Stops the worker; samples still queued are discarded, because the window is not stored. */
  @Override
  public void close() {
    running = false;
    worker.interrupt();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("drift: stopped; {} samples embedded, {} dropped", embedded.get(), dropped.get());
  }

  private void restore() {
    Map<DriftKey, List<DriftSample>> baselines = store.baselines();
    baselines.forEach((key, samples) -> tracker(key).replaceBaseline(samples));
    store
        .windows()
        .forEach(
            (key, stored) -> {
              DriftTracker tracker = trackers.get(key);
              if (tracker != null) {
                tracker.restoreWindow(stored.samples(), stored.nextPosition());
              }
            });
    for (DriftCheck check : store.latestChecks()) {
      DriftTracker tracker = trackers.get(check.key());
      // A result without its baseline (reset since) no longer describes anything.
      if (tracker != null && tracker.baselineComplete()) {
        tracker.restoreLastCheck(check);
      }
    }
    trackers.values().forEach(this::publish);
  }

  private void work() {
    List<Pending> batch = new ArrayList<>(settings.batchSize());
    while (running) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, settings.batchSize() - 1);
        process(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        dropped.addAndGet(batch.size());
        LOG.error("drift: a batch of {} samples failed and was dropped", batch.size(), e);
      } finally {
        batch.clear();
      }
    }
  }

  private void process(List<Pending> batch) {
    List<String> texts = new ArrayList<>(batch.size());
    List<float[]> styles = new ArrayList<>(batch.size());
    for (Pending pending : batch) {
      String text = redactor.apply(pending.text());
      styles.add(StyleFeatures.of(text));
      texts.add(SampleText.cut(text));
    }
    List<float[]> vectors = embedder.embed(texts);
    Map<DriftKey, Added> newBaseline = new LinkedHashMap<>();
    Map<DriftKey, Added> newWindow = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      DriftKey key = batch.get(i).key();
      if (!trackers.containsKey(key) && trackers.size() >= settings.maxTemplates()) {
        dropped.incrementAndGet();
        untrackedWarning.warn(key, settings.maxTemplates());
        continue;
      }
      DriftTracker tracker = tracker(key);
      DriftSample sample = new DriftSample(texts.get(i), vectors.get(i), styles.get(i));
      int position = tracker.baselineCount();
      long windowPosition = tracker.windowAdded();
      DriftTracker.Placement placement = tracker.add(sample);
      if (placement == DriftTracker.Placement.BASELINE) {
        newBaseline.computeIfAbsent(key, k -> new Added(position)).samples().add(sample);
      } else {
        newWindow.computeIfAbsent(key, k -> new Added(windowPosition)).samples().add(sample);
        if (placement == DriftTracker.Placement.CHECK_DUE) {
          check(tracker);
        }
      }
      publish(tracker);
    }
    newBaseline.forEach(
        (key, added) ->
            store.appendBaseline(key, Math.toIntExact(added.firstPosition()), added.samples()));
    newWindow.forEach(
        (key, added) ->
            store.appendWindow(
                key, added.firstPosition(), added.samples(), settings.test().windowSize()));
    // Counted last, so a caller that reads the count also finds the tests and stored rows.
    embedded.addAndGet(vectors.size());
  }

  private void check(DriftTracker tracker) {
    DriftState before = tracker.state();
    // The store keeps milliseconds, so a live test reads the same as after a restart.
    DriftCheck check = tracker.check(test, random, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    store.appendCheck(check);
    LOG.debug(
        "drift: {} tested: {} p={} distance={}",
        tracker.key(),
        check.state().label(),
        check.result().pValue(),
        check.result().distance());
    if (check.state() == DriftState.DRIFTED && before != DriftState.DRIFTED) {
      alerts.turnedDrifted(check, settings.test().alpha());
    }
  }

  private DriftTracker tracker(DriftKey key) {
    return trackers.computeIfAbsent(key, k -> new DriftTracker(k, settings.test()));
  }

  private void publish(DriftTracker tracker) {
    statuses.put(
        tracker.key(),
        new DriftStatus(
            tracker.key(),
            tracker.state(),
            tracker.lastCheck(),
            tracker.baselineCount(),
            tracker.windowCount()));
  }

  /** Logs the first sample dropped because too many templates are tracked, once. */
  private static final class UntrackedWarning {
    private boolean warned;

    void warn(DriftKey key, int tracked) {
      if (!warned) {
        warned = true;
        LOG.warn(
            "drift: already tracking {} templates and models, so samples of {} and any further"
                + " ones are dropped; send fewer distinct x-lookout-template values or raise"
                + " drift.max_templates",
            tracked,
            key);
      }
    }
  }
}
