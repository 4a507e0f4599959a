package dev.lookout.core.guard.injection;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints the scoring latency of the built-in classifier for a 2 KB prompt: p50, p99 and max over
 * 20,000 calls after 5,000 warm-up calls, on one thread, by wall clock and by thread CPU time. On a
 * busy machine the wall-clock tail includes time the thread waited for a core; the CPU-time tail
 * does not. Run with the test classpath; the command is in {@code tools/injection/README.md}.
 */
public final class InjectionLatency {
  private static final int WARM_UP = 5_000;
  private static final int CALLS = 20_000;

  private InjectionLatency() {}

  public static void main(String[] args) {
    InjectionClassifier classifier = InjectionClassifier.builtIn();
    String sentence =
        "Please summarise the attached meeting notes, list the open action items with their"
            + " owners, and draft a short follow-up e-mail to the team. ";
    String prompt = sentence.repeat(2048 / sentence.length() + 1).substring(0, 2048);
    double sink = 0;
    for (int i = 0; i < WARM_UP; i++) {
      sink += classifier.score(prompt);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] wall = new long[CALLS];
    long[] cpu = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      long startCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      sink += classifier.score(prompt);
      wall[i] = System.nanoTime() - start;
      cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
    }
    print("wall-clock", wall);
    print("thread CPU", cpu);
    System.out.printf(Locale.ROOT, "checksum %.3f%n", sink);
  }

  private static void print(String clock, long[] nanos) {
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "2048-char prompt, %d calls, %s: p50 %.1f us, p99 %.1f us, max %.1f us%n",
        nanos.length,
        clock,
        nanos[nanos.length / 2] / 1e3,
        nanos[(int) (nanos.length * 0.99)] / 1e3,
        nanos[nanos.length - 1] / 1e3);
  }
}
