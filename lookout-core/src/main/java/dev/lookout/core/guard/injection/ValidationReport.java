package dev.lookout.core.guard.injection;

import java.util.Locale;
import java.util.Map;

/** Plain-text rendering of {@link SourceValidation.Result} for the trainer's output. */
final class ValidationReport {
  private ValidationReport() {}

  static String format(SourceValidation.Result result) {
    StringBuilder out = new StringBuilder();
    out.append(
        "Validation by held-out source group (threshold chosen without the held-out group)\n");
    for (SourceValidation.Fold fold : result.folds()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  fold %-45s rows %5d  threshold %.4f%n",
              fold.heldOut(),
              fold.rows(),
              fold.threshold()));
    }
    out.append("By group:\n");
    appendTable(out, result.byGroup());
    out.append("By source:\n");
    appendTable(out, result.bySource());
    return out.toString();
  }

  static void appendTable(StringBuilder out, InjectionEvaluation.Report report) {
    out.append(
        String.format(
            Locale.ROOT,
            "  %-80s %5s %9s %6s %6s %6s%n",
            "source",
            "n",
            "precision",
            "recall",
            "f1",
            "fpr"));
    for (Map.Entry<String, InjectionEvaluation.Metrics> entry : report.bySource().entrySet()) {
      appendRow(out, entry.getKey(), entry.getValue());
    }
    appendRow(out, "overall", report.overall());
  }

  private static void appendRow(StringBuilder out, String name, InjectionEvaluation.Metrics m) {
    out.append(
        String.format(
            Locale.ROOT,
            "  %-80s %5d %9s %6s %6s %6s%n",
            name,
            m.n(),
            number(m.precision()),
            number(m.recall()),
            number(m.f1()),
            number(m.falsePositiveRate())));
  }

  static String number(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }
}
