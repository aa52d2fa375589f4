package io.widrow.engine.optim;

import io.widrow.engine.check.SteadyAllocation;
import io.widrow.engine.nn.Parameter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The step loop runs millions of times per job: after the first step it must not allocate. */
class OptimizerAllocationTest {
    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adam", "rmsprop", "adagrad"})
    void stepsAfterTheFirstDoNotAllocate(String type) {
        // The 256×256 kernel is large enough to be split over the GEMM pool's threads.
        List<Parameter> params = List.of(Parameter.zeros("W", 16, 16, true), Parameter.zeros("b", 1, 16, false),
                Parameter.zeros("K", 256, 256, true));
        java.util.Arrays.fill(params.get(0).grad(), 1e-3f);
        Optimizer opt = OptimizerSpec.of(type, 1e-3).build();
        for (int i = 0; i < 300; i++) {
            opt.step(params, 1e-3);
        }
        // A few hundred bytes of slack for the measurement itself; one allocation per step would be ≥ 12 kB.
        SteadyAllocation.assertBelow(4_096, () -> {
            for (int i = 0; i < 400; i++) {
                opt.step(params, 1e-3);
            }
        });
    }
}
