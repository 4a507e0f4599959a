package dev.lookout.core.guard.injection;

/**
 * AdaGrad steps on the logistic loss of a {@link LinearModel}. The L2 penalty applies only to the
 * weights an example touches (lazy regularisation), which keeps each step proportional to the
 * example's size rather than to the table's.
 */
final class AdaGrad {
  private static final double EPSILON = 1e-8;

  private final LinearModel model;
  private final double learningRate;
  private final double l2;
  private final float[] squaredGradients;
  private final float[] squaredSignalGradients;
  private double squaredBiasGradient;

  AdaGrad(LinearModel model, double learningRate, double l2) {
    this.model = model;
    this.learningRate = learningRate;
    this.l2 = l2;
    this.squaredGradients = new float[model.weights.length];
    this.squaredSignalGradients = new float[model.signalWeights.length];
  }

  /** Takes one step on {@code example} with label {@code injection} and sample weight. */
  void step(InjectionFeatures.Example example, boolean injection, double weight) {
    FeatureVector features = example.features();
    double p = LinearModel.sigmoid(model.logit(features, example.signals()));
    double error = (p - (injection ? 1 : 0)) * weight;
    double value = features.value();
    float[] w = model.weights;
    for (int i = 0; i < features.size(); i++) {
      int b = features.bucket(i);
      double gradient = error * value + l2 * w[b];
      squaredGradients[b] += (float) (gradient * gradient);
      w[b] -= (float) (learningRate * gradient / Math.sqrt(squaredGradients[b] + EPSILON));
    }
    float[] signals = example.signals();
    for (int i = 0; i < signals.length; i++) {
      if (signals[i] != 0) {
        double gradient = error * signals[i] + l2 * model.signalWeights[i];
        squaredSignalGradients[i] += (float) (gradient * gradient);
        model.signalWeights[i] -=
            (float) (learningRate * gradient / Math.sqrt(squaredSignalGradients[i] + EPSILON));
      }
    }
    squaredBiasGradient += error * error;
    model.bias -= (float) (learningRate * error / Math.sqrt(squaredBiasGradient + EPSILON));
  }
}
