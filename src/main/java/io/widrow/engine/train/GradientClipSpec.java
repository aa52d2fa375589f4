package io.widrow.engine.train;

/** Gradient clipping: by global L2 norm and/or by value; 0 switches either off. */
public record GradientClipSpec(double norm, double value) {
    public static final GradientClipSpec NONE = new GradientClipSpec(0, 0);

    public GradientClipSpec {
        if (!(norm >= 0) || Double.isInfinite(norm)) {
            throw new IllegalArgumentException("gradientClip.norm must be >= 0 and finite, got " + norm);
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("gradientClip.value must be >= 0 and finite, got " + value);
        }
    }
}
