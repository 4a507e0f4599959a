package dev.lookout.core.experiment;

/**
 * Figures of one variant on one metric. Every comparison field is null for the control, and for a
 * variant whose test is undefined (too few observations, no variance).
 *
 * @param n observations
 * @param mean mean, or rate for a rate metric; null when {@code n} is 0
 * @param diff this variant's mean minus the control's
 * @param ciLow lower end of the 95% confidence interval of {@code diff}
 * @param ciHigh upper end of the 95% confidence interval of {@code diff}
 * @param pValue two-sided p-value of a fixed-horizon test, valid only if read once at a planned end
 * @param pValueAdjusted {@code pValue} after Holm's correction over all metrics and variants
 * @param sequentialPValue always-valid p-value (mSPRT), valid at every look
 * @param sequentialPValueAdjusted {@code sequentialPValue} after Holm's correction
 * @param relativeLift {@code diff} divided by the control's mean
 * @param nRequired observations per arm to detect the minimum detectable effect at 80% power
 * @param nNeeded observations this variant still needs to reach {@code nRequired}, 0 when reached
 */
public record VariantResult(
    long n,
    Double mean,
    Double diff,
    Double ciLow,
    Double ciHigh,
    Double pValue,
    Double pValueAdjusted,
    Double sequentialPValue,
    Double sequentialPValueAdjusted,
    Double relativeLift,
    Long nRequired,
    Long nNeeded) {

  /** Returns this result with the adjusted p-values set. */
  VariantResult withAdjusted(Double fixed, Double sequential) {
    return new VariantResult(
        n,
        mean,
        diff,
        ciLow,
        ciHigh,
        pValue,
        fixed,
        sequentialPValue,
        sequential,
        relativeLift,
        nRequired,
        nNeeded);
  }
}
