package io.widrow.engine.optim;

/** Range checks shared by the optimizers and their spec, with messages that echo the bad value. */
final class Checks {
    private Checks() {
    }

    static double momentum(double gamma) {
        return unitInterval("momentum", gamma);
    }

    /** Requires {@code value} in [0, 1). */
    static double unitInterval(String field, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1), got " + value);
        }
        return value;
    }

    static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be > 0 and finite, got " + value);
        }
        return value;
    }
}
