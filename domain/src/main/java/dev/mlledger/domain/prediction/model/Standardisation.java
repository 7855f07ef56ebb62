package dev.mlledger.domain.prediction.model;

/** Centres and scales a number before its coefficient applies: {@code (x − mean) / scale}, as a StandardScaler does. */
public record Standardisation(double mean, double scale) {

    public Standardisation {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be a finite number, got " + mean);
        }
        if (!(Double.isFinite(scale) && scale > 0.0)) {
            throw new IllegalArgumentException("scale must be a positive finite number, got " + scale);
        }
    }

    public double apply(double x) {
        return (x - mean) / scale;
    }
}
