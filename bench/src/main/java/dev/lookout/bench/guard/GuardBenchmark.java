package dev.lookout.bench.guard;

import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.GuardOutcome;
import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.core.guard.GuardVerdict;
import dev.lookout.core.guard.injection.InjectionGuard;
import dev.lookout.core.guard.pii.PiiDetector;
import dev.lookout.core.guard.pii.PiiGuard;
import dev.lookout.core.guard.pii.PiiRedactor;
import dev.lookout.core.guard.pii.RedactionMode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of each input guard and of the default input pipeline on one 2 KB prompt, single
 * threaded. Sample-time mode reports p50 and p99 per call. {@code bench/GUARDS.md} gives the
 * command and the measured figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GuardBenchmark {
  @Param({"prose", "pii", "pii-gb"})
  public String prompt;

  private String text;
  private InjectionGuard injection;
  private PiiGuard piiValidated;
  private PiiGuard piiWithTagger;
  private GuardPipeline defaultInput;

  @Setup
  public void setUp() {
    text = GuardPrompts.named(prompt);
    injection = InjectionGuard.builtIn();
    piiValidated =
        new PiiGuard(PiiDetector.defaults(), new PiiRedactor(RedactionMode.PLACEHOLDER, null));
    piiWithTagger =
        new PiiGuard(PiiDetector.broad(), new PiiRedactor(RedactionMode.PLACEHOLDER, null));
    defaultInput = new GuardPipeline(List.of(injection, piiValidated), List.of());
  }

  /** Runs the injection classifier over the whole prompt. */
  @Benchmark
  public GuardVerdict injection() {
    return injection.check(text, Direction.INPUT);
  }

  /** Runs the validated PII detectors (the gateway's default types) with placeholder redaction. */
  @Benchmark
  public GuardVerdict piiValidated() {
    return piiValidated.check(text, Direction.INPUT);
  }

  /** Runs the validated PII detectors plus the opt-in name and address tagger. */
  @Benchmark
  public GuardVerdict piiWithTagger() {
    return piiWithTagger.check(text, Direction.INPUT);
  }

  /** Runs all default input guards in order: injection, then the validated PII types. */
  @Benchmark
  public GuardOutcome defaultInputGuards() {
    return defaultInput.check(text, Direction.INPUT);
  }
}
