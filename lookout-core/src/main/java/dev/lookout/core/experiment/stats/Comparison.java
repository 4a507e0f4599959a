package dev.lookout.core.experiment.stats;

/**
 * A treatment-minus-control difference with its 95% confidence interval and two-sided p-value.
 *
 * @param diff treatment mean minus control mean
 * @param standardError standard error of {@code diff} used for the interval
 * @param ciLow lower end of the 95% confidence interval
 * @param ciHigh upper end of the 95% confidence interval
 * @param statistic the test statistic (t or z)
 * @param pValue two-sided p-value of the null hypothesis of no difference
 */
public record Comparison(
    double diff,
    double standardError,
    double ciLow,
    double ciHigh,
    double statistic,
    double pValue) {}
