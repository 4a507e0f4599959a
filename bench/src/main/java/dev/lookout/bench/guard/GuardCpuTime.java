package dev.lookout.bench.guard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Prints the thread CPU time per call of each {@link GuardBenchmark} benchmark: p50, p99 and max
 * over 10,000 calls after 10,000 warm-up calls, on one thread. On a machine shared with other work
 * the wall-clock tail that JMH reports includes time the thread waited for a core; CPU time does
 * not, so it shows what the guards themselves cost.
 *
 * <p>Usage: {@code java -cp bench/target/lookout-bench.jar dev.lookout.bench.guard.GuardCpuTime}
 */
public final class GuardCpuTime {
  private static final int WARM_UP = 10_000;
  private static final int CALLS = 10_000;

  private GuardCpuTime() {}

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println("| benchmark | prompt | CPU p50 (us) | CPU p99 (us) | CPU max (us) |");
    System.out.println("|---|---|---:|---:|---:|");
    for (String prompt : List.of("prose", "pii", "pii-gb")) {
      GuardBenchmark benchmark = new GuardBenchmark();
      benchmark.prompt = prompt;
      benchmark.setUp();
      measure(threads, "injection", prompt, benchmark::injection);
      measure(threads, "piiValidated", prompt, benchmark::piiValidated);
      measure(threads, "piiWithTagger", prompt, benchmark::piiWithTagger);
      measure(threads, "defaultInputGuards", prompt, benchmark::defaultInputGuards);
    }
  }

  private static void measure(
      ThreadMXBean threads, String name, String prompt, Supplier<Object> call) {
    int sink = 0;
    for (int i = 0; i < WARM_UP; i++) {
      sink += call.get().hashCode();
    }
    long[] cpu = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      long start = threads.getCurrentThreadCpuTime();
      sink += call.get().hashCode();
      cpu[i] = threads.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(cpu);
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %.1f | %.1f | %.1f |%s%n",
        name,
        prompt,
        cpu[CALLS / 2] / 1e3,
        cpu[CALLS * 99 / 100] / 1e3,
        cpu[CALLS - 1] / 1e3,
        sink == 42 ? " " : "");
  }
}
