package dev.lookout.bench;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures one process over one phase: CPU time from start to stop, and the peak resident memory
 * and peak requests in flight, sampled every {@value #SAMPLE_MILLIS} ms on a daemon thread.
 */
final class ResourceSampler implements AutoCloseable {
  static final long SAMPLE_MILLIS = 50;

  private final long pid;
  private final AtomicInteger inFlight;
  private final long startTicks;
  private final long startNanos = System.nanoTime();
  private final long selfStartTicks;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long maxResidentKib = -1;
  private volatile int maxInFlight;

  /**
   * Starts sampling {@code pid} (0 for no process) and the in-flight counter of the phase.
   *
   * @param inFlight requests sent and not yet finished, updated by the load generator
   */
  ResourceSampler(long pid, AtomicInteger inFlight) {
    this.pid = pid;
    this.inFlight = inFlight;
    this.startTicks = pid > 0 ? ProcessStats.cpuTicks(pid).orElse(-1) : -1;
    this.selfStartTicks = ProcessStats.cpuTicks(ProcessHandle.current().pid()).orElse(-1);
    this.thread = new Thread(this::sampleLoop, "bench-resource-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sampleLoop() {
    while (running) {
      sample();
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void sample() {
    maxInFlight = Math.max(maxInFlight, inFlight.get());
    if (pid > 0) {
      OptionalLong resident = ProcessStats.residentKib(pid);
      if (resident.isPresent()) {
        maxResidentKib = Math.max(maxResidentKib, resident.getAsLong());
      }
    }
  }

  /** Stops sampling and returns what it measured since the start. */
  Usage stop(int clockTicks) throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
    sample();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double cpuPercent = percentOfOneCore(pid > 0 ? startTicks : -1, pid, clockTicks, seconds);
    double selfPercent =
        percentOfOneCore(selfStartTicks, ProcessHandle.current().pid(), clockTicks, seconds);
    return new Usage(cpuPercent, selfPercent, maxResidentKib, maxInFlight);
  }

  private static double percentOfOneCore(
      long startTicks, long pid, int clockTicks, double seconds) {
    if (startTicks < 0 || seconds <= 0) {
      return Double.NaN;
    }
    OptionalLong end = ProcessStats.cpuTicks(pid);
    if (end.isEmpty()) {
      return Double.NaN;
    }
    return 100.0 * (end.getAsLong() - startTicks) / clockTicks / seconds;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }

  /**
   * Resources used during one phase.
   *
   * @param cpuPercent CPU time of the target's process over the phase, in percent of one core; NaN
   *     when no process was given or {@code /proc} was unreadable
   * @param generatorCpuPercent the same for the load generator's own process
   * @param maxResidentKib peak sampled VmRSS of the target's process in KiB, or -1 when unknown
   * @param maxInFlight peak sampled number of requests in flight
   */
  record Usage(
      double cpuPercent, double generatorCpuPercent, long maxResidentKib, int maxInFlight) {
    static final Usage NONE = new Usage(Double.NaN, Double.NaN, -1, 0);
  }
}
